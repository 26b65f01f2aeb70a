import {mkdtempSync, rmSync} from 'node:fs'
import {createServer} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'

import {png} from '../../testing/png.ts'
import {createLakeClient} from '../client.ts'
import {startLake, type Lake} from '../start.ts'

describe('asset URLs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'asset-url-'))
  let lake: Lake | undefined
  afterAll(async () => {
    await lake?.close()
    rmSync(dir, {recursive: true, force: true})
  })

  it('still lead to the file after the lake restarts on another port', async () => {
    lake = await startLake({dir, log: () => undefined})
    const client = () => createLakeClient(lake!, {dataset: 'production'})
    const bytes = png(4, 3, [0, 128, 255])
    const uploaded = await client().assets.upload('image', bytes, {filename: 'blue.png'})
    const firstPort = lake.port
    await lake.close()
    // Holding the old port makes the restart pick another one.
    const blocker = createServer()
    await new Promise<void>((done) => blocker.listen(firstPort, '127.0.0.1', done))
    lake = await startLake({dir, log: () => undefined}).finally(
      () => new Promise<void>((done) => blocker.close(() => done())),
    )
    expect(lake.port).not.toBe(firstPort)
    const url = await client().fetch<string>('*[_id == $id][0].url', {id: uploaded._id})
    expect(url).toBe(uploaded.url)
    const served = await fetch(`${lake.httpUrl}${url}`)
    expect(served.status).toBe(200)
    expect(Buffer.from(await served.arrayBuffer())).toEqual(bytes)
  })
})
