import {execFile} from 'node:child_process'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {promisify} from 'node:util'

import {afterEach, describe, expect, it} from 'vitest'

import {loadCertificate} from './cert.ts'

const run = promisify(execFile)
const probe = join(import.meta.dirname, 'cert-probe.test-support.ts')

let dirs: string[] = []
afterEach(() => {
  for (const dir of dirs) rmSync(dir, {recursive: true, force: true})
  dirs = []
})

function scratch() {
  const dir = mkdtempSync(join(tmpdir(), 'lake-cert-'))
  dirs.push(dir)
  return dir
}

describe('loadCertificate', () => {
  it('loads the certificate generator only when it generates a certificate', async () => {
    const existing = scratch()
    const first = await loadCertificate(existing, 'local')
    const empty = scratch()
    const {stdout} = await run(process.execPath, ['--import', 'tsx', probe, existing, empty], {
      cwd: join(import.meta.dirname, '..'),
    })
    // Reusing the certificate on disk loads nothing; the folder without one needs the generator.
    expect(JSON.parse(stdout)).toEqual([false, true])
    expect(await loadCertificate(existing, 'local')).toEqual(first)
  }, 120_000)
})
