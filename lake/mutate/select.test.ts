import {afterEach, describe, expect, it} from 'vitest'
import {until} from '../../testing/until.ts'
import {query, seedDataset} from '../groq/abuse.test-support.ts'
import type {QueryLimits} from '../groq/limits.ts'
import type {Doc} from '../store/types.ts'
import {startTestLake} from '../test-lake.ts'

const CUBIC_SELECTION = '*[count(*[count(*[]) > 0]) > 0]'
const documents: Doc[] = Array.from({length: 425}, (_, n) => ({
  _id: `doc-${n}`,
  _type: n % 2 ? 'odd' : 'even',
  n,
}))

let stops: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const stop of stops.reverse()) await stop()
  stops = []
})

async function lakeWith(limits: Partial<QueryLimits> = {}) {
  const t = await startTestLake({queries: limits})
  stops.push(t.stop)
  seedDataset(t.lake, 'test', documents)
  const mutate = (mutations: unknown[]) =>
    fetch(`${t.lake.httpUrl}/v2025-02-19/data/mutate/test`, {
      method: 'POST',
      headers: {...t.auth, 'content-type': 'application/json'},
      body: JSON.stringify({mutations}),
    })
  return {...t, mutate}
}

describe('patch by query', () => {
  it("selects on the query workers and sees the transaction's own earlier changes", async () => {
    const t = await lakeWith()
    const response = await t.mutate([
      {create: {_id: 'new-odd', _type: 'odd', n: -1}},
      {delete: {id: 'doc-1'}},
      {patch: {query: '*[_type == "odd" && n < 4]', set: {touched: true}}},
    ])
    expect(response.status).toBe(200)
    expect(await t.client.fetch('*[touched]._id | order(@)')).toEqual(['doc-3', 'new-odd'])
  })

  it('is stopped at the time budget with queryTimeoutError and changes nothing', async () => {
    const t = await lakeWith({timeoutMs: 300})
    const response = await t.mutate([{patch: {query: CUBIC_SELECTION, set: {touched: true}}}])
    expect(response.status).toBe(504)
    expect(await response.json()).toMatchObject({error: {type: 'queryTimeoutError'}})
    expect(await t.client.fetch('count(*[touched])')).toBe(0)
  })

  it('lets other clients query while its selection runs', async () => {
    const t = await lakeWith({timeoutMs: 120_000})
    const running = () =>
      t.lake.state.queries.stats().running.some((task) => task.kind === 'select')
    void t.mutate([{patch: {query: CUBIC_SELECTION, set: {touched: true}}}]).catch(() => undefined)
    await until(running)
    expect(await query(t.lake, 'test', '*[_id == "doc-7"][0].n')).toBe(200)
    // Answered while the selection was still evaluating: it did not hold the event loop.
    expect(running()).toBe(true)
  })
})
