import {spawn, spawnSync} from 'node:child_process'
import {chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'

const work = mkdtempSync(join(tmpdir(), 'lake-start-'))
afterAll(() => rmSync(work, {recursive: true, force: true}))

// Root may write to any folder, so the lake runs as "nobody" when the test runs as root.
const asUnprivileged = process.getuid?.() === 0 ? {uid: 65534, gid: 65534} : {}
const FIXTURE = join(import.meta.dirname, 'start.fixture.ts')

/**
 * Why "nobody" cannot run the fixture here, if it cannot: a checkout in a folder only root may
 * enter (`mktemp -d` makes one) keeps it from Node or from the project's files.
 */
function unprivilegedCannotRun(): string | undefined {
  if (!('uid' in asUnprivileged)) return undefined
  const probe = spawnSync(
    process.execPath,
    ['-e', `require('fs').readFileSync(${JSON.stringify(FIXTURE)})`],
    {
      ...asUnprivileged,
      stdio: 'ignore',
    },
  )
  if (probe.status === 0) return undefined
  const why = probe.error ? (probe.error as NodeJS.ErrnoException).code : `exit ${probe.status}`
  return `the user nobody cannot run ${process.execPath} on ${FIXTURE} (${why}): clone into a folder others may enter`
}
const cannotRun = unprivilegedCannotRun()
if (cannotRun) console.warn(`lake/start.test.ts skips its read-only checks: ${cannotRun}`)

/** Runs start.fixture.ts on `dir`; resolves with its exit code and output. */
function startIn(dir: string): Promise<{code: number | null; stdout: string; stderr: string}> {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, dir], {
    ...asUnprivileged,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk))
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk))
  // A process that cannot start fails the test at once, with why, rather than at its timeout.
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => resolve({code, stdout, stderr}))
  })
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

describe.skipIf(cannotRun)('startLake', () => {
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
