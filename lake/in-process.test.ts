import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {mutateInProcess} from './in-process.ts'
import {storedTransaction} from './store/history.ts'
import type {WireMutation} from './store/types.ts'
import {startTestLake} from './test-lake.ts'

let t: Awaited<ReturnType<typeof startTestLake>>
beforeAll(async () => {
  t = await startTestLake()
})
afterAll(() => t.stop())

/** The same request over HTTP: its status and JSON body. */
async function overHttp(dataset: string, mutationsJson: string, transactionId: string) {
  const res = await fetch(`${t.lake.httpUrl}/v2025-02-19/data/mutate/${dataset}`, {
    method: 'POST',
    headers: {...t.auth, 'content-type': 'application/json'},
    body: `{"mutations":${mutationsJson},"transactionId":${JSON.stringify(transactionId)}}`,
  })
  return {statusCode: res.status, body: (await res.json()) as unknown}
}

/** An answer with the parts that differ from request to request (ids, times) made comparable. */
const comparable = (answer: {statusCode: number; body: unknown}, transactionId: string) =>
  JSON.parse(JSON.stringify(answer).replaceAll(transactionId, '<tx>')) as unknown

/** `mutations` as an in-process client sends them: as text, or as objects with each one's text. */
const requestOf = (given: string, mutations: WireMutation[]) =>
  given === 'text'
    ? {json: JSON.stringify(mutations)}
    : {mutations, texts: mutations.map((mutation) => JSON.stringify(mutation))}

/** Commits `mutations` in process; the `transactions` row the dataset file keeps of it. */
async function committed(given: string, dataset: string, mutations: WireMutation[], id: string) {
  const answer = await mutateInProcess(t.lake.state, dataset, requestOf(given, mutations), id)
  expect(answer.statusCode, JSON.stringify(answer.body)).toBe(200)
  const db = t.lake.state.registry.get(dataset).reader
  const row = db.prepare('SELECT seq, mutations FROM transactions WHERE id = ?').get(id)!
  return {seq: Number(row.seq), mutations: row.mutations, db}
}

