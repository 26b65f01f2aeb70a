import {describe, expect, it} from 'vitest'

import {createHash} from 'node:crypto'

import {batchBySize, DEFAULT_BATCH_LIMITS, mutationBytes} from './batch.ts'
import {transactionIdFor} from './mutations.ts'
import {syncDocuments} from './run.ts'
import {FakeLake} from './testing/fakeLake.ts'
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
        batch.entries.reduce((sum, e) => sum + mutationBytes(e.mutations[0]), 0),
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

describe('mutation requests', () => {
  it('hand the API the JSON texts their transaction id was hashed from', async () => {
    const lake = new FakeLake()
    const sent: Array<{
      mutations: Mutation[]
      transactionId: string
      json?: string
      texts?: readonly string[]
    }> = []
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
    const {report} = await syncDocuments(docs, {api, target: 'fake'})
    expect(report.counts).toMatchObject({created: 30})
    expect(sent.length).toBeGreaterThan(0)
    for (const {mutations, texts, transactionId} of sent) {
      expect(texts).toEqual(mutations.map((mutation) => JSON.stringify(mutation)))
      const hash = (text: string) => createHash('sha256').update(text)
      expect(transactionId).toMatch(/^import-[0-9a-f]{32}$/)
      // The id hashes the very texts sent, as one array (the salt is the run's own, so compare
      // the texts' part), and the same mutations in any of their forms give the same id.
      const expected = `import-${hash('salt').update(JSON.stringify(mutations)).digest('hex').slice(0, 32)}`
      expect(transactionIdFor({texts: texts!}, 'salt')).toBe(expected)
      expect(transactionIdFor(JSON.stringify(mutations), 'salt')).toBe(expected)
      expect(transactionIdFor(mutations, 'salt')).toBe(expected)
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
