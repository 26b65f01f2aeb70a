import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {DatabaseSync} from 'node:sqlite'
import {afterAll, afterEach, describe, expect, it} from 'vitest'
import {Dataset} from '../store/dataset.ts'
import {startTestLake} from '../test-lake.ts'
import type {Doc} from '../store/types.ts'
import {runTransaction} from './transaction.ts'
import type {WorkingSet} from './working-set.ts'

const dir = mkdtempSync(join(tmpdir(), 'lake-pipeline-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))

const open: Array<{dataset: Dataset; blocker: DatabaseSync}> = []
afterEach(async () => {
  for (const {dataset, blocker} of open.splice(0)) {
    if (blocker.isTransaction) blocker.exec('ROLLBACK')
    blocker.close()
    await dataset.close()
  }
})

/**
 * A dataset whose file refuses to store a document with id "poison" (a trigger, as a full disk
 * or a broken file would refuse a write), and a second connection that can hold the file's write
 * lock, so the writer thread waits while the test posts more transactions behind the first.
 */
function openDataset(name: string) {
  const file = join(dir, `${name}.sqlite`)
  const opened = new Dataset(name, file, () => undefined)
  opened.db.exec(`CREATE TRIGGER refuse_poison BEFORE INSERT ON documents WHEN NEW.id = 'poison'
    BEGIN SELECT RAISE(ABORT, 'the file refuses this document'); END`)
  const blocker = new DatabaseSync(file)
  open.push({dataset: opened, blocker})
  return {
    dataset: opened,
    /** Holds the write lock until the returned function is called. */
    holdWrites: () => {
      blocker.exec('BEGIN IMMEDIATE')
      return () => blocker.exec('COMMIT')
    },
  }
}

const create =
  (id: string, fields: Record<string, unknown> = {}) =>
  (ws: WorkingSet) => {
    const doc: Doc = {_id: id, _type: 't', ...fields}
    ws.record({create: doc})
    ws.put(id, doc, {create: doc})
    return Promise.resolve()
  }

const strongRef = (id: string) => ({_type: 'reference', _ref: id})

/** Resolves once the dataset has the transaction, posted or committed, or it has settled. */
async function posted(dataset: Dataset, id: string, running: Promise<unknown>): Promise<void> {
  let settled = false
  running.then(
    () => (settled = true),
    () => (settled = true),
  )
  while (!settled && !dataset.hasTransaction(id)) {
    await new Promise((resolve) => setImmediate(resolve))
  }
}

describe('transactions checked while the ones before them are written', () => {
  it('checks a transaction against the documents the one before it leaves while that one is written, and commits both in order', async () => {
    const {dataset, holdWrites} = openDataset('in-order')
    const release = holdWrites()
    const first = runTransaction(dataset, {transactionId: 'first'}, create('a', {n: 1}))
    await posted(dataset, 'first', first)
    // Readers of the file do not see it yet; the next transaction does.
    expect(dataset.get('a')).toBeUndefined()
    expect(dataset.latest('a')).toMatchObject({n: 1})
    const second = runTransaction(dataset, {transactionId: 'second'}, async (ws) => {
      const a = ws.get('a')!
      const patch = {patch: {id: 'a', set: {n: (a.n as number) + 1}}}
      ws.record(patch)
      ws.put('a', {...a, n: (a.n as number) + 1}, patch, a)
    })
    await posted(dataset, 'second', second)
    release()
    const [one, two] = await Promise.all([first, second])
    expect(one.transaction?.seq).toBeLessThan(two.transaction!.seq)
    expect(dataset.get('a')).toMatchObject({n: 2, _rev: 'second'})
  })

  it('builds again a transaction checked against one that then failed to commit, against the documents as committed, and keeps writing after', async () => {
    const {dataset, holdWrites} = openDataset('failed')
    await runTransaction(dataset, {}, create('a'))
    // The reference index is read from the file at the first deletion: this one.
    await runTransaction(dataset, {}, create('gone'))
    await runTransaction(dataset, {}, async (ws) => {
      ws.record({delete: {id: 'gone'}})
      ws.put('gone', null, {delete: {id: 'gone'}})
    })

    const release = holdWrites()
    // "poison" references "a": while it is pending, "a" counts as referenced.
    const failing = runTransaction(
      dataset,
      {transactionId: 'failing'},
      create('poison', {a: strongRef('a')}),
    )
    await posted(dataset, 'failing', failing)
    const saw: boolean[] = []
    const behind = runTransaction(dataset, {transactionId: 'behind'}, async (ws) => {
      saw.push(ws.has('poison'))
      await create('b', {sawPoison: ws.has('poison')})(ws)
    })
    await posted(dataset, 'behind', behind)
    release()

    await expect(failing).rejects.toThrow(/the file refuses this document/)
    const rebuilt = await behind
    expect(saw).toEqual([true, false])
    expect(rebuilt.transaction?.id).toBe('behind')
    expect(dataset.get('b')).toMatchObject({sawPoison: false, _rev: 'behind'})
    expect(dataset.get('poison')).toBeUndefined()
    expect(dataset.hasTransaction('failing')).toBe(false)

    // Nothing references "a" any more (the failed transaction's reference was taken back), and
    // the writer writes again.
    await runTransaction(dataset, {}, async (ws) => {
      ws.record({delete: {id: 'a'}})
      ws.put('a', null, {delete: {id: 'a'}})
    })
    expect(dataset.get('a')).toBeUndefined()
  })

  it("selects a patch by query's targets among the documents of transactions not yet committed, which the query workers do not hold yet", async () => {
    const t = await startTestLake()
    try {
      const mutate = (mutations: unknown[], transactionId: string) =>
        fetch(`${t.lake.httpUrl}/v2025-02-19/data/mutate/test`, {
          method: 'POST',
          headers: {...t.auth, 'content-type': 'application/json'},
          body: JSON.stringify({mutations, transactionId}),
        }).then(async (response) => ({status: response.status, body: await response.json()}))
      await t.client.create({_id: 'committed', _type: 'lesson', title: 'One'})
      const dataset = t.lake.state.registry.get('test')
      const blocker = new DatabaseSync(dataset.db.location()!)
      blocker.exec('BEGIN IMMEDIATE')
      const created = mutate([{create: {_id: 'pending', _type: 'lesson', title: 'Two'}}], 'create')
      await posted(dataset, 'create', created)
      const patched = mutate(
        [{patch: {query: '*[_type == "lesson"]', set: {seen: true}}}],
        'patch-by-query',
      )
      await posted(dataset, 'patch-by-query', patched)
      blocker.exec('COMMIT')
      blocker.close()
      expect((await created).status).toBe(200)
      expect((await patched).body.results.map((r: {id: string}) => r.id).sort()).toEqual([
        'committed',
        'pending',
      ])
      expect(await t.client.fetch('*[_type == "lesson"]{_id, seen} | order(_id)')).toEqual([
        {_id: 'committed', seen: true},
        {_id: 'pending', seen: true},
      ])
    } finally {
      await t.stop()
    }
  })
})
