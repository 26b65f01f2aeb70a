import type {Lake} from '../start.ts'
import type {Doc} from '../store/types.ts'

/** Writes documents straight into a dataset in one transaction (no HTTP, no integrity check). */
export function seedDataset(lake: Lake, dataset: string, documents: Doc[]): void {
  lake.state.registry.get(dataset).commit({
    id: `seed-${documents.length}`,
    timestamp: new Date().toISOString(),
    author: 'bench',
    changes: documents.map((doc) => ({id: doc._id, before: null, after: doc, mutations: []})),
    mutations: [],
  })
}

/** A `/data/query` (GET, or POST when long) that resolves with the response status once its body is read. */
export async function query(
  lake: Pick<Lake, 'httpUrl' | 'token'>,
  dataset: string,
  groq: string,
  params: Record<string, unknown> = {},
  signal?: AbortSignal,
): Promise<number> {
  const search = new URLSearchParams({query: groq})
  for (const [name, value] of Object.entries(params)) search.set(`$${name}`, JSON.stringify(value))
  const url = `${lake.httpUrl}/v2025-02-19/data/query/${dataset}`
  const authorization = `Bearer ${lake.token}`
  // A long query goes in a POST body, as @sanity/client sends one whose URL would pass 11 kB.
  const response =
    search.toString().length > 11_264
      ? await fetch(url, {
          method: 'POST',
          headers: {authorization, 'content-type': 'application/json'},
          body: JSON.stringify({query: groq, params}),
          signal,
        })
      : await fetch(`${url}?${search}`, {headers: {authorization}, signal})
  await response.arrayBuffer()
  return response.status
}

/**
 * The cheap query of the patch benchmark (scripts/bench-lake-large.ts): one of the `documents`
 * items of the dataset `large` by id, spread over them by client and request; throws unless 200.
 */
export function cheapQuery(lake: Pick<Lake, 'httpUrl' | 'token'>, documents: number) {
  return async (client: number, request: number): Promise<void> => {
    const id = `item-${(client * 7919 + request * 104_729) % documents}`
    const status = await query(lake, 'large', '*[_id == $id][0]{title}', {id})
    if (status !== 200) throw new Error(`A cheap query answered ${status}`)
  }
}

/**
 * Runs `requests` calls of `send` on each of `clients` concurrent clients, one after another per
 * client, and returns every call's latency in milliseconds.
 */
export async function measureLatency(
  send: (client: number, request: number) => Promise<unknown>,
  options: {clients: number; requests: number},
): Promise<number[]> {
  const samples: number[] = []
  await Promise.all(
    Array.from({length: options.clients}, async (_, client) => {
      for (let request = 0; request < options.requests; request++) {
        const started = performance.now()
        await send(client, request)
        samples.push(performance.now() - started)
      }
    }),
  )
  return samples
}

/** The `p`-th percentile (0–100) of the samples. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

/**
 * Keeps one `send` in flight at all times (an abusive client that re-sends as soon as it is
 * answered) until `stop()`, which aborts the one in flight.
 */
export function keepSending(send: (signal: AbortSignal) => Promise<unknown>) {
  const controller = new AbortController()
  let answered = 0
  const loop = (async () => {
    while (!controller.signal.aborted) {
      await send(controller.signal).catch(() => undefined)
      answered++
    }
  })()
  return {
    get answered() {
      return answered
    },
    async stop() {
      controller.abort()
      await loop
    },
  }
}

/**
 * Sends `send` from each of `clients` concurrent clients, one call after another per client,
 * until `done()` says so, and then once more each; returns every call's latency in milliseconds.
 */
export async function latencyUntil(
  done: () => boolean,
  options: {clients: number},
  send: (client: number, request: number) => Promise<unknown>,
): Promise<number[]> {
  const samples: number[] = []
  await Promise.all(
    Array.from({length: options.clients}, async (_, client) => {
      for (let request = 0, last = false; !last; request++) {
        last = done()
        const started = performance.now()
        await send(client, request)
        samples.push(performance.now() - started)
      }
    }),
  )
  return samples
}
