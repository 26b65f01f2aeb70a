import {afterEach, describe, expect, it} from 'vitest'
import type {QueryLimits} from './limits.ts'
import type {Doc} from '../store/types.ts'
import {startTestLake} from '../test-lake.ts'
import {keepSending, measureLatency, percentile, query, seedDataset} from './abuse.test-support.ts'
import {until} from '../../testing/until.ts'

/** The query from issue 13 that hung the lake for 110 s and then exhausted its heap. */
const NESTED = 'count(*[]{"x": *[]{"y": *[]{_id}}})'
/** Cubic in the number of documents, with little garbage: pure CPU. */
const CUBIC = 'count(*[count(*[count(*[]) > 0]) > 0])'
const CHEAP = '*[_type == "lesson" && _id == $id][0]{title}'

const documents: Doc[] = Array.from({length: 425}, (_, n) => ({
  _id: `lesson-${n}`,
  _type: 'lesson',
  title: `Lesson ${n}`,
  body: 'x'.repeat(200),
}))

let stops: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const stop of stops.reverse()) await stop()
  stops = []
})

async function lakeWith(limits: Partial<QueryLimits>) {
  const t = await startTestLake({queries: limits})
  stops.push(t.stop)
  seedDataset(t.lake, 'test', documents)
  return t
}

async function body(response: Promise<Response>) {
  const answer = await response
  return {status: answer.status, body: (await answer.json()) as Record<string, never>}
}

describe('a query that costs too much', () => {
  it('is stopped at its time budget and answered with queryTimeoutError, and the next query is served', async () => {
    const t = await lakeWith({timeoutMs: 300})
    const url = `${t.lake.httpUrl}/v2025-02-19/data/query/test?query=${encodeURIComponent(CUBIC)}`
    const answer = await body(fetch(url, {headers: t.auth}))
    expect(answer.status).toBe(504)
    expect(answer.body.error).toMatchObject({type: 'queryTimeoutError'})
    expect(t.lake.state.queries.stats().restarts).toBe(1)
    expect(await t.client.fetch(CHEAP, {id: 'lesson-7'})).toEqual({title: 'Lesson 7'})
  })

  it('is refused when its result is over the size cap', async () => {
    const t = await lakeWith({maxResultBytes: 10_000})
    const url = `${t.lake.httpUrl}/v2025-02-19/data/query/test?query=${encodeURIComponent('*')}`
    const answer = await body(fetch(url, {headers: t.auth}))
    expect(answer.status).toBe(400)
    expect(answer.body.error).toMatchObject({type: 'queryResultTooLargeError'})
    expect(await t.client.fetch('count(*)')).toBe(425)
  })

  it('is refused when it needs more memory than a worker has, and the lake lives on', async () => {
    const t = await lakeWith({memoryMb: 64, timeoutMs: 120_000})
    const url = `${t.lake.httpUrl}/v2025-02-19/data/query/test?query=${encodeURIComponent(NESTED)}`
    const answer = await body(fetch(url, {headers: t.auth}))
    expect(answer.status).toBe(400)
    expect(answer.body.error).toMatchObject({type: 'queryResultTooLargeError'})
    expect(answer.body.error).toHaveProperty('description', expect.stringContaining('64 MB'))
    expect(await t.client.fetch('count(*)')).toBe(425)
  })
})

describe('a client that gives up on its query', () => {
  it('frees the worker running it', async () => {
    const t = await lakeWith({timeoutMs: 120_000})
    const controller = new AbortController()
    const abandoned = query(t.lake, 'test', CUBIC, {}, controller.signal).catch(() => 'aborted')
    await until(() => t.lake.state.queries.stats().running.length === 1)
    controller.abort()
    expect(await abandoned).toBe('aborted')
    await until(() => t.lake.state.queries.stats().running.length === 0)
    expect(t.lake.state.queries.stats().restarts).toBe(1)
  })
})

describe('while an abusive client keeps sending the nested query', () => {
  it("another client's cheap query keeps its p99 within 2x of idle", async () => {
    const t = await lakeWith({memoryMb: 128, timeoutMs: 120_000})
    const pool = t.lake.state.queries
    const cheap = (client: number, request: number) =>
      query(t.lake, 'test', CHEAP, {id: `lesson-${(client * 31 + request) % 425}`}).then((status) =>
        expect(status).toBe(200),
      )
    const block = {clients: 2, requests: 40}
    await measureLatency(cheap, {clients: 2, requests: 20})
    // Idle and abused blocks alternate, so load from elsewhere on the machine hits both alike.
    const idle: number[] = []
    const abused: number[] = []
    for (let round = 0; round < 5; round++) {
      idle.push(...(await measureLatency(cheap, block)))
      const abuser = keepSending((signal) => query(t.lake, 'test', NESTED, {}, signal))
      stops.push(() => abuser.stop())
      await until(() => pool.stats().running.length > 0)
      abused.push(...(await measureLatency(cheap, block)))
      // Still abusing at the end of the block: its query was running, or refused and re-sent.
      expect(pool.stats().running.length + abuser.answered).toBeGreaterThan(0)
      await abuser.stop()
      await until(() => {
        const stats = pool.stats()
        return stats.running.length === 0 && stats.ready === stats.workers
      })
    }
    const [idleP99, abusedP99] = [percentile(idle, 99), percentile(abused, 99)]
    // The target is 2x. A p99 is the few slowest samples, which on a shared 2-core machine are
    // whoever else got scheduled: the test allows 1.5 times the target, with a 25 ms floor, and
    // npm run bench:lake -- --abuse reports the measured figures. Evaluating on the event loop
    // (what this guards against) makes the cheap queries wait seconds, far outside both.
    expect(abusedP99, `idle p99 ${idleP99} ms, abused p99 ${abusedP99} ms`).toBeLessThanOrEqual(
      1.5 * 2 * Math.max(idleP99, 25),
    )
  })
})
