import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {syncDocuments} from './run.ts'
import type {SyncOptions} from './run.ts'
import type {ImportedDocument, SyncApi} from './types.ts'
import {FakeLake, httpError, resetError} from './testing/fakeLake.ts'
import {datasetContent, sampleDocs} from './testing/sampleDocs.ts'

const fast = {retry: {baseMs: 1, maxMs: 5}}
const sync = (lake: FakeLake, docs = sampleDocs(), options: Partial<SyncOptions> = {}) =>
  syncDocuments(docs, {api: lake, target: 'fake', ...fast, ...options})

/** A lesson showing `pic.gif`, a one-pixel image of the site {@link withPictureSite} writes. */
const pictured: ImportedDocument = {
  _id: 'pictured',
  _type: 'lesson',
  title: 'Pictured',
  body: [{_type: 'image', _key: 'i', src: 'pic.gif', alt: 'A pixel'}],
  source: {path: 'pictured.md'},
}

/** Runs `work` with a site folder holding `pic.gif`, removed afterwards. */
async function withPictureSite(work: (site: string) => Promise<void>) {
  const site = mkdtempSync(join(tmpdir(), 'sync-site-'))
  try {
    const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64')
    writeFileSync(join(site, 'pic.gif'), gif)
    await work(site)
  } finally {
    rmSync(site, {recursive: true, force: true})
  }
}

