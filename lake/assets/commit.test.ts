import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {png} from '../../testing/png.ts'
import {Dataset} from '../store/dataset.ts'
import {commitAsset} from './commit.ts'
import {describeAsset, readFile} from './store.ts'

let dir: string
let dataset: Dataset
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'asset-commit-'))
  dataset = new Dataset('production', join(dir, 'production.sqlite'))
})
afterEach(async () => {
  await dataset.close()
  rmSync(dir, {recursive: true, force: true})
})

const asset = (data: Buffer) => {
  const {doc, path} = describeAsset(dataset, {kind: 'image', data, projectId: 'local'})
  return {doc, path, mime: String(doc.mimeType), data}
}

describe('commitAsset', () => {
  it('commits the uploads handed over together in one transaction, each with its bytes', async () => {
    const images = [png(1, 1), png(2, 1), png(3, 1)].map(asset)
    const docs = await Promise.all(images.map((image) => commitAsset(dataset, image)))
    expect(docs.map((doc) => doc._id)).toEqual(images.map((image) => image.doc._id))
    expect(dataset.recent).toHaveLength(1)
    for (const image of images) {
      expect(dataset.get(image.doc._id)).toMatchObject({_rev: dataset.recent[0].id})
      expect(readFile(dataset, image.path)?.data).toEqual(image.data)
    }
  })

  it('commits an upload handed over later in a transaction of its own', async () => {
    await commitAsset(dataset, asset(png(1, 1)))
    await commitAsset(dataset, asset(png(2, 1)))
    expect(dataset.recent).toHaveLength(2)
  })

  it('answers the same document to uploads of the same bytes, created once', async () => {
    const image = asset(png(4, 4))
    const [first, second] = await Promise.all([
      commitAsset(dataset, image),
      commitAsset(dataset, {...image}),
    ])
    expect(second).toEqual(first)
    expect(dataset.ids()).toEqual([image.doc._id])
    expect(dataset.recent).toHaveLength(1)
  })

  it('refuses every upload of a commit that fails, and creates none of their documents', async () => {
    const good = asset(png(1, 1))
    // A document without a type breaks the lake's rules: the whole transaction is refused.
    const {_type: _dropped, ...untyped} = asset(png(2, 2)).doc
    const bad = {...asset(png(2, 2)), doc: untyped as typeof good.doc}
    const results = await Promise.allSettled([
      commitAsset(dataset, good),
      commitAsset(dataset, bad),
    ])
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected'])
    expect(dataset.ids()).toEqual([])
    expect(readFile(dataset, good.path)).toBeNull()
  })

  it('writes the bytes once, to the dataset’s files folder, and lists them in the SQLite file', async () => {
    const image = asset(png(5, 3))
    await commitAsset(dataset, image)
    const place = join(dir, 'production.files', image.path)
    expect(readFileSync(place)).toEqual(image.data)
    const row = dataset.reader
      .prepare('SELECT mime, data FROM files WHERE path = ?')
      .get(image.path)
    expect(row).toEqual({mime: 'image/png', data: new Uint8Array(0)})
    expect(readFile(dataset, image.path)).toEqual({mime: 'image/png', data: image.data})
    // A listed file whose bytes are gone is not found: never served empty.
    rmSync(place)
    expect(readFile(dataset, image.path)).toBeNull()
  })

  it('serves the bytes an earlier version stored in the SQLite file', () => {
    const image = asset(png(6, 2))
    dataset.db
      .prepare('INSERT INTO files (path, mime, data) VALUES (?, ?, ?)')
      .run(image.path, 'image/png', image.data)
    expect(existsSync(join(dir, 'production.files'))).toBe(false)
    expect(readFile(dataset, image.path)).toEqual({mime: 'image/png', data: image.data})
  })
})
