import {spawn} from 'node:child_process'
import type {ChildProcess} from 'node:child_process'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import http from 'node:http'
import type {AddressInfo} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {inspect} from 'node:util'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {createLakeClient} from '../lake/index.ts'
import {startTestLake} from '../lake/test-lake.ts'
import type {LakeConnection} from '../lake/client.ts'
import {syncApiFor} from './client.ts'
import {lakeSyncApi} from './lakeHttp.ts'
import {syncDocuments} from './run.ts'
import type {SyncOptions} from './run.ts'
import {scrubber} from './scrub.ts'
import {startFaultProxy} from './testing/faultProxy.ts'
import {datasetContent, sampleDocs} from './testing/sampleDocs.ts'
import type {ImportedDocument} from './types.ts'

type TestLake = Awaited<ReturnType<typeof startTestLake>>
let lake: TestLake
let proxy: Awaited<ReturnType<typeof startFaultProxy>>

beforeAll(async () => {
  lake = await startTestLake()
  proxy = await startFaultProxy({target: lake.lake.httpUrl})
})
afterAll(async () => {
  await proxy?.close()
  await lake?.stop()
})

/**
 * The two ways a sync talks to the lake: @sanity/client (as for the hosted API) and the plain
 * HTTP client the import uses for the local lake; every test runs with each, in datasets of its
 * own, and must come out the same.
 */
const APIS = [
  {
    name: '@sanity/client',
    prefix: 'c-',
    apiFor: (lake: LakeConnection, dataset: string) =>
      syncApiFor(createLakeClient(lake, {dataset})),
  },
  {name: 'plain HTTP', prefix: 'h-', apiFor: lakeSyncApi},
]

