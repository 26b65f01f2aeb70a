import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {LakeBusyError} from './dir-lock.ts'
import {startLake, type Lake} from './start.ts'

const quiet = {log: () => undefined}
const dirs: string[] = []
const lakes: Lake[] = []

function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lake-lock-'))
  dirs.push(dir)
  return dir
}

async function start(dir: string): Promise<Lake> {
  const lake = await startLake({dir, ...quiet})
  lakes.push(lake)
  return lake
}

afterEach(async () => {
  for (const lake of lakes.splice(0)) await lake.close()
  for (const dir of dirs.splice(0)) rmSync(dir, {recursive: true, force: true})
})

describe('one lake per folder', () => {
  it('refuses a second lake on the same folder, naming the running pid and URL', async () => {
    const dir = freshDir()
    const first = await start(dir)
    const second = startLake({dir, ...quiet})
    await expect(second).rejects.toBeInstanceOf(LakeBusyError)
    await expect(second).rejects.toThrow(
      `Cannot start a lake from ${dir}: the lake of process ${process.pid} is running there at ${first.url}, expected one lake per folder (stop it, or use another --dir)`,
    )
    const response = await fetch(`${first.httpUrl}/v2025-02-19/ping`)
    expect(response.ok).toBe(true)
  })

  it('refuses while another live process holds the lock, before it has a URL', async () => {
    const dir = freshDir()
    writeFileSync(join(dir, 'lake.lock'), JSON.stringify({pid: process.ppid}))
    await expect(startLake({dir, ...quiet})).rejects.toThrow(
      `the lake of process ${process.ppid} is starting there`,
    )
  })

  it('takes over a lock left by a process that died', async () => {
    const dir = freshDir()
    writeFileSync(join(dir, 'lake.lock'), JSON.stringify({pid: 2 ** 22 + 12345}))
    const lake = await start(dir)
    expect(lake.port).toBeGreaterThan(0)
  })

  it('lets a lake start again once the previous one has closed, and removes the lock', async () => {
    const dir = freshDir()
    const first = await startLake({dir, ...quiet})
    await first.close()
    expect(existsSync(join(dir, 'lake.lock'))).toBe(false)
    await start(dir)
  })
})
