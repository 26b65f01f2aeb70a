import {execFile} from 'node:child_process'
import {mkdir, readFile, rm} from 'node:fs/promises'
import {join} from 'node:path'
import {promisify} from 'node:util'

import {describe, expect, it} from 'vitest'

const run = promisify(execFile)
const root = join(import.meta.dirname, '..')
const sanity = join(root, 'node_modules', '.bin', 'sanity')
const env = {...process.env, DO_NOT_TRACK: '1', NO_COLOR: '1'}

describe('the content model', () => {
  it("passes Sanity's own schema validation with zero errors and zero warnings", async () => {
    const {stdout} = await run(sanity, ['schema', 'validate', '--format', 'json'], {cwd: root, env})
    expect(JSON.parse(stdout)).toEqual([])
  })

  it('matches the committed schema.json and sanity.types.ts (run `npm run typegen` if not)', async () => {
    const scratch = '.artifacts/typegen'
    await rm(join(root, scratch), {recursive: true, force: true})
    await mkdir(join(root, scratch), {recursive: true})
    const schema = `${scratch}/schema.json`
    const types = `${scratch}/sanity.types.ts`
    await run(sanity, ['schema', 'extract', `--path=${schema}`, '--enforce-required-fields'], {
      cwd: root,
      env,
    })
    await run(sanity, ['typegen', 'generate'], {
      cwd: root,
      env: {...env, TYPEGEN_SCHEMA: `./${schema}`, TYPEGEN_OUT: `./${types}`},
    })
    const [freshSchema, committedSchema, freshTypes, committedTypes] = await Promise.all(
      [schema, 'schema.json', types, 'sanity.types.ts'].map((file) =>
        readFile(join(root, file), 'utf8'),
      ),
    )
    expect(JSON.parse(freshSchema), 'schema.json is stale').toEqual(JSON.parse(committedSchema))
    // The generated header names the schema file it read; only that line may differ.
    const fresh = freshTypes.replace(`// Source: ${schema}`, '// Source: schema.json')
    expect(fresh, 'sanity.types.ts is stale').toBe(committedTypes)
  })
})
