import {spawn} from 'node:child_process'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {setFlagsFromString} from 'node:v8'
import {runInNewContext} from 'node:vm'
import {afterAll, describe, expect, it, vi} from 'vitest'
import {DatabaseSync} from 'node:sqlite'
import {Dataset} from './dataset.ts'
import {PAGE_SIZE} from './schema.ts'
import {WriterThread} from './writer-thread.ts'

const dir = mkdtempSync(join(tmpdir(), 'lake-crash-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))

/** A full garbage collection, after the current job (a WeakRef stays alive until its end). */
async function collectGarbage() {
  await new Promise((resolve) => setImmediate(resolve))
  setFlagsFromString('--expose-gc')
  ;(runInNewContext('gc') as () => void)()
}

/** Starts the writer, waits until it reports `count` commits, then SIGKILLs it mid-write. */
function writeThenKill(file: string, count: number, mode: string): Promise<number> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'crash-writer.fixture.ts'), file, mode],
    {stdio: ['ignore', 'pipe', 'inherit']},
  )
  return new Promise((resolve, reject) => {
    let last = 0
    let buffer = ''
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      const lines = buffer.split('\n')
      buffer = lines.pop() ?? ''
      for (const line of lines) last = Number(line)
      if (last >= count) child.kill('SIGKILL')
    })
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve(last) : reject(new Error(`writer exited with ${code}`)),
    )
  })
}

/** Commits (in slices) a transaction `id` creating `count` documents `<id>-<n>` of this text. */
const createMany = (dataset: Dataset, id: string, text: string, count: number) =>
  dataset.commitInSlices({
    id,
    timestamp: '2026-01-01T00:00:00Z',
    author: 'me',
    mutations: [],
    changes: Array.from({length: count}, (_, n) => ({
      id: `${id}-${n}`,
      before: null,
      after: {_id: `${id}-${n}`, _type: 't', _rev: id, text},
      mutations: [],
    })),
  })

