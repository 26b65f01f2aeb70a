import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {createServer} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterAll, describe, expect, it} from 'vitest'

const ROOT = join(import.meta.dirname, '..')
const scratch = mkdtempSync(join(tmpdir(), 'import-unreachable-'))
afterAll(() => rmSync(scratch, {recursive: true, force: true}))

/** A loopback port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as {port: number}
  await new Promise((resolve) => server.close(resolve))
  return port
}

describe('npm run import against a lake that does not answer', {timeout: 120_000}, () => {
  it('gives up after 10 s of silence, saying which server does not answer and what to run', async () => {
    const lakeDir = join(scratch, 'lake')
    const port = await closedPort()
    // A lake server recorded as running (this process is alive) whose port refuses connections.
    mkdirSync(lakeDir, {recursive: true})
    writeFileSync(join(lakeDir, 'token'), 'secret-token-value\n')
    writeFileSync(
      join(lakeDir, 'server.json'),
      JSON.stringify({
        pid: process.pid,
        port,
        url: `https://local.localhost:${port}`,
        httpUrl: `http://127.0.0.1:${port}`,
        projectId: 'local',
      }),
    )
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/import.ts', 'content', '--no-cache'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: {...process.env, LAKE_DIR: lakeDir, SANITY_PROJECT_ID: '', SANITY_API_TOKEN: ''},
      },
    )
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(
      new RegExp(`Cannot reach local dataset .*: nothing answered for 1\\d s \\(ECONNREFUSED\\)`),
    )
    expect(run.stderr).toContain(`The lake server at http://127.0.0.1:${port}`)
    expect(run.stderr).toContain('npm run lake')
    expect(run.stderr.match(/fetch failed/g) ?? []).toHaveLength(0)
    expect(run.stderr + run.stdout).not.toContain('secret-token-value')
  })
})
