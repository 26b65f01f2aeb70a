import {mkdtempSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {
  finishSite,
  importSite,
  prepareSite,
  toNdjson,
  type ConversionCache,
  type ImportResult,
} from '../importer/index.ts'
import type {PageJob} from '../importer/site/stages.ts'
import {visitLocalImages} from '../sync/localImages.ts'
import {generateSite} from './bench-site.ts'
import {openConversionCache} from './conversionCache.ts'
import {batchesOf, convertPages, startConverters, type ConvertPagesOptions} from './convertPages.ts'

function memoryCache(): ConversionCache & {size: () => number} {
  const entries = new Map<string, string>()
  return {
    get: (key) => entries.get(key),
    set: (key, json) => void entries.set(key, json),
    size: () => entries.size,
  }
}

const files = generateSite(120, 7)

async function imported(options: ConvertPagesOptions): Promise<ImportResult> {
  const prepared = prepareSite(files)
  const {converted, reused} = await convertPages(prepared, options)
  return finishSite(prepared, converted, reused)
}

/** What the command writes and reports: the NDJSON bytes and every diagnostic. */
const output = (result: ImportResult) => ({
  ndjson: toNdjson(result.documents),
  diagnostics: JSON.stringify(result.diagnostics),
  lines: JSON.stringify(result.blockLines),
})

// Each case starts worker threads, which load the converter: slow on a busy machine.
describe('convertPages', {timeout: 120_000}, () => {
  it('writes byte for byte the same site on worker threads as on the main thread and as importSite', async () => {
    const serial = output(await imported({workers: 0}))
    expect(serial.ndjson.split('\n').length).toBeGreaterThan(120)
    expect(output(await imported({workers: 2}))).toEqual(serial)
    expect(output(importSite(files))).toEqual(serial)
  })

  it('writes the same site on worker threads started before the site was prepared', async () => {
    const converters = startConverters(2)
    let answers = 0
    for (const {worker} of converters.started) worker.on('message', () => answers++)
    const early = output(await imported({workers: 2, converters}))
    expect(answers).toBeGreaterThan(1)
    expect(early).toEqual(output(await imported({workers: 0})))
    // Stopped once the pages are converted: nothing keeps the process alive.
    expect(converters.started.map(({worker}) => worker.threadId)).toEqual([-1, -1])
  })

  it('stops worker threads started before the site was prepared when every page is cached', async () => {
    const cache = memoryCache()
    const version = 'test'
    const first = await imported({workers: 0, cache: {store: cache, version}})
    const converters = startConverters(2)
    // Stopped only once loaded: V8 can abort the process when a thread is stopped mid-compile.
    let loaded = 0
    for (const {worker} of converters.started)
      worker.on('message', (message: object) => void ('ready' in message && loaded++))
    const again = await imported({converters, cache: {store: cache, version}})
    expect(again.stats.reused).toBe(first.stats.pages)
    expect(output(again)).toEqual(output(first))
    expect(converters.started.map(({worker}) => worker.threadId)).toEqual([-1, -1])
    expect(loaded).toBe(2)
  })

  it('writes the same site again from the cache, converting no page, whichever thread filled it', async () => {
    const cache = memoryCache()
    const version = 'test'
    const first = await imported({workers: 2, cache: {store: cache, version}})
    expect(first.stats.reused).toBe(0)
    expect(cache.size()).toBe(first.stats.pages)
    const again = await imported({workers: 2, cache: {store: cache, version}})
    expect(again.stats.reused).toBe(first.stats.pages)
    expect(output(again)).toEqual(output(first))
    expect(output(await imported({workers: 0}))).toEqual(output(first))
  })

  it('saves the lines the worker threads wrote into the cache file, one per page, for the next run to recall', async () => {
    const lake = mkdtempSync(join(tmpdir(), 'convert-pages-'))
    const version = 'test'
    const first = await imported({
      workers: 2,
      cache: {...(await openConversionCache(lake)), version},
    })
    expect(first.stats.reused).toBe(0)
    const file = readFileSync(join(lake, 'cache', 'conversions.ndjson'), 'utf8')
    expect(file.split('\n').filter(Boolean)).toHaveLength(first.stats.pages)
    const again = await imported({
      workers: 2,
      cache: {...(await openConversionCache(lake)), version},
    })
    expect(again.stats.reused).toBe(first.stats.pages)
    expect(output(again)).toEqual(output(first))
  })

  it("names each page's local images as its worker answers: every local source of its documents, once, none on the web", async () => {
    const pictures = [
      {path: '_config.yml', text: 'title: Pictures\n'},
      {
        path: 'docs/a.md',
        text:
          '---\ntitle: A\n---\n![One](img/one.png) and ![One again](img/one.png)\n\n' +
          '![Far](https://example.com/far.png)\n\n<img src="/assets/two.gif" alt="Two">\n',
      },
      {path: 'docs/b.md', text: '---\ntitle: B\n---\nNo pictures here.\n'},
      {
        path: 'docs/c.md',
        text: '---\ntitle: C\n---\n| Cell |\n| --- |\n| ![Three](../three.jpg) |\n',
      },
    ]
    const named = new Map<string, readonly string[]>()
    const prepared = prepareSite(pictures)
    const {converted} = await convertPages(prepared, {
      workers: 2,
      onImages: (job, sources) => named.set(job.file, sources),
    })
    // What the image step will find in the finished documents.
    const expected = new Map<string, string[]>()
    for (const doc of finishSite(prepared, converted).documents) {
      const sources = new Set<string>()
      visitLocalImages(doc, (block) => sources.add(block.src))
      const page = (doc.source as {path?: string} | undefined)?.path
      if (page && sources.size) expected.set(page, [...sources])
    }
    expect(expected).toEqual(
      new Map([
        ['docs/a.md', ['img/one.png', '/assets/two.gif']],
        ['docs/c.md', ['../three.jpg']],
      ]),
    )
    expect(named).toEqual(expected)
  })

  it('reports progress once per page, ending at the number of pages', async () => {
    const seen: number[] = []
    const result = await imported({workers: 2, onProgress: (done, total) => seen.push(done, total)})
    const pages = result.stats.pages
    expect(seen.filter((_, i) => i % 2 === 0)).toEqual(Array.from({length: pages}, (_, i) => i + 1))
    expect(new Set(seen.filter((_, i) => i % 2 === 1))).toEqual(new Set([pages]))
  })

  it('says how to convert on the main thread when the worker threads cannot', async () => {
    const prepared = prepareSite(files)
    // A function cannot be sent to a worker thread.
    Object.assign(prepared.contextData, {limits: {clock: () => 0}})
    await expect(convertPages(prepared, {workers: 2})).rejects.toThrow(
      /Cannot convert the pages on worker threads: .*Run again with --workers 0/,
    )
  })
})

describe('batches of pages for the worker threads', () => {
  const job = (file: string, size: number) => ({file, markdown: 'x'.repeat(size)}) as PageJob
  const names = (batches: PageJob[][]) => batches.map((batch) => batch.map((page) => page.file))

  it('sends a large page alone and small ones together, in the order of the site', () => {
    // 100 pages of 1 kB and two of 40 kB: a batch's share for 2 workers is 180 kB / 32, 5.6 kB.
    const small = Array.from({length: 100}, (_, i) => job(`small-${i}.md`, 1000))
    const pages = [
      ...small.slice(0, 50),
      job('big-a.md', 40_000),
      ...small.slice(50),
      job('big-b.md', 40_000),
    ]
    const batches = batchesOf(pages, 2)
    expect(names(batches).flat()).toEqual(pages.map((page) => page.file))
    expect(batches.map((batch) => batch.length)).toEqual([
      5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 1, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 1,
    ])
  })

  it('sends at most 16 pages at a time, in their order when they are of one size', () => {
    // A batch's share for one worker is 300 pages / 16: 18 pages, more than 16.
    const pages = Array.from({length: 300}, (_, i) => job(`${String(i).padStart(3, '0')}.md`, 10))
    const batches = batchesOf(pages, 1)
    expect(batches.map((batch) => batch.length)).toEqual([...Array(18).fill(16), 12])
    expect(names(batches).flat()).toEqual(pages.map((page) => page.file))
  })
})
