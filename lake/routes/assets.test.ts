import {statSync} from 'node:fs'
import {join} from 'node:path'
import {deflateSync} from 'node:zlib'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {startTestLake} from '../test-lake.ts'

let t: Awaited<ReturnType<typeof startTestLake>>
beforeAll(async () => {
  t = await startTestLake()
})
afterAll(() => t.stop())

/** A valid 3×2 PNG, built here so the test needs no binary fixture. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    return Buffer.concat([length, Buffer.from(type), data, Buffer.alloc(4)])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const pixels = deflateSync(Buffer.alloc((width * 3 + 1) * height))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

describe('assets', () => {
  it('uploads an image, creates its sanity.imageAsset document and serves the file back over HTTPS-style URLs', async () => {
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
    expect(asset.url).toBe(`${t.lake.url}/${asset.path}`)
    const served = await fetch(`${t.lake.httpUrl}/${asset.path}`)
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