describe('in-process mutations', () => {
  const cases: Array<[string, (n: string) => string]> = [
    ['a create', (n) => JSON.stringify([{create: {_id: `a-${n}`, _type: 'lesson', title: 'A'}}])],
    ['a document without a type', (n) => JSON.stringify([{create: {_id: `b-${n}`}}])],
    ['an empty list', () => '[]'],
    ['text that is not JSON', () => '[{"create":'],
    [
      'a patch of a missing document',
      (n) => JSON.stringify([{patch: {id: `c-${n}`, set: {x: 1}}}]),
    ],
    [
      'a body over the 4,000,000-byte limit',
      (n) => JSON.stringify([{create: {_id: `d-${n}`, _type: 'x', text: 'y'.repeat(4_000_000)}}]),
    ],
    ['nesting deeper than any document may', () => `[${'['.repeat(70)}${']'.repeat(70)}]`],
  ]
  it.each(cases)('answer %s as the HTTP route does', async (_, mutations) => {
    const json = mutations('1')
    const inProcess = await mutateInProcess(t.lake.state, 'one', {json}, 'tx-in-process')
    const http = await overHttp('two', json, 'tx-http')
    expect(comparable(inProcess, 'tx-in-process')).toEqual(comparable(http, 'tx-http'))
    // Given as the objects the text was written from, with each one's text: the same answer.
    const parsed = (() => {
      try {
        return JSON.parse(json) as Array<Record<string, unknown>>
      } catch {
        return undefined
      }
    })()
    if (!parsed) return
    const given = {mutations: parsed, texts: parsed.map((m) => JSON.stringify(m))}
    const asObjects = await mutateInProcess(t.lake.state, 'six', given, 'tx-objects')
    expect(comparable(asObjects, 'tx-objects')).toEqual(comparable(http, 'tx-http'))
  })

  it('refuses a transaction id the dataset already committed, as the route does', async () => {
    const create = (id: string) => JSON.stringify([{create: {_id: id, _type: 'lesson'}}])
    const first = await mutateInProcess(t.lake.state, 'three', {json: create('e1')}, 'tx-once')
    expect(first.statusCode).toBe(200)
    const again = await mutateInProcess(t.lake.state, 'three', {json: create('e2')}, 'tx-once')
    await overHttp('four', create('e1'), 'tx-once')
    expect(again).toEqual(await overHttp('four', create('e2'), 'tx-once'))
    expect(again.statusCode).toBe(409)
  })

  it.each([
    ['text', 'five'],
    ['objects and their texts', 'seven'],
  ])(
    'stores each document, its history and the transaction as JSON.stringify writes them, given %s',
    async (given, dataset) => {
      const docs = [
        {_id: 'f-1', _type: 'lesson', title: 'Ünïcode "quoted" \u2028', list: [1, 'two', null]},
        {_type: 'lesson', _id: 'f-2', nested: {deep: {deeper: [{_key: 'k', x: 1e21}]}}},
        {_id: 'f-3', _type: 'lesson', _createdAt: '2020-01-01T00:00:00Z', title: 'brings a stamp'},
        {_id: 'f-4', _type: 'lesson', 10: 'an integer key', title: 'keys in JSON order'},
      ]
      const mutations = [
        {create: docs[0]},
        {createOrReplace: docs[1]},
        {createIfNotExists: docs[2]},
        {create: docs[3]},
        {patch: {id: 'f-1', set: {title: 'patched in the same transaction'}}},
      ]
      const json = JSON.stringify(mutations)
      const tx = await committed(given, dataset, mutations, 'tx-texts')
      const db = tx.db
      expect(tx.mutations).toBe(json)
      const revisions = db
        .prepare('SELECT doc_id, doc, mutations FROM revisions WHERE seq = ?')
        .all(tx.seq)
      expect(revisions).toHaveLength(4)
      const read = storedTransaction(t.lake.state.registry.get(dataset), Number(tx.seq))!
      expect(read.mutations).toEqual(mutations)
      for (const row of revisions) {
        const stored = db.prepare('SELECT doc FROM documents WHERE id = ?').get(row.doc_id)!
        expect(row.doc).toBe(stored.doc)
        expect(row.doc).toBe(JSON.stringify(JSON.parse(String(row.doc))))
        expect(row.mutations).toBe(JSON.stringify(JSON.parse(String(row.mutations))))
        const doc = JSON.parse(String(row.doc)) as Record<string, unknown>
        expect(doc._rev).toBe('tx-texts')
        const own = read.changes.find((change) => change.id === row.doc_id)!.mutations
        const created = Object.values(own[0])[0] as Record<string, unknown>
        // The created document's fields as it sent them, then the stamps it did not bring, in
        // the order the working set adds them (as JSON.stringify writes the stamped object).
        const stamps = ['_createdAt', '_updatedAt', '_rev'].filter((key) => !(key in created))
        expect(Object.keys(doc)).toEqual([...Object.keys(created), ...stamps])
      }
      const f3 = JSON.parse(String(revisions.find((row) => row.doc_id === 'f-3')!.doc))
      expect(f3._createdAt).toBe('2020-01-01T00:00:00Z')
      const f1 = revisions.find((row) => row.doc_id === 'f-1')!
      expect(f1.mutations).toBe(JSON.stringify([mutations[0], mutations[4]]))
      // A document created by its one mutation is written once: the mutation notes it.
      const f2 = revisions.find((row) => row.doc_id === 'f-2')!
      expect(f2.mutations).toBe('{"created":"createOrReplace"}')
      expect(read.changes.find((change) => change.id === 'f-2')!.mutations).toEqual([mutations[1]])
    },
  )

  it.each([
    ['text', 'eight'],
    ['objects and their texts', 'nine'],
  ])(
    'stores a transaction of one mutation per document as a note, and reads it back, given %s',
    async (given, dataset) => {
      const mutations = [
        {createOrReplace: {_id: 'g-1', _type: 'lesson', title: 'One'}},
        {create: {_id: 'g-2', _type: 'lesson', title: 'Two', body: [{_key: 'a', n: 2}]}},
        {createIfNotExists: {_id: 'g-3', _type: 'lesson', _createdAt: '2020-01-01T00:00:00Z'}},
        {patch: {id: 'g-1', set: {title: 'One, patched'}}},
      ]
      // g-1's two mutations are not next to each other: the transaction keeps its text.
      const notes = await committed(given, dataset, mutations, 'tx-notes')
      expect(notes.mutations).toBe(JSON.stringify(mutations))
      const ones = [
        {createOrReplace: {_id: 'g-4', _type: 'lesson', title: 'Four'}},
        {createOrReplace: {_id: 'g-5', _type: 'lesson', title: 'Five'}},
        {patch: {id: 'g-2', set: {title: 'Two, patched'}}},
        {delete: {id: 'g-3'}},
      ]
      const each = await committed(given, dataset, ones, 'tx-each')
      expect(each.mutations).toBe('{"byChange":true}')
      const read = storedTransaction(t.lake.state.registry.get(dataset), each.seq)!
      expect(read.mutations).toEqual(ones)
      expect(read.changes.map((change) => [change.id, change.mutations])).toEqual(
        ones.map((mutation, i) => [['g-4', 'g-5', 'g-2', 'g-3'][i], [mutation]]),
      )
      // A patch by query is recorded per document with its id: the transaction keeps its text.
      const byQuery = [{patch: {query: '*[_id in ["g-4", "g-5"]]', set: {title: 'Queried'}}}]
      const query = await committed(given, dataset, byQuery, 'tx-query')
      expect(query.mutations).toBe(JSON.stringify(byQuery))
      const queried = storedTransaction(t.lake.state.registry.get(dataset), query.seq)!
      expect(queried.mutations).toEqual(byQuery)
    },
  )
})
