import {dirname} from 'node:path'
import {Worker} from 'node:worker_threads'
import {deserializeError, LakeError, type SerializedError} from '../errors.ts'
import type {Dataset} from '../store/dataset.ts'
import {
  joined,
  textsLength,
  type CommittedTransaction,
  type Doc,
  type Text,
} from '../store/types.ts'
import {
  DEFAULT_QUERY_LIMITS,
  queryQueueFullError,
  queryTimeoutError,
  queryTooLargeError,
  type QueryLimits,
} from './limits.ts'
import type {Perspective} from './perspective.ts'
import {DEMOTE_AFTER_MS, lowerPriority, restorePriority} from './priority.ts'
import type {Task} from './tasks.ts'
import type {ToWorker} from './worker.ts'

type Job = {
  id: number
  task: Task
  resolve: (body: Uint8Array) => void
  reject: (error: LakeError) => void
}

/** The client went away: its task is dropped from the queue, or its worker replaced. */
const cancelled = () => new LakeError(400, 'requestCancelled', 'The client closed the request')

type Slot = {
  worker: Worker
  /** Answered the ping posted after its replicas were opened (again after each new dataset). */
  ready: boolean
  /** The number of the last ping posted; only its pong makes the worker ready. */
  ping: number
  job: Job | null
  timer: NodeJS.Timeout | null
  /** Lowers the thread's priority once its task has run long (see DEMOTE_AFTER_MS). */
  demoteTimer: NodeJS.Timeout | null
  /** The worker's Linux thread id, when the platform has one. */
  tid: number | null
  demoted: boolean
  startedAt: number
  /** Terminated on purpose or crashed: its exit is not news. */
  retired: boolean
}

type FromWorker =
  | {type: 'result'; id: number; body: Uint8Array}
  | {type: 'error'; id: number; error: SerializedError}
  | {type: 'pong'; n: number; tid: number | null}
  | {type: 'failed'; error: SerializedError}

/** What a pool is doing, for tests and benchmarks that wait on conditions. */
export type PoolStats = {
  workers: number
  ready: number
  running: Array<{kind: Task['kind']; ms: number}>
  queued: number
  restarts: number
}

const poolsByDataDir = new Map<string, QueryPool>()
const decoder = new TextDecoder()
/** Workers that die before answering their first ping this many times in a row stop respawning. */
const MAX_FAILED_STARTS = 3
/**
 * Workers added while every worker runs a long (demoted) task, so a few abusive clients cannot
 * hold all of them; extra workers leave again once idle.
 */
const MAX_EXTRA_WORKERS = 2

/**
 * Query evaluation off the event loop: a few worker threads, each holding a replica of the
 * datasets' documents kept current by posting every commit, run one task at a time with a time
 * budget (an overrunning worker is terminated and replaced) and a result-size cap.
 */
export class QueryPool {
  readonly limits: QueryLimits
  readonly #dataDir: string | null
  readonly #datasets = new Map<string, {file: string; unsubscribe: () => void}>()
  readonly #slots = new Set<Slot>()
  readonly #queue: Job[] = []
  readonly #log: (message: string) => void
  #nextId = 1
  /** Bytes of documents replicated since a query last ran (see `idleReplicaBytes`). */
  #idleBytes = 0
  #failedStarts = 0
  #broken: LakeError | null = null
  #closed = false
  #restarts = 0
  /**
   * Workers the pool keeps (a crashed or terminated one is replaced up to this many): 1 while
   * queries have come one at a time, `limits.workers` once one had to wait, 1 again once
   * commits brought `idleExtraReplicaBytes` while none ran (replicating them costs CPU). Workers
   * are not retired for idle time alone: measured, the memory of a terminated worker's replica
   * mostly stays with the process (50,000 documents: 609 MB with two workers, 593 MB after one
   * left).
   */
  #wanted = 1

