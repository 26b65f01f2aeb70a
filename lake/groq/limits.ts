import {LakeError} from '../errors.ts'

/** What one query may cost, and how many run at once. */
export type QueryLimits = {
  /**
   * Query worker threads once queries overlap (each holds a replica of the datasets'
   * documents): one starts with the lake, the others when a query first has to wait.
   */
  workers: number
  /** Milliseconds a query may run before its worker is terminated and replaced. */
  timeoutMs: number
  /** Bytes of JSON a result may have. */
  maxResultBytes: number
  /** Heap (old generation) of each worker in MB; a query that needs more is refused. */
  memoryMb: number
  /** Queries waiting for a worker before new ones are turned away. */
  maxQueued: number
  /**
   * Bytes of documents that commits may bring while no query runs or waits before the pool lets
   * its workers (and their replicas) go; the next query starts a worker, which loads the
   * datasets from their files. Infinity (the server's) keeps replicas current for the next query.
   * An import's own lake writes a whole site and asks no query after: it sets a bound, so the
   * site is not replicated for nothing.
   */
  idleReplicaBytes: number
  /**
   * Bytes of documents that commits may bring while no query runs or waits before the pool lets
   * every worker but one go: an import into a running lake was replicated into each worker for
   * nothing (a 5,000-lesson site, 54 MB: the lake's CPU during the import fell from about 9.1 s
   * to 7.0 s when the second went). The one left keeps its replica current for the next query.
   */
  idleExtraReplicaBytes: number
}

/**
 * Sanity's hosted Content Lake allows a query one minute and a 500 MB working set
 * (sanity.io/docs/content-lake/technical-limits). The local lake has two worker threads rather
 * than a cluster, so a query gets 10 s: long enough for any query over a course site, short
 * enough that an abusive one does not hold a worker for long.
 */
export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  workers: 2,
  timeoutMs: 10_000,
  maxResultBytes: 50_000_000,
  memoryMb: 1024,
  maxQueued: 512,
  idleReplicaBytes: Infinity,
  idleExtraReplicaBytes: 8 * 1024 * 1024,
}

// Status codes: the technical-limits page says only that "the API rejects calls that exceed these
// limits with an error"; the exact status and type of a hosted timeout could not be looked up
// here. @sanity/client 8 retries a query on 429, 502 and 503 only (shouldRetryRequest in its
// request module), so a too-expensive query answers 504 or 400 and is not re-sent five times,
// while a full queue answers 503 so well-behaved clients back off and retry.

/** The query ran longer than its budget. */
export function queryTimeoutError(timeoutMs: number): LakeError {
  return new LakeError(
    504,
    'queryTimeoutError',
    `Query exceeded the time limit of ${timeoutMs} ms and was stopped; narrow it with a filter on _type or _id, or a slice`,
  )
}

/** The query's result, or its working set, is larger than allowed. */
export function queryTooLargeError(what: string): LakeError {
  return new LakeError(
    400,
    'queryResultTooLargeError',
    `Query ${what}; project fewer fields or slice the result ([0...100])`,
  )
}

/** Every worker is busy and the queue is full. */
export function queryQueueFullError(queued: number): LakeError {
  return new LakeError(
    503,
    'queryQueueFullError',
    `Cannot run the query now: ${queued} queries are waiting; retry shortly`,
  )
}
