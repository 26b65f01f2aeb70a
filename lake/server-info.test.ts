import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {connectToRunningLake} from './connect.ts'
import {readRunningLake} from './server-info.ts'
import {startTestLake} from './test-lake.ts'

const dir = mkdtempSync(join(tmpdir(), 'lake-info-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))

describe('readRunningLake', () => {
  it('treats a server.json left by a dead process as not running', () => {
    writeFileSync(
      join(dir, 'server.json'),
      JSON.stringify({pid: 2 ** 22 + 12345, port: 1, url: 'x', httpUrl: 'y', projectId: 'local'}),
    )
    expect(readRunningLake(dir)).toBeNull()
  })

  it('finds a running lake and forgets it after a clean stop', async () => {
    const t = await startTestLake()
    expect(readRunningLake(t.dir)).toMatchObject({port: t.lake.port, pid: process.pid})
    const client = connectToRunningLake(t.dir, {dataset: 'test'})
    expect(await client?.create({_type: 'note'})).toMatchObject({_type: 'note'})
    await t.lake.close()
    expect(readRunningLake(t.dir)).toBeNull()
    expect(connectToRunningLake(t.dir)).toBeNull()
    await t.stop()
  })
})
