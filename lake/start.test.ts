import {spawn} from 'node:child_process'
import {chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'

const work = mkdtempSync(join(tmpdir(), 'lake-start-'))
afterAll(() => rmSync(work, {recursive: true, force: true}))

// Root may write to any folder, so the lake runs as "nobody" when the test runs as root.
const asUnprivileged = process.getuid?.() === 0 ? {uid: 65534, gid: 65534} : {}

/** Runs start.fixture.ts on `dir`; resolves with its exit code and output. */
function startIn(dir: string): Promise<{code: number | null; stdout: string; stderr: string}> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'start.fixture.ts'), dir],
    {...asUnprivileged, stdio: ['ignore', 'pipe', 'pipe']},
  )
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
  return new Promise((resolve) => child.on('close', (code) => resolve({code, stdout, stderr})))
}

/** A lake folder the unprivileged user may write, with a data folder nobody may write. */
function folderWithReadOnlyData(name: string): {dir: string; data: string} {
  const dir = join(work, name)
  const data = join(dir, 'data')
  mkdirSync(data, {recursive: true})
  chmodSync(work, 0o777)
  chmodSync(dir, 0o777)
  chmodSync(data, 0o555)
  return {dir, data}
}

describe('startLake', () => {
  it('refuses to start on a read-only data folder, naming the folder and what to do, and leaves no lock behind', async () => {
    const {dir, data} = folderWithReadOnlyData('read-only')
    const result = await startIn(dir)
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain(
      `LakeFolderError: Cannot start the lake: its data folder ${data} is not writable`,
    )
    expect(result.stderr).toMatch(/chmod -R u\+w/)
    expect(existsSync(join(dir, 'lake.lock'))).toBe(false)
    expect(existsSync(join(dir, 'server.json'))).toBe(false)
  })

  it('starts on the same folder once the data folder is writable', async () => {
    const {dir, data} = folderWithReadOnlyData('fixed')
    chmodSync(data, 0o777)
    const result = await startIn(dir)
    expect(result.stderr).toBe('')
    expect(result.stdout).toBe('started\n')
    expect(result.code).toBe(0)
  })
})
