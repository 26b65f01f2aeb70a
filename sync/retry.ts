/** Transport errors worth retrying: rate limits, server errors and dropped connections. */
const RETRY_STATUS = new Set([408, 429, 500, 502, 503, 504])
const RETRY_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'ERR_HTTP2_STREAM_ERROR',
  'ERR_HTTP2_SESSION_ERROR',
  'ERR_HTTP2_GOAWAY_SESSION',
  'ERR_STREAM_PREMATURE_CLOSE',
])

/** HTTP status of an error thrown by @sanity/client (or the fake), if it has one. */
export function statusOf(error: unknown): number | undefined {
  const e = error as {statusCode?: unknown; status?: unknown} | null
  const status = e?.statusCode ?? e?.status
  return typeof status === 'number' ? status : undefined
}

function codesOf(error: unknown): string[] {
  const codes: string[] = []
  let e = error as {code?: unknown; cause?: unknown; message?: unknown} | undefined
  for (let depth = 0; e && depth < 5; depth++, e = e.cause as typeof e) {
    if (typeof e.code === 'string') codes.push(e.code)
    if (
      typeof e.message === 'string' &&
      /socket hang up|other side closed|fetch failed/i.test(e.message)
    )
      codes.push('ECONNRESET')
  }
  return codes
}

/** Whether an error is transient: the same request may succeed when sent again. */
export function isTransient(error: unknown): boolean {
  const status = statusOf(error)
  if (status !== undefined) return RETRY_STATUS.has(status)
  return codesOf(error).some((code) => RETRY_CODES.has(code))
}

/** The delay a 429/503 asked for with `Retry-After`, in milliseconds. */
export function retryAfterMs(error: unknown, now = Date.now()): number | undefined {
  const headers = (error as {response?: {headers?: Record<string, unknown>}} | null)?.response
    ?.headers
  const value = headers?.['retry-after'] ?? headers?.['Retry-After']
  if (typeof value !== 'string' && typeof value !== 'number') return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const date = Date.parse(String(value))
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/** Retry settings; the defaults ride out about a minute of outage. */
export type RetryOptions = {
  retries?: number
  baseMs?: number
  maxMs?: number
  /** Called before each retry, e.g. to count retries. */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void
  sleep?: (ms: number) => Promise<void>
  /**
   * Shared by every request of a run: once nothing has answered for this long, each request
   * gives up with {@link UnreachableError} instead of retrying (a server that refuses
   * connections or cannot be resolved is not coming back within a backoff).
   */
  reachability?: Reachability
}

/** Thrown when the target has not answered for the whole of the reachability budget. */
export class UnreachableError extends Error {
  readonly sinceMs: number
  constructor(sinceMs: number, cause: unknown) {
    super(`nothing answered for ${Math.round(sinceMs / 1000)} s (${describeFailure(cause)})`, {
      cause,
    })
    this.name = 'UnreachableError'
    this.sinceMs = sinceMs
  }
}

function describeFailure(error: unknown): string {
  const codes = codesOf(error)
  return (
    codes.find((code) => UNREACHABLE_CODES.has(code)) ??
    codes[0] ??
    (error instanceof Error ? error.message : String(error))
  )
}

/** Errors that mean no server answered at all (as opposed to a server that answered badly). */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
])

/**
 * Tracks whether the target answers: `failed` records a request that reached no server,
 * `answered` any request that got an answer. After `budgetMs` of only unanswered requests
 * the run is given up.
 */
export function createReachability(budgetMs = 10_000, now = () => Date.now()) {
  let since: number | undefined
  return {
    answered() {
      since = undefined
    },
    /** Throws {@link UnreachableError} when the budget is spent; otherwise records the failure. */
    failed(error: unknown) {
      if (!codesOf(error).some((code) => UNREACHABLE_CODES.has(code))) return
      const t = now()
      since ??= t
      if (t - since >= budgetMs) throw new UnreachableError(t - since, error)
    },
    /** While nothing answers: how long until the budget is spent (else undefined). */
    remainingMs(): number | undefined {
      return since === undefined ? undefined : Math.max(0, since + budgetMs - now())
    },
  }
}

/** A run's shared record of whether its target answers. */
export type Reachability = ReturnType<typeof createReachability>

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Runs `fn`, retrying transient failures with exponential backoff and full jitter, and
 * waiting at least as long as a `Retry-After` header asks.
 */
export async function withRetry<T>(fn: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const {retries = 8, baseMs = 200, maxMs = 15_000, onRetry, sleep = defaultSleep} = options
  for (let attempt = 0; ; attempt++) {
    try {
      const value = await fn()
      options.reachability?.answered()
      return value
    } catch (error) {
      if (statusOf(error) !== undefined) options.reachability?.answered()
      else options.reachability?.failed(error)
      if (attempt >= retries || !isTransient(error)) throw error
      const backoff = Math.min(maxMs, baseMs * 2 ** attempt) * (0.5 + Math.random() / 2)
      // While nothing answers, the last try comes as the budget ends, not a backoff later.
      const budget = options.reachability?.remainingMs() ?? Infinity
      const delay = Math.min(60_000, budget, Math.max(backoff, retryAfterMs(error) ?? 0))
      onRetry?.(error, attempt + 1, delay)
      await sleep(delay)
    }
  }
}

/**
 * Limits calls to `perSecond`: each call is let through at least 1.1 / `perSecond` seconds
 * after the previous one was actually let through, so a stalled event loop cannot release a
 * burst afterwards; `Infinity` means no limit.
 */
export function rateLimiter(perSecond: number): () => Promise<void> {
  if (!Number.isFinite(perSecond)) return () => Promise.resolve()
  const interval = 1100 / perSecond
  let last = -Infinity
  let queue = Promise.resolve()
  return () => {
    const turn = queue.then(async () => {
      const wait = last + interval - Date.now()
      if (wait > 0) await defaultSleep(wait)
      last = Date.now()
    })
    queue = turn
    return turn
  }
}

/**
 * Runs `worker` over `items` with at most `concurrency` in flight, in order of start. Items are
 * taken from the iterable only as a worker is free for them, so a lazy one (a generator) holds
 * no more than `concurrency` of them at a time.
 */
export async function mapPool<T, R>(
  items: Iterable<T>,
  concurrency: number,
  worker: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = []
  const iterator = items[Symbol.iterator]()
  let index = 0
  let done = false
  const run = async () => {
    while (!done) {
      const next = iterator.next()
      if (next.done) {
        done = true
        return
      }
      const i = index++
      results[i] = await worker(next.value, i)
    }
  }
  await Promise.all(Array.from({length: Math.max(1, concurrency)}, run))
  return results
}
