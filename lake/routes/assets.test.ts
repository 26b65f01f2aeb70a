import {statSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {png} from '../../testing/png.ts'
import {startTestLake} from '../test-lake.ts'

let t: Awaited<ReturnType<typeof startTestLake>>
beforeAll(async () => {
  t = await startTestLake()
})
afterAll(() => t.stop())

describe('assets', () => {
  it('uploads an image, creates its sanity.imageAsset document with a URL that names no host or port, and serves the file back', async () => {
    const data = png(3, 2)
    const asset = await t.client.assets.upload('image', data, {filename: 'dot.png'})
    expect(asset).toMatchObject({
      _type: 'sanity.imageAsset',
      extension: 'png',
      mimeType: 'image/png',
      originalFilename: 'dot.png',
    })
    expect(asset._id).toMatch(/^image-[0-9a-f]{40}-3x2-png$/)
    expect(asset.metadata.dimensions).toMatchObject({width: 3, height: 2})
    expect(asset.url).toBe(`/${asset.path}`)
    const served = await fetch(`${t.lake.httpUrl}${asset.url}`)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await served.arrayBuffer())).toEqual(data)
    const again = await t.client.assets.upload('image', data)
    expect(again._id).toBe(asset._id)
  })

  it('uploads a file with metadata and creates its sanity.fileAsset document', async () => {
    const asset = await t.client.assets.upload('file', Buffer.from('hello'), {
      filename: 'notes.txt',
      contentType: 'text/plain',
      title: 'Notes',
      source: {name: 'importer', id: 'notes.txt'},
    })
    expect(asset).toMatchObject({
      _type: 'sanity.fileAsset',
      extension: 'txt',
      mimeType: 'text/plain',
      size: 5,
      title: 'Notes',
      source: {name: 'importer', id: 'notes.txt'},
    })
    expect(await (await fetch(`${t.lake.httpUrl}/${asset.path}`)).text()).toBe('hello')
  })

  it('serves an uploaded HTML file so that no browser runs it: nosniff and a sandbox', async () => {
    const asset = await t.client.assets.upload('file', Buffer.from('<script>alert(1)</script>'), {
      filename: 'page.html',
      contentType: 'text/html',
    })
    const served = await fetch(`${t.lake.httpUrl}/${asset.path}`)
    expect(served.headers.get('x-content-type-options')).toBe('nosniff')
    expect(served.headers.get('content-security-policy')).toMatch(/^sandbox;/)
  })

  it("keeps dataset files readable by the lake's user only", () => {
    const file = join(t.dir, 'data', 'test.sqlite')
    expect(statSync(file).mode & 0o777).toBe(0o600)
  })

  it('refuses an image it cannot read', async () => {
    await expect(
      t.client.assets.upload('image', Buffer.from('not an image')),
    ).rejects.toMatchObject({statusCode: 400})
  })
})