describe.each(APIS)('sync against the local Content Lake through $name', ({prefix, apiFor}) => {
  /** A sync API for `dataset` that goes through the counting, fault-injecting proxy. */
  const proxied = (dataset: string) =>
    apiFor({httpUrl: proxy.url, projectId: lake.lake.projectId, token: lake.lake.token}, dataset)
  const direct = (dataset: string) => createLakeClient(lake.lake, {dataset: prefix + dataset})

  const run = (dataset: string, docs: ImportedDocument[], options: Partial<SyncOptions> = {}) =>
    syncDocuments(docs, {
      api: proxied(prefix + dataset),
      target: `lake ${dataset}`,
      scrub: scrubber([lake.lake.token]),
      retry: {baseMs: 5, maxMs: 50, retries: 12},
      ...options,
    })

  const contentOf = async (dataset: string) =>
    datasetContent(
      await direct(dataset).fetch<Record<string, unknown>[]>('*', {}, {perspective: 'raw'}),
    )

  it('makes zero mutation requests when the source did not change', async () => {
    const first = await run('unchanged', sampleDocs({lessons: 20}))
    expect(first.report.counts.created).toBe(23)
    const before = proxy.counts.mutations
    const second = await run('unchanged', sampleDocs({lessons: 20}))
    expect(proxy.counts.mutations - before).toBe(0)
    expect(second.report.counts.unchanged).toBe(23)
  })

  it("reports a document made through the API under an import's id as a conflict, and syncs the rest", async () => {
    await direct('by-hand').create({_id: 'lesson-1', _type: 'lesson', title: 'By hand'})
    const {report} = await run('by-hand', sampleDocs())
    expect(report.counts).toMatchObject({created: 7, conflict: 1, failed: 0})
    expect(report.problems[0].message).toMatch(/lesson-1 exists in the dataset but was not written/)
  })

  it('keeps a title edited through the API, reports a conflict when the source changed too, and --force resolves it', async () => {
    await run('edit', sampleDocs())
    await direct('edit').patch('lesson-2').set({title: 'Edited in Studio'}).commit()

    const same = await run('edit', sampleDocs())
    expect(same.report.counts.unchanged).toBe(8)
    expect((await direct('edit').getDocument('lesson-2'))?.title).toBe('Edited in Studio')

    const changed = sampleDocs({title: (i) => (i === 2 ? 'Source title' : `Lesson ${i}`)})
    const conflict = await run('edit', changed)
    expect(conflict.report.counts.conflict).toBe(1)
    const problem = conflict.report.problems.find((p) => p.kind === 'conflict')
    expect(problem?.message).toContain('docs/course/module/lesson-2.md')
    expect(problem?.message).toContain('lesson-2')
    expect(problem?.hint).toContain('--force docs/course/module/lesson-2.md')
    expect((await direct('edit').getDocument('lesson-2'))?.title).toBe('Edited in Studio')

    const forced = await run('edit', changed, {force: ['docs/course/module/lesson-2.md']})
    expect(forced.report.counts.updated).toBe(1)
    expect((await direct('edit').getDocument('lesson-2'))?.title).toBe('Source title')
    expect((await run('edit', changed)).report.counts.unchanged).toBe(8)
  })

  it('leaves a document with a Studio draft alone and prunes only untouched, unreferenced removed pages', async () => {
    await run('drafts', sampleDocs({lessons: 5}))
    const published = await direct('drafts').getDocument('lesson-1')
    await direct('drafts').createOrReplace({
      ...published!,
      _id: 'drafts.lesson-1',
      title: 'Draft title',
    })
    const changed = sampleDocs({
      lessons: 5,
      title: (i) => (i === 1 ? 'Source title' : `Lesson ${i}`),
    })
    const withDraft = await run('drafts', changed)
    expect(withDraft.report.counts.conflict).toBe(1)
    expect(withDraft.report.problems[0].message).toContain('draft')
    expect((await direct('drafts').getDocument('lesson-1'))?.title).toBe('Lesson 1')
    expect((await direct('drafts').getDocument('drafts.lesson-1'))?.title).toBe('Draft title')

    const fewer = sampleDocs({lessons: 3, title: (i) => (i === 1 ? 'Source title' : `Lesson ${i}`)})
    const reported = await run('drafts', fewer)
    expect(reported.report.counts.kept).toBe(2)
    expect(await direct('drafts').getDocument('lesson-4')).toBeDefined()
    const pruned = await run('drafts', fewer, {prune: true})
    expect(pruned.report.counts.deleted).toBe(2)
    expect(await direct('drafts').getDocuments(['lesson-3', 'lesson-4'])).toEqual([null, null])
    expect((await run('drafts', fewer, {prune: true})).report.counts.deleted).toBe(0)
  })

  it('reaches the fault-free dataset when 20% of requests fail with 429, 500 or a reset', async () => {
    const docs = sampleDocs({lessons: 60, bodyBytes: 500})
    const limits = {maxBytes: 256 * 1024, maxMutations: 4}
    await run('clean', docs, {batchLimits: limits})
    proxy.setFailureRate(0.2)
    try {
      const faulty = await run('faulty', docs, {batchLimits: limits})
      expect(faulty.report.counts.failed).toBe(0)
      expect(faulty.report.requests.retries).toBeGreaterThan(0)
    } finally {
      proxy.setFailureRate(0)
    }
    expect(
      Object.values(proxy.counts.faults).every((n) => n > 0),
      JSON.stringify(proxy.counts),
    ).toBe(true)
    expect(await contentOf('faulty')).toEqual(await contentOf('clean'))
  })

  it.each([2, 9])(
    'completes a run killed after %i transactions to the same dataset as an uninterrupted run',
    async (after) => {
      const lessons = 40
      await run(`whole${after}`, sampleDocs({lessons, bodyBytes: 2000}), {
        batchLimits: {maxBytes: 256 * 1024, maxMutations: 3},
      })
      // A proxy of its own: a request in flight when the child dies must not count for later tests.
      const killProxy = await startFaultProxy({target: lake.lake.httpUrl})
      let output = ''
      let child: ChildProcess | undefined
      try {
        // Node itself with tsx's loader, so SIGKILL hits the process that writes (the tsx CLI
        // would be killed while its own child went on).
        child = spawn(process.execPath, ['--import', 'tsx', 'sync/testing/syncChild.ts'], {
          env: {
            ...process.env,
            SYNC_LAKE_URL: killProxy.url,
            SYNC_PROJECT: lake.lake.projectId,
            SYNC_DATASET: `${prefix}killed${after}`,
            SYNC_TOKEN: lake.lake.token,
            SYNC_LESSONS: String(lessons),
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        })
        child.stdout?.on('data', (chunk: Buffer) => (output += chunk))
        child.stderr?.on('data', (chunk: Buffer) => (output += chunk))
        const exited = new Promise((resolve) => child?.on('exit', resolve))
        await Promise.race([killProxy.waitFor((c) => c.committed >= after), exited])
        child.kill('SIGKILL')
        await exited
      } finally {
        if (child?.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
        await killProxy.close()
      }
      const partial = await contentOf(`killed${after}`)
      expect(partial.length).toBeGreaterThan(0)
      expect(partial.length).toBeLessThan(lessons + 3)
      expect(output).not.toContain(lake.lake.token)

      const rerun = await run(`killed${after}`, sampleDocs({lessons, bodyBytes: 2000}))
      expect(rerun.report.counts.failed + rerun.report.counts.conflict).toBe(0)
      expect(await contentOf(`killed${after}`)).toEqual(await contentOf(`whole${after}`))
    },
  )

  it('sends at most 25 mutation requests per second when the target asks for it', async () => {
    const from = proxy.counts.mutationTimes.length
    const {report} = await run('rate', sampleDocs({lessons: 40}), {
      mutationsPerSecond: 25,
      batchLimits: {maxBytes: 256 * 1024, maxMutations: 1},
    })
    expect(report.counts.created).toBe(43)
    const times = proxy.counts.mutationTimes.slice(from)
    expect(times.length).toBe(43)
    const busiest = Math.max(
      ...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length),
    )
    expect(busiest).toBeLessThanOrEqual(25)
  })

  it('uploads each local image once, reports a missing one for its page and imports the rest', async () => {
    const site = mkdtempSync(join(tmpdir(), 'sync-site-'))
    try {
      mkdirSync(join(site, 'docs'), {recursive: true})
      const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64')
      writeFileSync(join(site, 'docs', 'pic.gif'), gif)
      writeFileSync(join(site, 'pic-copy.gif'), gif)
      const page = (id: string, path: string, src: string): ImportedDocument => ({
        _id: id,
        _type: 'lesson',
        title: id,
        body: [{_type: 'image', _key: 'i', src, alt: 'A pixel'}],
        source: {path},
      })
      const docs = [
        page('p1', 'docs/one.md', 'pic.gif'),
        page('p2', 'docs/two.md', '/pic-copy.gif'),
        page('p3', 'docs/three.md', 'missing.png'),
        page('p4', 'docs/four.md', 'https://example.com/remote.png'),
      ]
      const uploads = proxy.counts.uploads
      const first = await run('images', docs, {siteDir: site})
      expect(proxy.counts.uploads - uploads).toBe(1)
      expect(first.report.counts.created).toBe(4)
      const missing = first.report.problems.filter((p) => p.kind === 'image')
      expect(missing).toHaveLength(1)
      expect(missing[0].message).toContain('docs/three.md')
      const [p1, p2] = await direct('images').getDocuments(['p1', 'p2'])
      const ref = (d: typeof p1) => (d?.body as {asset?: {_ref: string}}[])[0].asset?._ref
      expect(ref(p1)).toMatch(/^image-/)
      expect(ref(p2)).toBe(ref(p1))

      const mutations = proxy.counts.mutations
      const second = await run('images', docs, {siteDir: site})
      expect(proxy.counts.uploads - uploads).toBe(1)
      expect(proxy.counts.mutations - mutations, JSON.stringify(second.report)).toBe(0)
      expect(second.report.counts.unchanged).toBe(4)
    } finally {
      rmSync(site, {recursive: true, force: true})
    }
  })

  it('never shows the token, even when the server echoes it in an error', async () => {
    const token = lake.lake.token
    const echo = http.createServer((req, res) => {
      res.writeHead(500, {'content-type': 'application/json'})
      res.end(
        JSON.stringify({error: 'Internal', message: `Cannot use ${req.headers.authorization}`}),
      )
    })
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve))
    try {
      const port = (echo.address() as AddressInfo).port
      const api = apiFor({httpUrl: `http://127.0.0.1:${port}`, projectId: 'local', token}, 'x')
      const error = await syncDocuments(sampleDocs(), {
        api,
        target: 'echo',
        scrub: scrubber([token]),
        retry: {retries: 0},
      }).catch((e: Error) => e)
      expect(error).toBeInstanceOf(Error)
      expect(inspect(error)).toContain('Cannot sync into echo')
      expect(inspect(error)).not.toContain(token)
    } finally {
      echo.close()
    }
  })
})
