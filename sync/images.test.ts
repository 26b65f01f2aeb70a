import {createHash} from 'node:crypto'
import {mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterAll, describe, expect, it} from 'vitest'

import {ImageUploads} from './imageUploads.ts'
import {resolveImagePath, resolveImages} from './images.ts'
import type {ImportedDocument} from './types.ts'

const scratch = mkdtempSync(join(tmpdir(), 'sync-images-'))
afterAll(() => rmSync(scratch, {recursive: true, force: true}))

const page = (id: string, src: string): ImportedDocument => ({
  _id: id,
  _type: 'lesson',
  title: id,
  body: [{_type: 'image', _key: 'i', src, alt: ''}],
  source: {path: `docs/${id}.md`},
})

/** Resolves images against an empty target that gives every upload a new asset id. */
function resolve(siteDir: string, docs: ImportedDocument[]) {
  let uploads = 0
  return resolveImages(docs, {
    siteDir,
    findAssets: async () => new Map(),
    upload: async () => `image-${++uploads}`,
  })
}

describe('resolveImages', () => {
  it('reports an image whose src has malformed escapes for its page and resolves the others', async () => {
    const site = join(scratch, 'escapes')
    mkdirSync(join(site, 'docs'), {recursive: true})
    writeFileSync(join(site, 'docs', 'ok.gif'), 'GIF89a')
    const {docs, problems, assets} = await resolve(site, [
      page('bad', 'bad%zz.png'),
      page('good', 'ok.gif'),
    ])
    expect(problems).toEqual([
      expect.objectContaining({
        kind: 'image',
        id: 'bad',
        message: expect.stringContaining('bad%zz.png'),
      }),
    ])
    expect((docs[1].body as {asset?: unknown}[])[0].asset).toEqual({
      _type: 'reference',
      _ref: 'image-1',
    })
    expect(assets).toEqual(new Set(['image-1']))
  })

  it('reports failed uploads in the pages’ order, not in the order the uploads fail', async () => {
    const site = join(scratch, 'order')
    mkdirSync(join(site, 'docs'), {recursive: true})
    const ids = ['p1', 'p2', 'p3', 'p4', 'p5']
    for (const id of ids) writeFileSync(join(site, 'docs', `${id}.gif`), `GIF89a ${id}`)
    // Every upload fails, the last one started first, once all of them are in flight.
    const pending: Array<() => void> = []
    const upload = (_body: Buffer, name: string) =>
      new Promise<string>((_, reject) => {
        pending.push(() => reject(new Error(`refused ${name}`)))
        if (pending.length === ids.length) for (const fail of pending.reverse()) setImmediate(fail)
      })
    const {problems} = await resolveImages(
      ids.map((id) => page(id, `${id}.gif`)),
      {siteDir: site, findAssets: async () => new Map(), upload, concurrency: ids.length},
    )
    expect(problems.map((problem) => problem.id)).toEqual(ids)
  })

  it('hands new images over a batch at a time, in one turn of the event loop, so a local lake commits them together', async () => {
    const site = join(scratch, 'batches')
    mkdirSync(join(site, 'docs'), {recursive: true})
    const ids = Array.from({length: 20}, (_, i) => `b${i}`)
    for (const id of ids) writeFileSync(join(site, 'docs', `${id}.gif`), `GIF89a ${id}`)
    // How many uploads were handed over in each run of code, up to the next turn of the loop.
    const together: number[] = []
    let open = false
    await resolveImages(
      ids.map((id) => page(id, `${id}.gif`)),
      {
        siteDir: site,
        findAssets: async () => new Map(),
        upload: (_body, name) => {
          if (!open) {
            open = true
            together.push(0)
            setImmediate(() => (open = false))
          }
          together[together.length - 1]++
          return new Promise((done) => setImmediate(() => done(`image-${name}`)))
        },
      },
    )
    // Sixteen at most together, then the rest.
    expect(together).toEqual([16, 4])
  })

  it(
    'reads and looks up the next batch while this one’s uploads are written',
    {timeout: 10_000},
    async () => {
      const site = join(scratch, 'overlap')
      mkdirSync(join(site, 'docs'), {recursive: true})
      const ids = Array.from({length: 20}, (_, i) => `v${i}`)
      for (const id of ids) writeFileSync(join(site, 'docs', `${id}.gif`), `GIF89a ${id}`)
      // The first batch's uploads are answered only once the second batch is looked up: before
      // that, the step waited for them (and, here, would wait for ever: the test times out).
      let secondLookedUp: () => void
      const second = new Promise<void>((resolve) => (secondLookedUp = resolve))
      let lookups = 0
      const {docs, problems} = await resolveImages(
        ids.map((id) => page(id, `${id}.gif`)),
        {
          siteDir: site,
          findAssets: async () => {
            if (++lookups === 2) secondLookedUp()
            return new Map()
          },
          upload: async (body, name) => {
            // The bytes are read when the answer comes: they must still be this image's.
            const text = body.toString()
            await second
            expect(body.toString()).toBe(text)
            return `image-${name}`
          },
        },
      )
      expect(problems).toEqual([])
      expect(lookups).toBe(2)
      const refs = docs.map((doc) => (doc.body as Array<{asset?: {_ref: string}}>)[0].asset?._ref)
      expect(refs).toEqual(ids.map((id) => `image-${id}.gif`))
    },
  )

  it('reads each file once: a batch’s new contents are looked up once, then uploaded from the bytes read, with their SHA-1', async () => {
    const site = join(scratch, 'once')
    mkdirSync(join(site, 'docs'), {recursive: true})
    const ids = Array.from({length: 20}, (_, i) => `o${i}`)
    // o18 and o19 hold o0's and o17's bytes; o1's are in the dataset already.
    const bytes = (i: number) => `GIF89a ${i === 18 ? 0 : i === 19 ? 17 : i}`
    ids.forEach((id, i) => writeFileSync(join(site, 'docs', `${id}.gif`), bytes(i)))
    const sha1 = (text: string | Buffer) => createHash('sha1').update(text).digest('hex')
    const asked: string[][] = []
    const uploads: string[] = []
    const {docs, read, uploaded} = await resolveImages(
      ids.map((id) => page(id, `${id}.gif`)),
      {
        siteDir: site,
        findAssets: async (sha1s) => {
          asked.push(sha1s)
          return new Map(sha1s.filter((s) => s === sha1(bytes(1))).map((s) => [s, 'image-old']))
        },
        upload: async (body, name, hash) => {
          expect(hash).toBe(sha1(body))
          uploads.push(name)
          return `image-${hash}`
        },
      },
    )
    expect(asked).toEqual([
      ids.slice(0, 16).map((_, i) => sha1(bytes(i))),
      [16, 17].map((i) => sha1(bytes(i))),
    ])
    expect(uploads).toEqual(
      ids
        .slice(0, 18)
        .filter((id) => id !== 'o1')
        .map((id) => `${id}.gif`),
    )
    expect(uploaded).toBe(17)
    const refs = docs.map((doc) => (doc.body as Array<{asset?: {_ref: string}}>)[0].asset?._ref)
    expect(refs[1]).toBe('image-old')
    expect(refs[18]).toBe(refs[0])
    expect(refs[19]).toBe(refs[17])
    const file = join(site, 'docs', 'o5.gif')
    expect(read.get(file)).toMatchObject({real: file, sha1: sha1(bytes(5))})
    expect(read.get(file)!.stats.size).toBe(BigInt(bytes(5).length))
  })

  it('uploads the files named before the step as they are named, and the step sends none of them again', async () => {
    const site = join(scratch, 'early')
    mkdirSync(join(site, 'docs'), {recursive: true})
    const ids = ['e1', 'e2', 'e3']
    for (const id of ids) writeFileSync(join(site, 'docs', `${id}.gif`), `GIF89a ${id}`)
    const uploads: string[] = []
    let twoUploaded: () => void
    const two = new Promise<void>((resolve) => (twoUploaded = resolve))
    const early = new ImageUploads({
      siteDir: site,
      findAssets: async () => new Map(),
      upload: async (_body, name) => {
        if (uploads.push(name) === 2) twoUploaded()
        return `image-${name}`
      },
    })
    // Named while other pages convert: uploaded then, with no image step running.
    early.add(['e1', 'e2'].map((id) => join(site, 'docs', `${id}.gif`)))
    await two
    const {docs, problems, uploaded, read} = await resolveImages(
      ids.map((id) => page(id, `${id}.gif`)),
      {siteDir: site, uploads: early},
    )
    expect(uploads).toEqual(['e1.gif', 'e2.gif', 'e3.gif'])
    expect(problems).toEqual([])
    expect(uploaded).toBe(3)
    expect(read.size).toBe(3)
    const refs = docs.map((doc) => (doc.body as Array<{asset?: {_ref: string}}>)[0].asset?._ref)
    expect(refs).toEqual(ids.map((id) => `image-${id}.gif`))
  })

  it('uploads files named at any time: as the earlier ones settle, and turns after', async () => {
    const site = join(scratch, 'later')
    mkdirSync(join(site, 'docs'), {recursive: true})
    const file = (id: string) => join(site, 'docs', `${id}.gif`)
    for (const id of ['l1', 'l2', 'l3']) writeFileSync(file(id), `GIF89a ${id}`)
    const uploads: string[] = []
    const early = new ImageUploads({
      siteDir: site,
      findAssets: async () => new Map(),
      upload: async (_body, name) => (uploads.push(name), `image-${name}`),
    })
    early.add([file('l1')])
    // l2 is named as l1 settles, l3 a few turns after.
    const during = early.outcome(file('l1')).then(() => early.add([file('l2')]))
    await during
    for (let turn = 0; turn < 5; turn++) await Promise.resolve()
    early.add([file('l3')])
    const outcomes = await Promise.all(['l1', 'l2', 'l3'].map((id) => early.outcome(file(id))))
    expect(outcomes.map((o) => (o as {outcome: {assetId?: string}}).outcome.assetId)).toEqual([
      'image-l1.gif',
      'image-l2.gif',
      'image-l3.gif',
    ])
    expect(uploads).toEqual(['l1.gif', 'l2.gif', 'l3.gif'])
  })

  it('gives assets to a copy of each document that shares all but the way to its images, and leaves the document as it was', async () => {
    const site = join(scratch, 'copies')
    mkdirSync(join(site, 'docs'), {recursive: true})
    writeFileSync(join(site, 'docs', 'c.gif'), 'GIF89a c')
    const text = {_type: 'block', _key: 't', children: [{_type: 'span', _key: 's', text: 'Words'}]}
    const inline = {_type: 'inlineImage', _key: 'n', src: 'c.gif', alt: 'c'}
    const doc: ImportedDocument = {
      ...page('c', 'c.gif'),
      body: [
        {_type: 'image', _key: 'i', src: 'c.gif', alt: ''},
        text,
        {_type: 'block', _key: 'b', children: [inline]},
      ],
    }
    const before = structuredClone(doc)
    const {docs} = await resolve(site, [doc])
    expect(doc).toEqual(before)
    const body = docs[0].body as Array<Record<string, unknown>>
    const asset = {_type: 'reference', _ref: 'image-1'}
    expect(body[0]).toEqual({_type: 'image', _key: 'i', src: 'c.gif', alt: '', asset})
    expect((body[2].children as unknown[])[0]).toEqual({...inline, asset})
    // The text is not copied: the copy holds the document's own block.
    expect(body[1]).toBe(text)
    expect(docs[0].source).toBe(doc.source)
  })

  it('names both places a missing image may go when the page’s address is not its folder', async () => {
    // docs/lab.md is served at /docs/lab/ (pretty permalinks); its other images are beside it.
    const site = join(scratch, 'missing')
    mkdirSync(join(site, 'docs', 'images'), {recursive: true})
    writeFileSync(join(site, 'docs', 'images', 'shown.png'), 'PNG')
    const lab = (src: string): ImportedDocument => ({...page('lab', src), _id: `lab-${src}`})
    const {problems} = await resolveImages([lab('images/shown.png'), lab('images/gone.gif')], {
      siteDir: site,
      addresses: {'docs/lab.md': '/docs/lab/'},
      findAssets: async () => new Map(),
      upload: async () => 'image-1',
    })
    expect(problems).toEqual([
      expect.objectContaining({
        message: 'docs/lab.md: cannot read image images/gone.gif (ENOENT)',
        hint: "Add docs/lab/images/gone.gif (where the site's readers' browsers look) or docs/images/gone.gif (beside the page's file), or fix the image path in the page.",
      }),
    ])
    // Without an address both are the same place, named once.
    const plain = await resolve(site, [page('lab', 'images/gone.gif')])
    expect(plain.problems[0].hint).toBe(
      'Add docs/images/gone.gif, or fix the image path in the page.',
    )
  })

  it('names the page line of a missing image and its source as the page wrote it', async () => {
    const site = join(scratch, 'missing-line')
    mkdirSync(join(site, 'docs'), {recursive: true})
    const lines: Record<string, number> = {i: 12}
    const {problems} = await resolveImages([page('lab', 'my%20chart.png')], {
      siteDir: site,
      blockLine: (id, key) => (id === 'lab' ? lines[key] : undefined),
      findAssets: async () => new Map(),
      upload: async () => 'image-1',
    })
    expect(problems).toEqual([
      expect.objectContaining({
        line: 12,
        message: 'docs/lab.md:12: cannot read image my chart.png (ENOENT)',
      }),
    ])
  })

  it('refuses an image reached through a symlink that leaves the site folder', async () => {
    const site = join(scratch, 'symlink')
    const outside = join(scratch, 'secret.gif')
    writeFileSync(outside, 'GIF89a secret')
    mkdirSync(join(site, 'docs'), {recursive: true})
    symlinkSync(outside, join(site, 'docs', 'linked.gif'))
    writeFileSync(join(site, 'docs', 'real.gif'), 'GIF89a')
    symlinkSync(join(site, 'docs', 'real.gif'), join(site, 'docs', 'inside.gif'))
    const {problems, assets} = await resolve(site, [
      page('leak', 'linked.gif'),
      page('fine', 'inside.gif'),
    ])
    expect(problems).toEqual([
      expect.objectContaining({
        id: 'leak',
        message: expect.stringMatching(/outside the site folder/),
      }),
    ])
    expect(assets.size).toBe(1)
  })
})

