import http from 'node:http'
import type {AddressInfo} from 'node:net'
import {seeded} from '../../testing/seeded.ts'

/** A fault the proxy can inject. `reset-after` forwards the request, then drops the response. */
export type FaultKind = '429' | '500' | 'reset' | 'reset-after'

/** Options of {@link startFaultProxy}. */
export type FaultProxyOptions = {
  /** Plain-HTTP base URL of the real server, e.g. a lake's `httpUrl`. */
  target: string
  /** Share of requests that fail, 0–1. */
  failureRate?: number
  kinds?: FaultKind[]
  /** Seed of the pseudo-random sequence, so a failing run can be replayed. */
  seed?: number
  /** Seconds sent in `Retry-After` with 429s. */
  retryAfter?: number
}

/** Request counts the proxy observed. */
export type ProxyCounts = {
  requests: number
  /** Mutation requests that reached the server (whether or not the client got the answer). */
  mutations: number
  /** Mutation requests the server answered with 2xx. */
  committed: number
  /** When each mutation request arrived (ms since epoch), faults included. */
  mutationTimes: number[]
  queries: number
  uploads: number
  faults: Record<FaultKind, number>
}

/**
 * An HTTP proxy in front of a Content Lake that counts requests and fails a share of them:
 * 429 with Retry-After, 500, a connection reset before the request reaches the server, or a
 * reset after the server answered (the client never learns its mutation was committed).
 */
export async function startFaultProxy(options: FaultProxyOptions) {
  const target = new URL(options.target)
  const kinds = options.kinds ?? ['429', '500', 'reset', 'reset-after']
  const next = seeded(options.seed ?? 1)
  let failureRate = options.failureRate ?? 0
  let faultCount = 0
  const counts: ProxyCounts = {
    requests: 0,
    mutations: 0,
    committed: 0,
    mutationTimes: [],
    queries: 0,
    uploads: 0,
    faults: {'429': 0, '500': 0, reset: 0, 'reset-after': 0},
  }
  const listeners = new Set<(counts: ProxyCounts) => void>()

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      counts.requests++
      const path = req.url ?? '/'
      const isMutation = path.includes('/data/mutate/')
      if (isMutation) counts.mutationTimes.push(Date.now())
      if (path.includes('/data/query/') || path.includes('/data/doc/')) counts.queries++
      if (path.includes('/assets/')) counts.uploads++
      // Which requests fail is random; the kinds take turns so every kind occurs.
      const fault = next() < failureRate ? kinds[faultCount++ % kinds.length] : undefined
      if (fault) counts.faults[fault]++
      if (fault === '429') {
        res.writeHead(429, {
          'content-type': 'application/json',
          'retry-after': String(options.retryAfter ?? 0),
        })
        return res.end(JSON.stringify({error: 'Too Many Requests', message: 'Rate limit exceeded'}))
      }
      if (fault === '500') {
        res.writeHead(500, {'content-type': 'application/json'})
        return res.end(JSON.stringify({error: 'Internal Server Error', message: 'Injected fault'}))
      }
      if (fault === 'reset') return req.socket.destroy()
      if (isMutation) counts.mutations++
      const upstream = http.request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path,
          headers: {...req.headers, host: target.host},
        },
        (answer) => {
          const body: Buffer[] = []
          answer.on('data', (chunk: Buffer) => body.push(chunk))
          answer.on('end', () => {
            if (isMutation && (answer.statusCode ?? 500) < 300) counts.committed++
            listeners.forEach((listener) => listener(counts))
            if (fault === 'reset-after') return req.socket.destroy()
            res.writeHead(answer.statusCode ?? 502, answer.headers)
            res.end(Buffer.concat(body))
          })
        },
      )
      upstream.on('error', () => req.socket.destroy())
      upstream.end(Buffer.concat(chunks))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    counts,
    setFailureRate(rate: number) {
      failureRate = rate
    },
    /** Resolves once `predicate` holds for the counts (checked after each forwarded request). */
    waitFor(predicate: (counts: ProxyCounts) => boolean): Promise<ProxyCounts> {
      if (predicate(counts)) return Promise.resolve(counts)
      return new Promise((resolve) => {
        const listener = (c: ProxyCounts) => {
          if (!predicate(c)) return
          listeners.delete(listener)
          resolve(c)
        }
        listeners.add(listener)
      })
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
