import {describe, expect, it} from 'vitest'

import {
  createReachability,
  isTransient,
  mapPool,
  rateLimiter,
  retryAfterMs,
  UnreachableError,
  withRetry,
} from './retry.ts'
import {httpError, resetError} from './testing/fakeLake.ts'

describe('withRetry', () => {
  it('waits at least as long as Retry-After asks before trying again', async () => {
    const delays: number[] = []
    let calls = 0
    const value = await withRetry(
      async () => {
        if (++calls < 3) throw httpError(429, 'slow down', {'retry-after': '2'})
        return 'ok'
      },
      {baseMs: 1, sleep: async (ms) => void delays.push(ms)},
    )
    expect(value).toBe('ok')
    expect(delays).toHaveLength(2)
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(2000)
  })

  it('retries resets and 5xx but not 4xx answers', async () => {
    expect(isTransient(resetError())).toBe(true)
    expect(isTransient(httpError(503, 'x'))).toBe(true)
    expect(isTransient(httpError(409, 'x'))).toBe(false)
    let calls = 0
    await expect(
      withRetry(async () => {
        calls++
        throw httpError(409, 'conflict')
      }),
    ).rejects.toThrow('conflict')
    expect(calls).toBe(1)
  })

  it('reads Retry-After given as an HTTP date', () => {
    const now = Date.parse('2026-11-28T12:00:00Z')
    expect(
      retryAfterMs(httpError(429, 'x', {'retry-after': 'Sat, 28 Nov 2026 12:00:05 GMT'}), now),
    ).toBe(5000)
  })
})

describe('rateLimiter', () => {
  it('spaces calls so that no more than the given number start per second', async () => {
    const limit = rateLimiter(25)
    const started: number[] = []
    await Promise.all(
      Array.from({length: 6}, async () => (await limit(), started.push(Date.now()))),
    )
    expect(started[5] - started[0]).toBeGreaterThanOrEqual(5 * 40 - 5)
  })
})

describe('createReachability', () => {
  const refused = () =>
    Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), {code: 'ECONNREFUSED'})

  it('gives up once nothing has answered for the whole budget, and not before', async () => {
    let clock = 0
    const reachability = createReachability(10_000, () => clock)
    let calls = 0
    const attempt = withRetry(
      async () => {
        calls++
        throw refused()
      },
      {reachability, baseMs: 1, retries: 100, sleep: async (ms) => void (clock += ms)},
    )
    await expect(attempt).rejects.toThrow(UnreachableError)
    expect(clock).toBeGreaterThanOrEqual(10_000)
    expect(calls).toBeLessThan(30)
  })

  it('tries a last time as the budget ends, not a backoff after it', async () => {
    let clock = 0
    const reachability = createReachability(10_000, () => clock)
    const attempt = withRetry(
      () => Promise.reject(refused()),
      // Backoffs of 6.4 to 12.8 s from the seventh try: one of them would end far past 10 s.
      {
        reachability,
        baseMs: 200,
        maxMs: 15_000,
        retries: 100,
        sleep: async (ms) => void (clock += ms),
      },
    )
    await expect(attempt).rejects.toThrow(/nothing answered for 10 s/)
    expect(clock).toBe(10_000)
  })

  it('starts counting again after any answer, even an error status', () => {
    let clock = 0
    const reachability = createReachability(1_000, () => clock)
    reachability.failed(refused())
    clock = 900
    reachability.answered()
    clock = 1_500
    expect(() => reachability.failed(refused())).not.toThrow()
    clock = 2_600
    expect(() => reachability.failed(refused())).toThrow(
      /nothing answered for 1 s \(ECONNREFUSED\)/,
    )
  })
})

describe('mapPool', () => {
  it('takes items from an iterable only as a worker is free for them', async () => {
    let taken = 0
    function* items() {
      for (let i = 0; i < 10; i++) {
        taken++
        yield i
      }
    }
    let finished = 0
    let mostUnfinished = 0
    const results = await mapPool(items(), 3, async (item) => {
      mostUnfinished = Math.max(mostUnfinished, taken - finished)
      await new Promise((resolve) => setImmediate(resolve))
      finished++
      return item * 2
    })
    expect(results).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18])
    // Never more items taken and unfinished than the three workers.
    expect(mostUnfinished).toBe(3)
  })
})