describe('Dataset', () => {
  it.each([
    ['on the event loop', 'sync'],
    ['through the writer thread', 'thread'],
  ])(
    'keeps every committed transaction and no partial one when the process writing %s is killed with SIGKILL',
    async (_, mode) => {
      const file = join(dir, `crash-${mode}.sqlite`)
      for (const round of [1, 2, 3]) {
        const acknowledged = await writeThenKill(file, round * 200, mode)
        const dataset = new Dataset('crash', file)
        const values = ['a', 'b', 'c'].map((id) => dataset.get(id)?.n as number)
        const transactions = Number(
          dataset.db.prepare('SELECT count(*) AS n FROM transactions').get()?.n,
        )
        dataset.close()
        // All three documents come from the same transaction, at or after the last acknowledged one.
        expect(new Set(values).size).toBe(1)
        expect(values[0]).toBeGreaterThanOrEqual(acknowledged)
        expect(transactions).toBe(values[0])
      }
    },
  )

  it('creates a file with pages of PAGE_SIZE, and keeps the page size of a file it opens', async () => {
    const pageSize = (db: DatabaseSync) => Number(db.prepare('PRAGMA page_size').get()?.page_size)
    const fresh = new Dataset('pages', join(dir, 'pages-new.sqlite'))
    expect(pageSize(fresh.db)).toBe(PAGE_SIZE)
    await fresh.close()
    // A file an older version created, with SQLite's default pages and a document in it.
    const file = join(dir, 'pages-old.sqlite')
    const old = new DatabaseSync(file)
    old.exec(`PRAGMA page_size = 4096; PRAGMA journal_mode = WAL;
      CREATE TABLE documents (id TEXT PRIMARY KEY, doc TEXT NOT NULL);
      INSERT INTO documents VALUES ('x', '{"_id":"x","_type":"t","_rev":"r"}')`)
    old.close()
    const opened = new Dataset('pages', file)
    expect(pageSize(opened.db)).toBe(4096)
    expect(opened.get('x')).toEqual({_id: 'x', _type: 't', _rev: 'r'})
    await opened.close()
    // Otherwise the second half would show nothing.
    expect(PAGE_SIZE).not.toBe(4096)
  })

  it('reloads documents from disk and rolls back a failing transaction entirely', () => {
    const file = join(dir, 'reload.sqlite')
    const dataset = new Dataset('reload', file)
    const doc = {_id: 'x', _type: 't', _rev: 'r1'}
    dataset.commit({
      id: 'r1',
      timestamp: '2026-01-01T00:00:00Z',
      author: 'me',
      mutations: [],
      changes: [{id: 'x', before: null, after: doc, mutations: []}],
    })
    // Reusing a transaction id violates the UNIQUE constraint after the document write.
    expect(() =>
      dataset.commit({
        id: 'r1',
        timestamp: '2026-01-01T00:00:00Z',
        author: 'me',
        mutations: [],
        changes: [{id: 'y', before: null, after: {_id: 'y', _type: 't'}, mutations: []}],
      }),
    ).toThrow()
    dataset.close()
    const reopened = new Dataset('reload', file)
    expect(reopened.ids()).toEqual(['x'])
    reopened.close()
  })

  it('is empty until a transaction creates a document, posted or committed, and again once its last document is deleted', async () => {
    const dataset = new Dataset('empty', join(dir, 'empty.sqlite'))
    const change = (id: string, after: boolean) => ({
      id,
      timestamp: '2026-01-01T00:00:00Z',
      author: 'me',
      mutations: [],
      changes: [
        after
          ? {id: 'x', before: null, after: {_id: 'x', _type: 't', _rev: id}, mutations: []}
          : {id: 'x', before: dataset.latest('x') ?? null, after: null, mutations: []},
      ],
    })
    try {
      expect(dataset.isEmpty()).toBe(true)
      // Posted to the writer thread and not committed yet: the next transaction sees it.
      const {committed} = await dataset.post(change('t1', true), {epoch: dataset.epoch})
      expect(dataset.isEmpty()).toBe(false)
      await committed
      expect(dataset.isEmpty()).toBe(false)
      const deleted = await dataset.post(change('t2', false), {epoch: dataset.epoch})
      expect(dataset.isEmpty()).toBe(true)
      await deleted.committed
      expect(dataset.isEmpty()).toBe(true)
      dataset.commit(change('t3', true))
      expect(dataset.isEmpty()).toBe(false)
    } finally {
      await dataset.close()
    }
  })

  it('writes the transactions of a few hundred expected writes on the event loop, and starts its writer thread ahead of more', async () => {
    const start = vi.spyOn(WriterThread.prototype, 'start')
    const thread = vi.spyOn(WriterThread.prototype, 'commit')
    const inline = new Dataset('expect-inline', join(dir, 'expect-inline.sqlite'))
    const threaded = new Dataset('expect-thread', join(dir, 'expect-thread.sqlite'))
    inline.inlineWritesUpTo = 1024 * 1024
    const write = (id: string, count: number) => createMany(inline, id, 'a page', count)
    try {
      inline.expectWrites(50)
      await write('few', 25)
      await write('more', 25)
      expect(start).not.toHaveBeenCalled()
      expect(thread).not.toHaveBeenCalled()
      // The expected writes are spent: the next transaction of many goes to the thread.
      await write('unexpected', 25)
      expect(thread).toHaveBeenCalledTimes(1)
      inline.expectWrites(5_000)
      expect(start).toHaveBeenCalledTimes(1)
      await write('many', 25)
      expect(thread).toHaveBeenCalledTimes(2)
      expect(inline.ids()).toHaveLength(100)
      // A lake that writes nothing inline needs its thread for any write.
      threaded.expectWrites(1)
      expect(start).toHaveBeenCalledTimes(2)
    } finally {
      start.mockRestore()
      thread.mockRestore()
      await Promise.all([inline.close(), threaded.close()])
    }
  })

  it('reads fields of the documents that have one, posted ones included, as json_extract gives them', async () => {
    const dataset = new Dataset('values', join(dir, 'values.sqlite'))
    const tx = (id: string, docs: Array<Record<string, unknown> & {_id: string}>) => ({
      id,
      timestamp: '2026-01-01T00:00:00Z',
      author: 'me',
      mutations: [],
      changes: docs.map((doc) => ({
        id: doc._id,
        before: dataset.latest(doc._id) ?? null,
        after: {_type: 't', _rev: id, ...doc},
        mutations: [],
      })),
    })
    const read = () =>
      [...dataset.valuesWhere('$.source.hash', ['$._rev', '$.source.path', '$.source.flag'])].sort(
        (a, b) => a.id.localeCompare(b.id),
      )
    try {
      dataset.commit(
        tx('t1', [
          {_id: 'a', source: {hash: 'h1', path: 'a.md', flag: true}},
          {_id: 'b', source: {hash: 'h2', path: {nested: 1}}},
          {_id: 'c', source: {path: 'c.md'}},
          {_id: 'd', source: {hash: null}},
        ]),
      )
      expect(read()).toEqual([
        {id: 'a', values: ['t1', 'a.md', 1]},
        {id: 'b', values: ['t1', '{"nested":1}', null]},
      ])
      // Posted and not committed yet: read from the transaction, in the same forms.
      const {committed} = await dataset.post(
        tx('t2', [
          {_id: 'a', source: {path: 'a.md'}},
          {_id: 'c', source: {hash: 'h3', path: {nested: 2}, flag: false}},
        ]),
        {epoch: dataset.epoch},
      )
      const posted = read()
      await committed
      expect(posted).toEqual([
        {id: 'b', values: ['t1', '{"nested":1}', null]},
        {id: 'c', values: ['t2', '{"nested":2}', 0]},
      ])
      expect(read()).toEqual(posted)
      expect(() => [...dataset.valuesWhere("$.a'b", [])]).toThrow(/expected \$ and keys/)
    } finally {
      await dataset.close()
    }
  })

  it('reads fields of only the documents whose id starts with a prefix, posted ones included', async () => {
    const dataset = new Dataset('prefixed', join(dir, 'prefixed.sqlite'))
    const tx = (id: string, ids: string[]) => ({
      id,
      timestamp: '2026-01-01T00:00:00Z',
      author: 'me',
      mutations: [],
      changes: ids.map((docId) => ({
        id: docId,
        before: dataset.latest(docId) ?? null,
        after: {_id: docId, _type: 't', _rev: id, sha1hash: docId.slice(0, 9)},
        mutations: [],
      })),
    })
    const read = (prefixes: string[]) =>
      [...dataset.valuesWhere('$.sha1hash', ['$._rev'], prefixes)].map((row) => row.id).sort()
    try {
      // Ids on both sides of each prefix's range: one character short, the next character.
      dataset.commit(tx('t1', ['image-ab', 'image-ab-1x1-png', 'image-abc-1x1-png', 'image-ac-2']))
      expect(read(['image-ab-'])).toEqual(['image-ab-1x1-png'])
      expect(read(['image-ab-', 'image-ac-', 'image-ab-'])).toEqual([
        'image-ab-1x1-png',
        'image-ac-2',
      ])
      expect(read(['image-a'])).toEqual([
        'image-ab',
        'image-ab-1x1-png',
        'image-abc-1x1-png',
        'image-ac-2',
      ])
      expect(read(['image-zz-'])).toEqual([])
      // Posted and not committed yet: read from the transaction, within the prefixes too.
      const {committed} = await dataset.post(tx('t2', ['image-ab-9x9-jpg', 'image-ad-1']), {
        epoch: dataset.epoch,
      })
      expect(read(['image-ab-'])).toEqual(['image-ab-1x1-png', 'image-ab-9x9-jpg'])
      await committed
      expect(read(['image-ab-'])).toEqual(['image-ab-1x1-png', 'image-ab-9x9-jpg'])
      expect(() => read([''])).toThrow(/Cannot look ids up by the prefix ""/)
    } finally {
      await dataset.close()
    }
  })

  it('keeps recent history for reconnecting listeners within a size, not only a count', () => {
    const dataset = new Dataset('window', join(dir, 'window.sqlite'), undefined, {
      transactions: 1000,
      bytes: 10_000,
    })
    const commit = (n: number, size: number) =>
      dataset.commit({
        id: `t${n}`,
        timestamp: '2026-01-01T00:00:00Z',
        author: 'me',
        mutations: [],
        changes: [
          {
            id: `d${n}`,
            before: null,
            after: {_id: `d${n}`, _type: 't', _rev: `t${n}`, text: 'x'.repeat(size)},
            mutations: [],
          },
        ],
      })
    for (let n = 1; n <= 5; n++) commit(n, 100)
    expect(dataset.recent.map((tx) => tx.id)).toEqual(['t1', 't2', 't3', 't4', 't5'])
    // One large commit pushes the small ones out; alone it is kept, however large.
    commit(6, 9_900)
    expect(dataset.recent.map((tx) => tx.id)).toEqual(['t6'])
    commit(7, 20_000)
    expect(dataset.recent.map((tx) => tx.id)).toEqual(['t7'])
    commit(8, 100)
    expect(dataset.recent.map((tx) => tx.id)).toEqual(['t8'])
    dataset.close()
  })

  it('keeps no documents in memory for the replay window: a replayed transaction is read back from the file as it was committed', async () => {
    const dataset = new Dataset('replay', join(dir, 'replay.sqlite'))
    const doc = (id: string, rev: string, n: number) => ({_id: id, _type: 't', _rev: rev, n})
    const first = dataset.commit({
      id: 'first',
      timestamp: '2026-01-01T00:00:00Z',
      author: 'me',
      mutations: [{create: doc('a', 'first', 1)}, {create: doc('b', 'first', 1)}],
      changes: [
        {id: 'b', before: null, after: doc('b', 'first', 1), mutations: [{create: {_id: 'b'}}]},
        {id: 'a', before: null, after: doc('a', 'first', 1), mutations: [{create: {_id: 'a'}}]},
      ],
    })
    const second = {
      id: 'second',
      timestamp: '2026-01-01T00:00:01Z',
      author: 'you',
      mutations: [{patch: {query: '*', set: {n: 2}}}],
      changes: [
        {
          id: 'b',
          before: doc('b', 'first', 1),
          after: doc('b', 'second', 2),
          mutations: [{patch: {id: 'b', set: {n: 2}}}],
        },
        {id: 'a', before: doc('a', 'first', 1), after: null, mutations: [{delete: {id: 'a'}}]},
        {id: 'c', before: null, after: doc('c', 'second', 2), mutations: [{create: {_id: 'c'}}]},
      ],
    }
    let committed: unknown = await dataset.commitInSlices(second)
    // Changes keep the order they were committed in (event ids count on it), not the ids' order.
    expect(dataset.transactionAt(first.seq)).toEqual(first)
    expect(dataset.transactionAt(first.seq + 1)).toEqual(committed)
    expect(dataset.recent.map((tx) => tx.id)).toEqual(['first', 'second'])
    // Nothing holds the committed transaction once its commit is done (no listeners here).
    const collected = new WeakRef(committed as object)
    committed = undefined
    await collectGarbage()
    expect(collected.deref()).toBeUndefined()
    await dataset.close()
  })

  it('writes a large transaction off the event loop, other work running meanwhile, none of it visible until all of it is', async () => {
    const dataset = new Dataset('slices', join(dir, 'slices.sqlite'))
    const changes = Array.from({length: 20_000}, (_, n) => ({
      id: `d${n}`,
      before: null,
      after: {_id: `d${n}`, _type: 't', _rev: 'big', text: `document ${n}`},
      mutations: [],
    }))
    let turns = 0
    let sawPartial = false
    const other = setInterval(() => {
      turns++
      // One statement reads one snapshot of the file.
      const counts = dataset.reader
        .prepare(
          'SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM revisions) AS revisions',
        )
        .get()
      const [documents, revisions] = [Number(counts?.documents), Number(counts?.revisions)]
      if (![0, 20_000].includes(revisions) || documents !== revisions) sawPartial = true
    }, 0)
    try {
      await dataset.commitInSlices({
        id: 'big',
        timestamp: '2026-01-01T00:00:00Z',
        author: 'me',
        mutations: [],
        changes,
      })
    } finally {
      clearInterval(other)
    }
    expect(turns).toBeGreaterThan(0)
    expect(sawPartial).toBe(false)
    expect(dataset.ids().length).toBe(20_000)
    expect(Number(dataset.reader.prepare('SELECT count(*) AS n FROM revisions').get()?.n)).toBe(
      20_000,
    )
    dataset.close()
  })

  it('writes a transaction of one small document on the event loop when told to, anything more on its writer thread', async () => {
    const dataset = new Dataset('inline', join(dir, 'inline.sqlite'))
    dataset.inlineWritesUpTo = 10_000
    const thread = vi.spyOn(WriterThread.prototype, 'commit')
    const write = (id: string, text: string, count = 1) => createMany(dataset, id, text, count)
    try {
      const small = await write('small', 'a page')
      expect(thread).not.toHaveBeenCalled()
      await write('large', 'x'.repeat(20_000))
      expect(thread).toHaveBeenCalledTimes(1)
      await write('many', 'a page', 3)
      expect(thread).toHaveBeenCalledTimes(2)
      expect(small.seq).toBe(1)
      expect(dataset.ids()).toEqual(['large-0', 'many-0', 'many-1', 'many-2', 'small-0'])
      expect(dataset.get('small-0')).toMatchObject({text: 'a page', _rev: 'small'})
    } finally {
      thread.mockRestore()
      await dataset.close()
    }
  })
})
