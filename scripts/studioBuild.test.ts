import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'

import {ensureStudioBuild, HASH_FILE, studioInputsHash} from './studioBuild.ts'

const target = {projectId: 'local', dataset: 'production'}

describe('studioInputsHash', () => {
  const root = mkdtempSync(join(tmpdir(), 'studio-inputs-'))
  afterAll(() => rmSync(root, {recursive: true, force: true}))
  mkdirSync(join(root, 'schemas', 'objects'), {recursive: true})
  writeFileSync(join(root, 'sanity.config.ts'), 'export default {}')
  writeFileSync(join(root, 'package-lock.json'), '{}')
  writeFileSync(join(root, 'schemas', 'objects', 'a.ts'), 'export const a = 1')

  it('changes when the schema, the config or the target changes, and not for tests or unrelated files', async () => {
    const first = await studioInputsHash(target, root)
    expect(await studioInputsHash(target, root)).toBe(first)
    writeFileSync(join(root, 'schemas', 'objects', 'a.test.ts'), 'test')
    mkdirSync(join(root, 'sync'), {recursive: true})
    writeFileSync(join(root, 'sync', 'run.ts'), 'export {}')
    expect(await studioInputsHash(target, root)).toBe(first)
    writeFileSync(join(root, 'schemas', 'objects', 'a.ts'), 'export const a = 2')
    const schemaChanged = await studioInputsHash(target, root)
    expect(schemaChanged).not.toBe(first)
    writeFileSync(join(root, 'sanity.config.ts'), 'export default {title: "x"}')
    expect(await studioInputsHash(target, root)).not.toBe(schemaChanged)
    expect(await studioInputsHash({...target, dataset: 'staging'}, root)).not.toBe(
      await studioInputsHash(target, root),
    )
  })
})

describe('ensureStudioBuild', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'studio-build-'))
  afterAll(() => rmSync(outDir, {recursive: true, force: true}))

  it('keeps a build whose hash file matches the current inputs, without running the build', async () => {
    writeFileSync(join(outDir, 'index.html'), '<!doctype html>')
    writeFileSync(join(outDir, HASH_FILE), `${await studioInputsHash(target)}\n`)
    const messages: string[] = []
    const result = await ensureStudioBuild(outDir, target, (line) => messages.push(line))
    expect(result.built).toBe(false)
    expect(messages).toEqual([])
  })
})