describe('resolveImagePath', () => {
  const site = join(scratch, 'addressed')
  mkdirSync(join(site, 'assets'), {recursive: true})
  mkdirSync(join(site, 'docs', 'shots'), {recursive: true})
  writeFileSync(join(site, 'assets', 'a.png'), 'served')
  writeFileSync(join(site, 'docs', 'shots', 'b.png'), 'beside')

  it('resolves a relative source against the page’s address, as the reader’s browser does', () => {
    // docs/setup.md is served at /docs/setup/ (pretty permalinks): ../../assets is /assets.
    expect(resolveImagePath(site, 'docs/setup.md', '../../assets/a.png', '/docs/setup/')).toBe(
      join(site, 'assets', 'a.png'),
    )
  })

  it('falls back to the page file’s folder when only that file exists', () => {
    expect(resolveImagePath(site, 'docs/setup.md', 'shots/b.png', '/docs/setup/')).toBe(
      join(site, 'docs', 'shots', 'b.png'),
    )
  })

  it('names the served path when neither exists, and the file’s folder without an address', () => {
    expect(resolveImagePath(site, 'docs/setup.md', '../../assets/gone.png', '/docs/setup/')).toBe(
      join(site, 'assets', 'gone.png'),
    )
    expect(resolveImagePath(site, 'docs/setup.md', 'shots/b.png')).toBe(
      join(site, 'docs', 'shots', 'b.png'),
    )
  })
})
