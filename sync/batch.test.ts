import {describe, expect, it} from 'vitest'

import {randomUUID} from 'node:crypto'

import {requestedTransactionId} from '../lake/mutate/transaction.ts'
import {batchBySize, DEFAULT_BATCH_LIMITS, requestBytesOf} from './batch.ts'
import {commitTransactionId} from './mutations.ts'
import {syncDocuments} from './run.ts'
import {FakeLake, resetError} from './testing/fakeLake.ts'
import type {Mutation, SyncApi} from './types.ts'

const entry = (id: string, bytes: number) => ({
  mutations: [{create: {_id: id, _type: 'lesson', text: 'x'.repeat(bytes)}} as Mutation],
})

describe('batchBySize', () => {
  it('keeps transactions near 256 KB and in order', () => {
    const entries = Array.from({length: 10}, (_, i) => entry(`d${i}`, 100_000))
    const batches = [...batchBySize(entries)]
    expect(batches.map((b) => b.entries.length)).toEqual([2, 2, 2, 2, 2])
    for (const batch of batches) {
      expect(
        requestBytesOf(batch.entries.map((e) => JSON.stringify(e.mutations[0]))),
      ).toBeLessThanOrEqual(DEFAULT_BATCH_LIMITS.maxBytes)
      expect(batch.texts).toEqual(batch.entries.map((e) => JSON.stringify(e.mutations[0])))
    }
    expect(
      batches
        .flatMap((b) => b.entries)
        .map((e) => (e.mutations[0] as {create: {_id: string}}).create._id),
    ).toEqual(entries.map((_, i) => `d${i}`))
  })

  it('writes a batch only when it is asked for', () => {
    const entries = Array.from({length: 10}, (_, i) => entry(`d${i}`, 100_000))
    const written: string[] = []
    const watched = entries.map((e, i) => ({
      get mutations() {
        written.push(`d${i}`)
        return e.mutations
      },
    }))
    const batches = batchBySize(watched)
    expect(written).toEqual([])
    expect(batches.next().value?.entries).toHaveLength(2)
    // The first batch closes when the third entry does not fit: three written, not ten.
    expect(written).toEqual(['d0', 'd1', 'd2'])
  })

  it('counts every mutation of an entry, for the size and for the number of mutations', () => {
    // A delete guarded by a revision: a patch, then the delete.
    const guarded = (id: string, pad: number) => ({
      mutations: [{patch: {id, ifRevisionID: 'r'.repeat(pad)}}, {delete: {id}}] as Mutation[],
    })
    const byCount = [
      ...batchBySize([guarded('a', 1), guarded('b', 1), guarded('c', 1)], {
        maxBytes: 1e6,
        maxMutations: 4,
      }),
    ]
    expect(byCount.map((b) => [b.entries.length, b.texts.length])).toEqual([
      [2, 4],
      [1, 2],
    ])
    expect(byCount[0].texts[1]).toBe(JSON.stringify({delete: {id: 'a'}}))
    const bySize = [
      ...batchBySize([guarded('a', 100), guarded('b', 100)], {maxBytes: 250, maxMutations: 100}),
    ]
    expect(bySize.map((b) => b.entries.length)).toEqual([1, 1])
  })

  it('gives a document larger than the batch size a transaction of its own', () => {
    const batches = [...batchBySize([entry('a', 10), entry('big', 400_000), entry('b', 10)])]
    expect(batches.map((b) => b.entries.length)).toEqual([1, 1, 1])
  })
})

describe('transaction ids', () => {
  // Salts as applyPlan gives its commits: batches of levels, splits, replans, strengthens, deletes.
  const commits = [
    'l0b0',
    'l0b1',
    'l1b12',
    'l11b2',
    'l0b1a',
    'l0b1b',
    'l0b1ab',
    'l0b1r',
    's0',
    'd0',
  ]

  it('are the same for the same run and commit, and new for any other commit or run', () => {
    const run = randomUUID()
    const ids = commits.map((salt) => commitTransactionId(run, salt))
    expect(commits.map((salt) => commitTransactionId(run, salt))).toEqual(ids)
    expect(new Set(ids).size).toBe(commits.length)
    const other = randomUUID()
    for (const [i, salt] of commits.entries())
      expect(commitTransactionId(other, salt)).not.toBe(ids[i])
    // Run and salt are kept apart: moving a character from one to the other is another commit.
    expect(commitTransactionId('run1', 'b')).not.toBe(commitTransactionId('run', '1b'))
    for (const id of ids) {
      expect(id).toMatch(/^import-[0-9a-f]{32}$/)
      // The lake holds transaction ids to the Content Lake's rules, and takes these as they are.
      expect(requestedTransactionId(id)).toBe(id)
    }
  })

  it('are sent with the JSON texts of their mutations, new for every commit, the same on a retry', async () => {
    const lake = new FakeLake()
    const sent: Array<{mutations: Mutation[]; transactionId: string; texts?: readonly string[]}> =
      []
    // The first commit goes through but its response is lost, so the sync asks again.
    lake.fault = (request) =>
      request.kind === 'mutate' && sent.length === 1
        ? {when: 'after', error: resetError()}
        : undefined
    const api: SyncApi = {
      query: (groq, params) => lake.query(groq, params),
      getDocuments: (ids) => lake.getDocuments(ids),
      uploadImage: (body, options) => lake.uploadImage(body, options),
      mutate: async (mutations, options) => {
        sent.push({mutations, ...options})
        await lake.mutate(mutations, options)
      },
    }
    const docs = Array.from({length: 30}, (_, i) => ({
      _id: `lesson-${i}`,
      _type: 'lesson',
      title: `Lesson ${i} é`,
      source: {path: `${i}.md`},
    }))
    const {report} = await syncDocuments(docs, {
      api,
      target: 'fake',
      batchLimits: {maxBytes: 1e6, maxMutations: 4},
      retry: {baseMs: 1, maxMs: 5},
    })
    // Recognised by its id, the lost commit counts as created, not as a conflict or an update.
    expect(report.counts).toMatchObject({created: 30, failed: 0, updated: 0})
    expect(sent).toHaveLength(9)
    // Batches go out concurrently: the retry is the request that sends the first one's mutations.
    const retry = sent.findIndex(
      (request, i) =>
        i > 0 && JSON.stringify(request.mutations) === JSON.stringify(sent[0].mutations),
    )
    expect(retry).toBeGreaterThan(0)
    expect(sent[retry].transactionId).toBe(sent[0].transactionId)
    const ids = sent.filter((_, i) => i !== retry).map((request) => request.transactionId)
    expect(new Set(ids).size).toBe(8)
    for (const {mutations, texts, transactionId} of sent) {
      expect(transactionId).toMatch(/^import-[0-9a-f]{32}$/)
      expect(texts?.map((text) => JSON.parse(text) as unknown)).toEqual(mutations)
    }
  })
})

describe('request size limit', () => {
  it('reports a document over the 4 MB request limit and writes the others', async () => {
    const lake = new FakeLake()
    const docs = [
      {_id: 'small', _type: 'lesson', source: {path: 'small.md'}},
      {_id: 'huge', _type: 'lesson', text: 'x'.repeat(4_100_000), source: {path: 'huge.md'}},
    ]
    const {report} = await syncDocuments(docs, {api: lake, target: 'fake'})
    expect(report.counts).toMatchObject({created: 1, failed: 1})
    expect(report.problems[0].message).toMatch(/huge\.md.*4 MB/)
    expect(lake.requests.filter((r) => r.kind === 'mutate')).toHaveLength(1)
  })
})
