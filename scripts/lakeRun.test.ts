import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterAll, describe, expect, it} from 'vitest'

const ROOT = join(import.meta.dirname, '..')
const dir = mkdtempSync(join(tmpdir(), 'lake-run-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))

describe('npm run lake', () => {
  it('refuses a --seed file that does not exist in one line, before starting the lake', () => {
    const lakeDir = join(dir, 'lake')
    const seed = join(dir, 'missing.ndjson')
    const result = spawnSync(
      process.execPath,
      [join('scripts', 'lake.ts'), '--dir', lakeDir, '--port', '0', '--seed', seed],
      {cwd: ROOT, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}, timeout: 60_000},
    )
    expect(result.status).toBe(1)
    expect(result.stderr.trim()).toBe(
      `Cannot seed from ${seed}: no such file, expected an NDJSON file of documents`,
    )
    expect(existsSync(lakeDir)).toBe(false)
  })
})
