import {describe, expect, it} from 'vitest'

import {createHash} from 'node:crypto'

import {batchBySize, DEFAULT_BATCH_LIMITS, mutationBytes, mutationsJson} from './batch.ts'
import {transactionIdFor} from './mutations.ts'
import {syncDocuments} from './run.ts'
import {FakeLake} from './testing/fakeLake.ts'
import type {Mutation} from './types.ts'

const entry = (id: string, bytes: number) => ({
  mutation: {create: {_id: id, _type: 'lesson', text: 'x'.repeat(bytes)}} as Mutation,
})

describe('batchBySize', () => {
  it('keeps transactions near 256 KB and in order', () => {
    const entries = Array.from({length: 10}, (_, i) => entry(`d${i}`, 100_000))
    const batches = batchBySize(entries)
    expect(batches.map((b) => b.length)).toEqual([2, 2, 2, 2, 2])
    for (const batch of batches)
      expect(batch.reduce((sum, e) => sum + mutationBytes(e.mutation), 0)).toBeLessThanOrEqual(
        DEFAULT_BATCH_LIMITS.maxBytes,
      )
    expect(batches.flat().map((e) => (e.mutation as {create: {_id: string}}).create._id)).toEqual(
      entries.map((_, i) => `d${i}`),
    )
  })

  it('gives a document larger than the batch size a transaction of its own', () => {
    const batches = batchBySize([entry('a', 10), entry('big', 400_000), entry('b', 10)])
    expect(batches.map((b) => b.length)).toEqual([1, 1, 1])
  })
})

describe('mutation texts', () => {
  /** A mutation whose document counts how often it is written as JSON. */
  const counted = (id: string) => {
    const doc = {_id: id, _type: 'lesson', title: `Title ${id} é`}
    const seen = {count: 0}
    const mutation = {
      create: {...doc, toJSON: () => (seen.count++, doc)},
    } as unknown as Mutation
    return {mutation, seen, doc}
  }

  it('are JSON.stringify of the mutations, and the transaction id hashes that text', () => {
    const mutations = [counted('a'), counted('b')]
    const plain = mutations.map(({doc}) => ({create: doc}))
    const list = mutations.map(({mutation}) => mutation)
    expect(mutationsJson(list)).toBe(JSON.stringify(plain))
    const expected = createHash('sha256').update('salt').update(JSON.stringify(plain))
    expect(transactionIdFor(list, 'salt')).toBe(`import-${expected.digest('hex').slice(0, 32)}`)
  })

  it('are written once per mutation for its batch, size check, transaction id and body', () => {
    const mutations = Array.from({length: 5}, (_, i) => counted(`d${i}`))
    const list = mutations.map(({mutation}) => mutation)
    batchBySize(list.map((mutation) => ({mutation})))
    list.reduce((sum, m) => sum + mutationBytes(m), 0)
    transactionIdFor(list)
    mutationsJson(list)
    expect(mutations.map(({seen}) => seen.count)).toEqual([1, 1, 1, 1, 1])
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
