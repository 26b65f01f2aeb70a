import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {DatabaseSync} from 'node:sqlite'
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest'
import {createLakeClient} from '../client.ts'
import {applyMutation} from '../mutate/apply.ts'
import {runTransaction} from '../mutate/transaction.ts'
import {startLake, type Lake} from '../start.ts'
import {Dataset} from './dataset.ts'
import {migrate} from './schema.ts'
import type {Doc} from './types.ts'

const dir = mkdtempSync(join(tmpdir(), 'lake-quarantine-'))
const file = join(dir, 'data', 'test.sqlite')
const deep = `{"_id":"deep","_type":"x","_rev":"t1","deep":${'{"a":'.repeat(4400)}1${'}'.repeat(4400)}}`
const warnings: string[] = []
let lake: Lake

/** What a lake that did not check documents could leave on disk, written straight to the file. */
function writePoisonedFile() {
  const db = new DatabaseSync(file)
  migrate(db)
  const put = db.prepare('INSERT INTO documents (id, doc) VALUES (?, ?)')
  db.exec(
    `INSERT INTO transactions (id, timestamp, author, mutations) VALUES ('t1', '2026-01-01T00:00:00Z', 'old-lake', '[]')`,
  )
  db.prepare(
    'INSERT INTO revisions (seq, doc_id, rev, previous_rev, doc, mutations) VALUES (1, ?, ?, NULL, ?, ?)',
  ).run('deep', 't1', deep, `[{"create":${deep}}]`)
  put.run('deep', deep)
  put.run('5', '{"_id":5,"_type":"x"}')
  put.run('untyped', '{"_id":"untyped"}')
  put.run('broken', '{"_id":"broken",')
  put.run('fine', '{"_id":"fine","_type":"lesson","title":"Fine"}')
  db.close()
}

beforeAll(async () => {
  await (await startLake({dir, log: () => undefined})).close()
  writePoisonedFile()
  lake = await startLake({dir, log: (message) => warnings.push(message)})
})
afterAll(async () => {
  await lake?.close()
  rmSync(dir, {recursive: true, force: true})
})

const get = (path: string) =>
  fetch(`${lake.httpUrl}/v2025-02-19/${path}`, {headers: {authorization: `Bearer ${lake.token}`}})

describe('documents already on disk that break the rules', () => {
  it('no longer fail queries: every perspective answers with the good documents', async () => {
    const client = createLakeClient(lake, {dataset: 'test'})
    for (const perspective of ['raw', 'published', 'drafts'] as const) {
      expect(await client.fetch('*[]._id', {}, {perspective})).toEqual(['fine'])
    }
  })

  it('are left out when the dataset loads, with a warning naming each one and the quarantine table', () => {
    for (const id of ['deep', '5', 'untyped', 'broken']) {
      expect(
        warnings.some(
          (w) => w.includes(`Left out document "${id}"`) && w.includes('"quarantine" table'),
        ),
      ).toBe(true)
    }
    expect(warnings.some((w) => w.includes('"fine"'))).toBe(false)
  })

  it("leave the deep document's history readable, with its content replaced by a note", async () => {
    const transactions = await get('data/history/test/transactions/deep')
    expect(transactions.status).toBe(200)
    expect(await transactions.text()).toContain('lake.unreadableRevision')
    const documents = await get('data/history/test/documents/deep?revision=t1')
    expect(await documents.json()).toMatchObject({documents: [{_type: 'lake.unreadableRevision'}]})
  })

  it('stay in the quarantine table and are not warned about again at the next start', async () => {
    await lake.close()
    warnings.length = 0
    lake = await startLake({dir, log: (message) => warnings.push(message)})
    expect(warnings).toEqual([])
    const db = new DatabaseSync(file, {readOnly: true})
    const ids = db
      .prepare('SELECT id FROM quarantine ORDER BY id')
      .all()
      .map((row) => row.id)
    db.close()
    expect(ids).toEqual(['5', 'broken', 'deep', 'untyped'])
  })
})

describe('a later load of a checked dataset file', () => {
  const later = join(dir, 'later.sqlite')
  /** What an older lake that did not check documents would commit. */
  const commit = (dataset: Dataset, id: string, after: Doc) =>
    dataset.commit({
      id,
      timestamp: '2026-01-01T00:00:00Z',
      author: 'old-lake',
      mutations: [],
      changes: [{id: after._id, before: null, after, mutations: []}],
    })
  /** Opens and closes the file; the documents parsed and the warnings of that load. */
  async function load(file = later) {
    const heard: string[] = []
    const parse = vi.spyOn(JSON, 'parse')
    try {
      const dataset = new Dataset('later', file, (message) => heard.push(message))
      const parsed = parse.mock.calls.length
      await dataset.close()
      return {parsed, heard}
    } finally {
      parse.mockRestore()
    }
  }

  /** What the lake commits for a client: checked by its write rules first. */
  const write = (dataset: Dataset, doc: Doc) =>
    runTransaction(dataset, {}, (ws) => applyMutation(ws, {createOrReplace: doc}))

  it('parses none of the documents the lake itself checked and wrote since, but still every other one', async () => {
    const own = join(dir, 'own.sqlite')
    const dataset = new Dataset('own', own, () => undefined)
    for (let i = 0; i < 10; i++) await write(dataset, {_id: `w${i}`, _type: 'x'})
    await dataset.close()
    expect(await load(own)).toEqual({parsed: 0, heard: []})

    // A commit that did not go through the lake's checks holds the record back: the next load
    // parses what came after the record, the checked write after it included.
    const mixed = new Dataset('own', own, () => undefined)
    commit(mixed, 'unchecked', {_id: 'untyped'} as Doc)
    await write(mixed, {_id: 'w10', _type: 'x'})
    await mixed.close()
    const {parsed, heard} = await load(own)
    expect(parsed).toBe(2)
    expect(heard).toEqual([expect.stringContaining('Left out document "untyped"')])

    const after = new Dataset('own', own, () => undefined)
    await write(after, {_id: 'w11', _type: 'x'})
    // Written on the event loop, as an import's own lake writes a small transaction.
    after.inlineWritesUpTo = 1024 * 1024
    await write(after, {_id: 'w12', _type: 'x'})
    await after.close()
    expect(await load(own)).toEqual({parsed: 0, heard: []})
  })

  it('parses only the documents committed since the last check, and still sets a bad one aside', async () => {
    const dataset = new Dataset('later', later, () => undefined)
    for (let i = 0; i < 10; i++) commit(dataset, `t${i}`, {_id: `d${i}`, _type: 'x'})
    await dataset.close()
    expect((await load()).parsed).toBe(10)
    expect(await load()).toEqual({parsed: 0, heard: []})

    const reopened = new Dataset('later', later, () => undefined)
    commit(reopened, 'bad', {_id: 'untyped'} as Doc)
    await reopened.close()
    const {parsed, heard} = await load()
    expect(parsed).toBe(1)
    expect(heard).toEqual([expect.stringContaining('Left out document "untyped"')])
    expect((await load()).parsed).toBe(0)
  })
})
