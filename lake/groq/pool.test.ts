import {afterEach, describe, expect, it} from 'vitest'

import {startTestLake} from '../test-lake.ts'

let stops: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const stop of stops.reverse()) await stop()
  stops = []
})

type TestLake = Awaited<ReturnType<typeof startTestLake>>

/** Commits a lesson per id in one transaction, 12 KB of documents for three. */
async function commitLessons(t: TestLake, ids: string[]) {
  const tx = t.client.transaction()
  const text = 'x'.repeat(4_000)
  for (const id of ids)
    tx.createOrReplace({_id: `lesson-${id}`, _type: 'lesson', title: id.toUpperCase(), text})
  await tx.commit()
}

/** The lessons' titles in order, from a query. */
const titles = (t: TestLake) =>
  t.client.fetch<string[]>('*[_type == "lesson"] | order(title).title')

describe('QueryPool', () => {
  it('starts no query worker until a query needs one', async () => {
    const t = await startTestLake()
    stops.push(t.stop)
    expect(t.lake.state.queries.stats().workers).toBe(0)
    // What an import does: writes and reads by id, which run on the event loop.
    await t.client.createOrReplace({_id: 'lesson-a', _type: 'lesson', title: 'A'})
    expect(await t.client.getDocument('lesson-a')).toMatchObject({title: 'A'})
    expect(t.lake.state.queries.stats().workers).toBe(0)

    expect(await t.client.fetch('*[_type == "lesson"].title')).toEqual(['A'])
    expect(t.lake.state.queries.stats().workers).toBe(1)
  })

  it('lets its idle worker go once commits bring more than idleReplicaBytes, and the next query still sees every commit', async () => {
    const t = await startTestLake({queries: {workers: 1, idleReplicaBytes: 10_000}})
    stops.push(t.stop)
    const pool = t.lake.state.queries
    await t.client.createOrReplace({_id: 'lesson-a', _type: 'lesson', title: 'A'})
    expect(await t.client.fetch('*[_type == "lesson"].title')).toEqual(['A'])
    expect(pool.stats().workers).toBe(1)
    // Small commits stay under the bound: the worker keeps its replica current.
    await t.client.createOrReplace({_id: 'lesson-b', _type: 'lesson', title: 'B'})
    expect(pool.stats().workers).toBe(1)
    await commitLessons(t, ['c', 'd', 'e'])
    expect(pool.stats().workers).toBe(0)
    await t.client.createOrReplace({_id: 'lesson-f', _type: 'lesson', title: 'F'})
    expect(await titles(t)).toEqual(['A', 'B', 'C', 'D', 'E', 'F'])
    expect(pool.stats().workers).toBe(1)
  })

  it('lets every worker but one go once commits bring more than idleExtraReplicaBytes while no query runs, and starts a second when a query has to wait again', async () => {
    const t = await startTestLake({queries: {idleExtraReplicaBytes: 10_000}})
    stops.push(t.stop)
    const pool = t.lake.state.queries
    await t.client.createOrReplace({_id: 'lesson-a', _type: 'lesson', title: 'A'})
    // Queries at once: one waits, so the pool wants its second worker.
    const together = () =>
      Promise.all(Array.from({length: 4}, () => t.client.fetch('count(*[_type == "lesson"])')))
    await together()
    await expect.poll(() => pool.stats()).toMatchObject({workers: 2, ready: 2})
    // Small commits stay under the bound: both replicas are kept current.
    await t.client.createOrReplace({_id: 'lesson-b', _type: 'lesson', title: 'B'})
    expect(pool.stats().workers).toBe(2)
    await commitLessons(t, ['c', 'd', 'e'])
    expect(pool.stats().workers).toBe(1)
    // The one left saw every commit, and answers at once.
    expect(await titles(t)).toEqual(['A', 'B', 'C', 'D', 'E'])
    expect(pool.stats().workers).toBe(1)
    await together()
    await expect.poll(() => pool.stats()).toMatchObject({workers: 2, ready: 2})
    expect(await together()).toEqual([5, 5, 5, 5])
  })

  it("keeps the server's workers current however much is written while no query runs", async () => {
    const t = await startTestLake()
    stops.push(t.stop)
    const pool = t.lake.state.queries
    expect(await t.client.fetch('count(*[_type == "lesson"])')).toBe(0)
    const tx = t.client.transaction()
    const text = 'x'.repeat(100_000)
    for (let i = 0; i < 20; i++) tx.createOrReplace({_id: `lesson-${i}`, _type: 'lesson', text})
    await tx.commit()
    expect(pool.stats().workers).toBe(1)
    expect(await t.client.fetch('count(*[_type == "lesson"])')).toBe(20)
  })
})