describe('syncDocuments', () => {
  it('creates every document on the first run and makes no mutation on an unchanged re-run', async () => {
    const lake = new FakeLake()
    const first = await sync(lake)
    expect(first.report.counts.created).toBe(8)
    expect(first.report.counts.failed).toBe(0)
    const before = lake.mutationCount
    const second = await sync(lake)
    expect(lake.mutationCount).toBe(before)
    expect(second.report.counts.unchanged).toBe(8)
    expect(second.report.requests.mutations).toBe(0)
  })

  it('skips an invalid lesson and writes its module and course without the reference to it', async () => {
    const lake = new FakeLake()
    const checked: string[][] = []
    const validate = async (docs: readonly {_id: string}[]) => {
      checked.push(docs.map((doc) => doc._id))
      return new Map(docs.filter((doc) => doc._id === 'lesson-2').map((doc) => [doc._id, 'bad']))
    }
    const first = await sync(lake, sampleDocs(), {validate})
    expect(checked[0]).toHaveLength(8)
    expect(first.report.counts).toMatchObject({created: 7, skipped: 1, failed: 0})
    expect(lake.docs.has('lesson-2')).toBe(false)
    const lessons = (id: string) =>
      (lake.docs.get(id)?.lessons as {_ref: string}[] | undefined)?.map((ref) => ref._ref)
    expect(lessons('module-main')).toEqual(['lesson-0', 'lesson-1', 'lesson-3', 'lesson-4'])
    expect(lake.docs.get('course-main')?.modules).toEqual([
      expect.objectContaining({_ref: 'module-main'}),
    ])
    expect(first.report.problems).toContainEqual(
      expect.objectContaining({kind: 'skipped', id: 'lesson-2', message: 'bad'}),
    )
    expect(first.report.problems).toContainEqual(
      expect.objectContaining({
        kind: 'reference',
        id: 'module-main',
        message: expect.stringMatching(
          /without its reference to lesson-2 \(docs\/course\/module\/lesson-2\.md\)/,
        ),
      }),
    )

    // Once the lesson is fixed, the next run creates it and gives the module its reference back.
    // The documents it leaves as they are are checked too, for the warnings they report.
    const unchanged: string[] = []
    const second = await sync(lake, sampleDocs(), {
      validate: async (docs, context) => {
        checked.push(docs.map((d) => d._id))
        unchanged.push(...context.unchanged.map((d) => d._id))
        return new Map(context.unchanged.map((d) => [d._id, 'rejecting it changes nothing']))
      },
    })
    expect([...checked[1]].sort()).toEqual(['lesson-2', 'module-main'])
    expect(unchanged.sort()).toEqual(
      sampleDocs()
        .map((doc) => doc._id)
        .filter((id) => id !== 'lesson-2' && id !== 'module-main')
        .sort(),
    )
    expect(second.report.counts).toMatchObject({created: 1, updated: 1, unchanged: 6})
    expect(lessons('module-main')).toEqual([
      'lesson-0',
      'lesson-1',
      'lesson-2',
      'lesson-3',
      'lesson-4',
    ])
  })

  it('keeps a hidden page an editor placed in a module when the source did not change', async () => {
    const lake = new FakeLake()
    const hidden = {
      _id: 'lesson-hidden',
      _type: 'lesson',
      title: 'Hidden',
      source: {_type: 'sourceInfo', path: 'hidden.md', notInNavigation: 'no page is titled "X"'},
    }
    await sync(lake, [...sampleDocs(), hidden])
    const module = lake.docs.get('module-main')!
    const placed = [
      ...(module.lessons as object[]),
      {_key: 'h', _type: 'reference', _ref: 'lesson-hidden'},
    ]
    lake.docs.set('module-main', {...module, lessons: placed})

    const {report} = await sync(lake, [...sampleDocs(), hidden])
    expect(report.counts).toMatchObject({unchanged: 9, updated: 0, conflict: 0})
    expect(lake.docs.get('module-main')?.lessons).toEqual(placed)
  })

  it('writes a module that fails validation when told it must always be written, and says so', async () => {
    const lake = new FakeLake()
    const {report} = await sync(lake, sampleDocs(), {
      validate: async (docs) =>
        new Map(docs.filter((d) => d._id === 'module-main').map((d) => [d._id, 'too long'])),
      alwaysWrite: (doc) => doc._type === 'module',
    })
    expect(report.counts).toMatchObject({created: 8, skipped: 0})
    expect(lake.docs.has('module-main')).toBe(true)
    expect(report.problems).toContainEqual(
      expect.objectContaining({
        kind: 'invalid',
        id: 'module-main',
        message: expect.stringContaining('too long'),
      }),
    )
  })

  it('still patches a document that references an existing one whose own patch was skipped', async () => {
    const lake = new FakeLake()
    await sync(lake)
    const changed = sampleDocs({title: (i) => (i === 2 ? 'Invalid now' : `Lesson ${i}`)}).map(
      (doc) => (doc._id === 'module-main' ? {...doc, title: 'Module, renamed'} : doc),
    )
    const rejectLesson2 = async (docs: readonly {_id: string}[]) =>
      new Map(docs.filter((doc) => doc._id === 'lesson-2').map((doc) => [doc._id, 'bad']))
    const {report} = await sync(lake, changed, {validate: rejectLesson2})
    expect(report.counts).toMatchObject({updated: 1, skipped: 1, failed: 0})
    expect(lake.docs.get('module-main')?.title).toBe('Module, renamed')
    expect(lake.docs.get('lesson-2')?.title).toBe('Lesson 2')
  })

  it('writes referenced documents before the documents that reference them', async () => {
    const lake = new FakeLake()
    const {report} = await sync(lake, sampleDocs(), {
      batchLimits: {maxBytes: 1, maxMutations: 1},
      concurrency: 4,
    })
    expect(report.counts.created).toBe(8)
    expect(report.counts.failed).toBe(0)
  })

  it('patches only a changed document, guarded by its revision', async () => {
    const lake = new FakeLake()
    await sync(lake)
    const changed = sampleDocs({title: (i) => (i === 2 ? 'New title' : `Lesson ${i}`)})
    const {report} = await sync(lake, changed)
    expect(report.counts).toMatchObject({updated: 1, unchanged: 7, conflict: 0})
    expect(lake.docs.get('lesson-2')?.title).toBe('New title')
  })

  it('keeps a Studio edit when the source did not change', async () => {
    const lake = new FakeLake()
    await sync(lake)
    lake.edit('lesson-1', () => ({title: 'Edited in Studio'}))
    const {report} = await sync(lake)
    expect(report.counts.unchanged).toBe(8)
    expect(lake.docs.get('lesson-1')?.title).toBe('Edited in Studio')
  })

  it('reports a conflict naming file, document and --force when both editor and source changed', async () => {
    const lake = new FakeLake()
    await sync(lake)
    lake.edit('lesson-1', () => ({title: 'Edited in Studio'}))
    const changed = sampleDocs({title: (i) => (i === 1 ? 'Source title' : `Lesson ${i}`)})
    const {report} = await sync(lake, changed)
    expect(report.counts.conflict).toBe(1)
    const conflict = report.problems.find((p) => p.kind === 'conflict')!
    expect(conflict.message).toContain('docs/course/module/lesson-1.md')
    expect(conflict.message).toContain('lesson-1')
    expect(conflict.message).toContain('title')
    expect(conflict.hint).toContain('--force docs/course/module/lesson-1.md')
    expect(lake.docs.get('lesson-1')?.title).toBe('Edited in Studio')

    const forced = await sync(lake, changed, {force: ['docs/course/module/lesson-1.md']})
    expect(forced.report.counts).toMatchObject({updated: 1, conflict: 0})
    expect(lake.docs.get('lesson-1')?.title).toBe('Source title')
    expect((await sync(lake, changed)).report.counts.unchanged).toBe(8)
  })

  it('names the page a document without source.path came from, and offers --force by id', async () => {
    const lake = new FakeLake()
    const tool = (name: string) => [{_id: 'tool-x', _type: 'tool', name}]
    const origins = {'tool-x': 'docs/tools.md'}
    await sync(lake, tool('X'), {origins})
    lake.edit('tool-x', () => ({name: 'Edited'}))
    const {report} = await sync(lake, tool('Y'), {origins})
    expect(report.problems[0].message).toMatch(/^docs\/tools\.md: tool-x was changed/)
    expect(report.problems[0].hint).toContain('--force tool-x')
    expect((await sync(lake, tool('Y'), {origins, force: ['tool-x']})).report.counts.updated).toBe(
      1,
    )
  })

  it('does not overwrite a document that has a draft', async () => {
    const lake = new FakeLake()
    await sync(lake)
    const draft = {...lake.docs.get('lesson-3')!, _id: 'drafts.lesson-3', title: 'Draft'}
    lake.docs.set(draft._id, draft)
    const changed = sampleDocs({title: (i) => (i === 3 ? 'Source' : `Lesson ${i}`)})
    const {report} = await sync(lake, changed)
    expect(report.counts.conflict).toBe(1)
    expect(report.problems[0].message).toContain('draft')
    expect(lake.docs.get('lesson-3')?.title).toBe('Lesson 3')
    expect(lake.docs.get('drafts.lesson-3')?.title).toBe('Draft')
  })

  it('reports removed pages and deletes only untouched, unreferenced ones with --prune', async () => {
    const lake = new FakeLake()
    await sync(lake, sampleDocs({lessons: 5}))
    lake.edit('lesson-3', () => ({title: 'Edited'}))
    const fewer = sampleDocs({lessons: 2})
    const reported = await sync(lake, fewer)
    expect(reported.report.counts.kept).toBe(3)
    expect(reported.report.problems.filter((p) => p.kind === 'removed')).toHaveLength(3)
    expect(lake.docs.has('lesson-4')).toBe(true)

    const pruned = await sync(lake, fewer, {prune: true})
    expect(pruned.report.counts.deleted).toBe(1)
    expect(lake.docs.has('lesson-2')).toBe(false)
    expect(lake.docs.get('lesson-3')?.title).toBe('Edited')
    expect(pruned.report.problems.find((p) => p.id === 'lesson-3')?.message).toContain('editor')
    // The kept lesson-3 still links to lesson-4, so lesson-4 stays too.
    expect(lake.docs.has('lesson-4')).toBe(true)
    expect(pruned.report.problems.find((p) => p.id === 'lesson-4')?.message).toContain('lesson-3')
  })

  it('keeps a removed document that another document still references', async () => {
    const lake = new FakeLake()
    await sync(lake)
    const withoutTool = sampleDocs().filter((d) => d._id !== 'tool-jira')
    const {report} = await sync(lake, withoutTool, {prune: true})
    expect(lake.docs.has('tool-jira')).toBe(true)
    expect(report.problems.find((p) => p.id === 'tool-jira')?.message).toContain('referenced by')
  })

  it('creates documents on a strong reference cycle weak first, then strengthens them', async () => {
    const lake = new FakeLake()
    const docs = [
      {_id: 'a', _type: 'lesson', lessons: [{_type: 'reference', _ref: 'b', _key: 'k'}]},
      {_id: 'b', _type: 'lesson', lessons: [{_type: 'reference', _ref: 'a', _key: 'k'}]},
    ]
    const {report} = await sync(lake, docs)
    expect(report.counts.created).toBe(2)
    expect(lake.docs.get('a')?.lessons).toEqual([{_type: 'reference', _ref: 'b', _key: 'k'}])
    expect((await sync(lake, docs)).report.requests.mutations).toBe(0)
  })

  it('turns a create of an existing id into the normal path', async () => {
    const lake = new FakeLake()
    await sync(lake)
    const renamed = sampleDocs({title: (i) => `Renamed ${i}`})
    // The plan sees an empty dataset, as if an interrupted run's creates landed after it read.
    const stale: SyncApi = {
      query: async <T>(groq: string, params?: Record<string, unknown>) =>
        groq.includes('importHash') ? ([] as T) : lake.query<T>(groq, params),
      getDocuments: (ids) => lake.getDocuments(ids),
      mutate: (mutations, options) => lake.mutate(mutations, options),
      uploadImage: (body, options) => lake.uploadImage(body, options),
    }
    const {report} = await syncDocuments(renamed, {api: stale, target: 'fake', ...fast})
    expect(report.counts).toMatchObject({updated: 5, unchanged: 3, failed: 0, created: 0})
    expect(lake.docs.get('lesson-0')?.title).toBe('Renamed 0')
    expect((await sync(lake, renamed)).report.counts.unchanged).toBe(8)
  })

  it('retries 429, 500 and dropped connections, including lost responses, to the fault-free result', async () => {
    const clean = new FakeLake()
    await sync(clean)
    const faulty = new FakeLake()
    let n = 0
    faulty.fault = () => {
      n++
      if (n % 5 === 1)
        return {when: 'before', error: httpError(429, 'Too many', {'retry-after': '0'})}
      if (n % 5 === 2) return {when: 'after', error: resetError()}
      if (n % 5 === 3) return {when: 'before', error: httpError(500, 'Boom')}
      return undefined
    }
    const {report} = await sync(faulty, sampleDocs(), {
      batchLimits: {maxBytes: 600, maxMutations: 2},
    })
    expect(report.counts.failed).toBe(0)
    expect(report.requests.retries).toBeGreaterThan(0)
    expect(datasetContent(faulty.docs.values())).toEqual(datasetContent(clean.docs.values()))
  })

  it('fails only the refused document and writes the rest of its batch', async () => {
    const lake = new FakeLake()
    const docs = sampleDocs()
    docs.push({
      _id: 'broken',
      _type: 'lesson',
      lessons: [{_type: 'reference', _ref: 'missing', _key: 'k'}],
      source: {path: 'docs/broken.md'},
    })
    const {report} = await sync(lake, docs)
    expect(report.counts).toMatchObject({created: 8, failed: 1})
    expect(report.problems.find((p) => p.kind === 'failed')?.message).toContain('docs/broken.md')
  })

  it('asks a dataset that says it is empty nothing, and still uploads its images and creates every document', async () => {
    await withPictureSite(async (site) => {
      const lake = Object.assign(new FakeLake(), {
        isEmpty: async () => lake.docs.size === 0,
      })
      const docs = [...sampleDocs(), pictured]
      const first = await sync(lake, docs, {siteDir: site})
      expect(first.report.requests).toMatchObject({queries: 0, uploads: 1})
      expect(lake.requests.filter((r) => r.kind === 'query')).toEqual([])
      expect(first.report.counts).toMatchObject({created: 9, failed: 0})
      const body = lake.docs.get('pictured')?.body as {asset?: {_ref: string}}[]
      expect(body[0].asset?._ref).toMatch(/^image-/)

      // No longer empty: the next run reads the dataset, finds the image and changes nothing.
      const second = await sync(lake, docs, {siteDir: site})
      expect(second.report.requests.queries).toBeGreaterThan(0)
      expect(second.report.requests).toMatchObject({uploads: 0, mutations: 0})
      expect(second.report.counts.unchanged).toBe(9)
    })
  })

  it('plans the same from a dataset that reads fields without a query as from queries, asking none but who references a removed page', async () => {
    /** A fake lake that reads fields itself (the string fields the sync reads), and the queries it was asked. */
    const reading = () => {
      const lake = new FakeLake()
      const asked: string[] = []
      const query = lake.query.bind(lake)
      const extract = (doc: unknown, path: string) => {
        const value = path
          .slice(2)
          .split('.')
          .reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], doc)
        return value === undefined ? null : value
      }
      return Object.assign(lake, {
        asked,
        query: <T>(groq: string, params?: Record<string, unknown>) => {
          asked.push(groq)
          return query<T>(groq, params)
        },
        valuesWhere: async (where: string, paths: string[], idPrefixes?: string[]) =>
          [...lake.docs.values()]
            .filter((doc) => extract(doc, where) !== null)
            .filter((doc) => !idPrefixes || idPrefixes.some((p) => doc._id.startsWith(p)))
            .map((doc) => ({id: doc._id, values: paths.map((path) => extract(doc, path))})),
      })
    }
    const direct = reading()
    const queried = new FakeLake()
    /** The same step on both lakes: their reports, less timings and request counts. */
    const both = async (
      site: string,
      change: (lake: FakeLake) => void,
      docs: ImportedDocument[],
      options = {},
    ) => {
      const reports = []
      for (const lake of [direct, queried]) {
        change(lake)
        const {report} = await sync(lake, [...docs, pictured], {siteDir: site, ...options})
        reports.push({...report, elapsedMs: 0, requests: {...report.requests, queries: 0}})
      }
      expect(reports[0]).toEqual(reports[1])
      return reports[0]
    }
    await withPictureSite(async (site) => {
      await both(site, () => undefined, sampleDocs({lessons: 6}))
      const changed = sampleDocs({
        lessons: 4,
        title: (i) => (i === 1 || i === 3 ? 'Source title' : `Lesson ${i}`),
      })
      const report = await both(
        site,
        (lake) => {
          lake.edit('lesson-1', () => ({title: 'Edited in Studio'}))
          const draft = {...lake.docs.get('lesson-3')!, _id: 'drafts.lesson-3', title: 'Draft'}
          lake.docs.set(draft._id, draft)
          lake.edit('lesson-5', () => ({title: 'Edited'}))
        },
        changed,
        {prune: true},
      )
      // The image was found, not uploaded again; the removed lesson-4 is still linked from
      // lesson-3 (in conflict) and the edited lesson-5.
      expect(report.requests.uploads).toBe(0)
      expect(report.counts).toMatchObject({updated: 1, conflict: 2, kept: 2})
    })
    // Less what each write stamps with its own time and transaction.
    const stored = (lake: FakeLake) =>
      [...lake.docs.values()].map(({_rev, _createdAt, _updatedAt, ...doc}) => ({
        ...doc,
        source: {...(doc.source as object), importedAt: undefined},
      }))
    expect(stored(direct)).toEqual(stored(queried))
    expect(direct.asked.length).toBeGreaterThan(0)
    expect(direct.asked.every((groq) => groq.includes('references('))).toBe(true)
  })

  it('tells the dataset how many documents it is about to write, and nothing when it writes none', async () => {
    const told: number[] = []
    const lake = Object.assign(new FakeLake(), {expectWrites: (n: number) => void told.push(n)})
    await sync(lake, sampleDocs(), {dryRun: true})
    expect(told).toEqual([])
    await sync(lake)
    expect(told).toEqual([8])
    // An editor's edit the sync keeps is no write.
    lake.edit('lesson-1', () => ({}))
    const docs = sampleDocs()
    docs[0] = {...docs[0], title: 'Changed'}
    await sync(lake, docs)
    await sync(lake, docs)
    expect(told).toEqual([8, 1])
  })

  it("reports a document someone made under an import's id as a conflict, and syncs the rest", async () => {
    const lake = new FakeLake()
    lake.docs.set('lesson-1', {_id: 'lesson-1', _type: 'lesson', _rev: 'hand', title: 'By hand'})
    const {report} = await sync(lake)
    expect(report.counts).toMatchObject({created: 7, conflict: 1, failed: 0})
    expect(report.problems[0].message).toMatch(
      /lesson-1 exists in the dataset but was not written by the importer/,
    )
    expect(lake.docs.get('lesson-1')?.title).toBe('By hand')
  })

  it('plans without writing on a dry run', async () => {
    const lake = new FakeLake()
    const {report, plan} = await sync(lake, sampleDocs(), {dryRun: true})
    expect(report.counts.created).toBe(8)
    expect(plan.items.every((i) => i.action === 'create')).toBe(true)
    expect(lake.mutationCount).toBe(0)
    expect(lake.docs.size).toBe(0)
  })

  it('never shows the token, even in an error message', async () => {
    const lake = new FakeLake()
    const token = 'sk-secret-token-value-1234'
    lake.fault = (r) =>
      r.kind === 'mutate'
        ? {when: 'before', error: httpError(401, `Bad token ${token}`)}
        : undefined
    const {report} = await sync(lake, sampleDocs(), {
      scrub: (t) => t.split(token).join('[redacted]'),
    })
    expect(report.counts.failed).toBeGreaterThan(0)
    expect(JSON.stringify(report)).not.toContain(token)
  })
})

describe('ids', () => {
  it('never writes a drafts. or otherwise dotted id, and reports it', async () => {
    const lake = new FakeLake()
    const docs = [
      ...sampleDocs(),
      {_id: 'drafts.lesson-9', _type: 'lesson', source: {path: 'docs/x.md'}},
    ]
    const {report} = await sync(lake, docs)
    expect(report.counts.skipped).toBe(1)
    expect(lake.docs.has('drafts.lesson-9')).toBe(false)
    expect(report.problems.find((p) => p.kind === 'skipped')?.message).toContain('docs/x.md')
  })
})