  constructor(
    options: {
      limits?: Partial<QueryLimits>
      dataDir?: string
      log?: (message: string) => void
    } = {},
  ) {
    this.limits = {...DEFAULT_QUERY_LIMITS, ...options.limits}
    this.#log = options.log ?? (() => undefined)
    this.#dataDir = options.dataDir ?? null
    if (this.#dataDir) poolsByDataDir.set(this.#dataDir, this)
    // No worker until a task needs one: a lake started for an import writes and reads documents
    // by id, which need none, and a worker costs a thread and a replica of every dataset.
  }

  /** The pool of the lake whose data folder holds this dataset's file, if one is running. */
  static for(dataset: Dataset): QueryPool | null {
    const file = dataset.db.isOpen ? dataset.db.location() : null
    return file ? (poolsByDataDir.get(dirname(file)) ?? null) : null
  }

  /** Replicates a dataset into every worker (once) and keeps the replicas current. */
  attach(dataset: Dataset): void {
    if (this.#datasets.has(dataset.name)) return
    const file = dataset.db.location()
    if (!file) throw new Error(`Cannot replicate dataset "${dataset.name}": it has no file`)
    // Serialized once for all workers: posting the documents themselves would structured-clone
    // them on the event loop once per worker, while a string is copied as it is. A large
    // transaction is not copied at all: each worker reads it from the file, which takes a while,
    // so no task (and its time budget) starts on a worker until it has.
    const unsubscribe = dataset.subscribe((tx, afterJson) => {
      const bytes = afterJson ? textsLength(afterJson) : null
      if (this.#releaseIdle(bytes)) return
      this.#broadcast({
        type: 'commit',
        dataset: dataset.name,
        seq: tx.seq,
        changes: afterJson ? changesJson(tx, afterJson) : null,
      })
      if (!afterJson) for (const slot of this.#slots) this.#ping(slot)
    })
    this.#datasets.set(dataset.name, {file, unsubscribe})
    this.#broadcast({type: 'open', dataset: dataset.name, file})
    // Loading a large dataset takes seconds: no task is given a worker (and its time budget
    // started) until the worker has answered a ping posted after the load.
    for (const slot of this.#slots) this.#ping(slot)
  }

  /** Evaluates a `/data/query` request; resolves to the result as JSON bytes. */
  query(
    dataset: Dataset,
    request: {
      perspective: Perspective
      query: string
      params: Record<string, unknown>
      sanity?: {projectId: string; dataset: string}
    },
    signal?: AbortSignal,
  ): Promise<Uint8Array> {
    this.attach(dataset)
    return this.run({kind: 'query', dataset: dataset.name, ...request}, signal)
  }

  /** The `_id`s a patch or delete by query selects, including the transaction's own changes. */
  async select(
    dataset: Dataset,
    query: string,
    params: Record<string, unknown>,
    overlay: Array<[string, Doc | null]>,
  ): Promise<string[]> {
    this.attach(dataset)
    const body = await this.run({kind: 'select', dataset: dataset.name, query, params, overlay})
    return JSON.parse(decoder.decode(body)) as string[]
  }

  /** Whether each document matches a listener's query. */
  async match(
    query: string,
    params: Record<string, unknown>,
    docs: Array<Doc | null>,
  ): Promise<boolean[]> {
    const body = await this.run({kind: 'match', query, params, docs})
    return JSON.parse(decoder.decode(body)) as boolean[]
  }

  /**
   * Queues a task for the next free worker. Aborting `signal` (the client disconnected) drops a
   * waiting task, or terminates and replaces the worker running it, so abandoned queries do not
   * keep workers busy.
   */
  run(task: Task, signal?: AbortSignal): Promise<Uint8Array> {
    if (this.#closed) {
      return Promise.reject(new LakeError(503, 'serviceUnavailable', 'The lake is shutting down'))
    }
    if (this.#broken) return Promise.reject(this.#broken)
    if (this.#queue.length >= this.limits.maxQueued) {
      return Promise.reject(queryQueueFullError(this.#queue.length))
    }
    if (signal?.aborted) return Promise.reject(cancelled())
    return new Promise((resolve, reject) => {
      const onAbort = () => this.#cancel(job)
      const settle = () => signal?.removeEventListener('abort', onAbort)
      const job: Job = {
        id: this.#nextId++,
        task,
        resolve: (body) => (settle(), resolve(body)),
        reject: (error) => (settle(), reject(error)),
      }
      signal?.addEventListener('abort', onAbort, {once: true})
      this.#queue.push(job)
      if (this.#slots.size === 0) this.#spawn()
      this.#dispatch()
    })
  }

  #cancel(job: Job): void {
    const index = this.#queue.indexOf(job)
    if (index >= 0) {
      this.#queue.splice(index, 1)
      job.reject(cancelled())
      return
    }
    for (const slot of this.#slots) if (slot.job === job) this.#replace(slot, cancelled())
  }

  /** What the workers are doing now. */
  stats(): PoolStats {
    const now = performance.now()
    const slots = [...this.#slots]
    return {
      workers: slots.length,
      ready: slots.filter((slot) => slot.ready).length,
      running: slots.flatMap((slot) =>
        slot.job ? [{kind: slot.job.task.kind, ms: now - slot.startedAt}] : [],
      ),
      queued: this.#queue.length,
      restarts: this.#restarts,
    }
  }

  /** Stops every worker and refuses what is still waiting. */
  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    if (this.#dataDir && poolsByDataDir.get(this.#dataDir) === this) {
      poolsByDataDir.delete(this.#dataDir)
    }
    for (const {unsubscribe} of this.#datasets.values()) unsubscribe()
    const closing = new LakeError(503, 'serviceUnavailable', 'The lake is shutting down')
    for (const job of this.#queue.splice(0)) job.reject(closing)
    await Promise.all(
      [...this.#slots].map((slot) => {
        this.#retire(slot)
        slot.job?.reject(closing)
        return slot.worker.terminate()
      }),
    )
  }

  /**
   * Lets every worker go when, with no query running or waiting, commits have brought more than
   * `idleReplicaBytes` of documents (`bytes` null: a transaction too large to pass as text) since
   * the last query, and every worker but one past `idleExtraReplicaBytes`; true when no worker is
   * left to replicate this commit into.
   */
  #releaseIdle(bytes: number | null): boolean {
    if (this.#slots.size === 0) return true
    if (this.#queue.length > 0 || [...this.#slots].some((slot) => slot.job || !slot.ready)) {
      return false
    }
    this.#idleBytes += bytes ?? Infinity
    const slots = [...this.#slots]
    if (this.#idleBytes > this.limits.idleReplicaBytes) {
      this.#idleBytes = 0
      for (const slot of slots) this.#let(slot)
      return true
    }
    if (slots.length > 1 && this.#idleBytes > this.limits.idleExtraReplicaBytes) {
      // One replica stays current for the next query; another starts when a query has to wait.
      this.#wanted = 1
      for (const slot of slots.slice(1)) this.#let(slot)
    }
    return false
  }

  /** Retires a worker and ends its thread. */
  #let(slot: Slot): void {
    this.#retire(slot)
    void slot.worker.terminate()
  }

  #spawn(): void {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), {
      resourceLimits: {maxOldGenerationSizeMb: this.limits.memoryMb},
    })
    // An idle worker must not keep the process alive; a busy one does (see #start).
    worker.unref()
    const slot: Slot = {
      worker,
      ready: false,
      ping: 0,
      job: null,
      timer: null,
      demoteTimer: null,
      tid: null,
      demoted: false,
      startedAt: 0,
      retired: false,
    }
    this.#slots.add(slot)
    worker.on('message', (message: FromWorker) => this.#onMessage(slot, message))
    worker.on('error', (error) => this.#onExit(slot, error))
    worker.on('exit', (code) => this.#onExit(slot, new Error(`exited with code ${code}`)))
    for (const [dataset, {file}] of this.#datasets) {
      this.#post(slot, {type: 'open', dataset, file})
    }
    this.#ping(slot)
  }

  #ping(slot: Slot): void {
    slot.ready = false
    this.#post(slot, {type: 'ping', n: ++slot.ping})
  }

  #post(slot: Slot, message: ToWorker, transfer?: ArrayBuffer[]): void {
    slot.worker.postMessage(message, transfer)
  }

  #broadcast(message: ToWorker): void {
    for (const slot of this.#slots) this.#post(slot, message)
  }

  #dispatch(): void {
    for (const slot of this.#slots) {
      if (this.#queue.length === 0) return
      if (!slot.ready || slot.job) continue
      this.#start(slot, this.#queue.shift()!)
    }
    const slots = [...this.#slots]
    // A query has to wait while every worker is busy: start another (it loads the replicas first).
    if (
      this.#queue.length > 0 &&
      slots.every((slot) => slot.job) &&
      slots.length < this.limits.workers &&
      !this.#closed
    ) {
      this.#wanted = this.limits.workers
      this.#spawn()
      return
    }
    const allHeldByLongTasks = slots.every((slot) => slot.job && slot.demoted)
    if (
      this.#queue.length > 0 &&
      allHeldByLongTasks &&
      slots.length < this.limits.workers + MAX_EXTRA_WORKERS &&
      !this.#closed
    ) {
      this.#spawn()
    }
  }

  /** An extra worker (added for long tasks) that has nothing to do leaves. */
  #shrink(slot: Slot): void {
    if (this.#slots.size <= this.limits.workers || slot.job || this.#queue.length > 0) return
    this.#let(slot)
  }

  #start(slot: Slot, job: Job): void {
    slot.job = job
    this.#idleBytes = 0
    slot.startedAt = performance.now()
    slot.worker.ref()
    slot.timer = setTimeout(
      () => this.#replace(slot, queryTimeoutError(this.limits.timeoutMs)),
      this.limits.timeoutMs,
    )
    slot.demoteTimer = setTimeout(() => this.#demote(slot), DEMOTE_AFTER_MS)
    this.#post(slot, {
      type: 'task',
      id: job.id,
      task: job.task,
      maxResultBytes: this.limits.maxResultBytes,
    })
  }

  #finish(slot: Slot): Job | null {
    const job = slot.job
    if (slot.timer) clearTimeout(slot.timer)
    if (slot.demoteTimer) clearTimeout(slot.demoteTimer)
    slot.timer = null
    slot.demoteTimer = null
    slot.job = null
    slot.worker.unref()
    return job
  }

  #demote(slot: Slot): void {
    // Where the priority cannot be lowered, the time budget still bounds the task.
    if (slot.retired) return
    slot.demoted = lowerPriority(slot.tid)
    // Once every worker is held by a long task, queued queries get an extra worker.
    this.#dispatch()
  }

  /**
   * After a long task: the worker back at normal priority, or (an unprivileged process cannot
   * raise a priority again) a fresh worker in its place.
   */
  #renew(slot: Slot): void {
    if (!slot.demoted || slot.retired || slot.tid === null) return
    slot.demoted = false
    if (restorePriority(slot.tid)) return
    this.#let(slot)
    if (!this.#closed && this.#slots.size < this.#wanted) this.#spawn()
  }

  #onMessage(slot: Slot, message: FromWorker): void {
    if (slot.retired) return
    switch (message.type) {
      case 'pong':
        if (message.n !== slot.ping) break
        slot.ready = true
        slot.tid = message.tid
        this.#failedStarts = 0
        break
      case 'result':
        if (slot.job?.id === message.id) {
          this.#finish(slot)?.resolve(message.body)
          this.#renew(slot)
          this.#shrink(slot)
        }
        break
      case 'error':
        if (slot.job?.id === message.id) {
          this.#finish(slot)?.reject(deserializeError(message.error))
          this.#renew(slot)
          this.#shrink(slot)
        }
        break
      case 'failed':
        this.#log(`query worker: ${message.error.message}`)
        break
    }
    this.#dispatch()
  }

  #onExit(slot: Slot, error: Error): void {
    if (slot.retired) return
    const outOfMemory = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
    const reason = outOfMemory
      ? queryTooLargeError(`needed more than ${this.limits.memoryMb} MB of memory`)
      : new LakeError(500, 'internalError', `A query worker stopped: ${error.message}`)
    if (!slot.ready) this.#failedStarts++
    if (this.#failedStarts >= MAX_FAILED_STARTS) {
      this.#broken = new LakeError(
        500,
        'internalError',
        `Cannot start query workers (${error.message}); expected the datasets to fit in ${this.limits.memoryMb} MB per worker (raise queryWorkerMemoryMb)`,
      )
      this.#log(this.#broken.message)
    }
    this.#replace(slot, reason)
  }

  /** Terminates a worker (its task gets `error`) and starts a fresh one in its place. */
  #replace(slot: Slot, error: LakeError): void {
    if (slot.retired) return
    const job = this.#finish(slot)
    this.#retire(slot)
    void slot.worker.terminate()
    this.#restarts++
    job?.reject(error)
    if (this.#broken) {
      for (const queued of this.#queue.splice(0)) queued.reject(this.#broken)
    } else if (!this.#closed && this.#slots.size < this.#wanted) {
      this.#spawn()
    }
  }

  #retire(slot: Slot): void {
    slot.retired = true
    if (slot.timer) clearTimeout(slot.timer)
    if (slot.demoteTimer) clearTimeout(slot.demoteTimer)
    this.#slots.delete(slot)
  }
}

// `ReplicatedCommit['changes']` as JSON, from the texts the commit wrote to the file.
function changesJson(tx: CommittedTransaction, written: ReadonlyArray<Text | null>): string {
  return `[${tx.changes.map(({id}, i) => `{"id":${JSON.stringify(id)},"after":${joined(written[i] ?? 'null')}}`).join(',')}]`
}
