import {Worker} from 'node:worker_threads'
import type {FromWriter, ToWriter, WriteFailure} from './writer.ts'

type Waiting = {resolve: (seq: number) => void; reject: (error: unknown) => void}

/**
 * The lake's side of a dataset's writer thread (store/writer.ts), started on first use: posts a
 * transaction's parts and resolves `commit()` with its sequence number once it is durable. If
 * the thread dies, what it was committing is refused (SQLite rolls it back) and the next
 * transaction starts a new thread.
 */
export class WriterThread {
  readonly #file: string
  #worker: Worker | null = null
  readonly #waiting: Waiting[] = []

  constructor(file: string) {
    this.#file = file
  }

  /**
   * Starts the thread ahead of the first transaction, so that its start (a Node bootstrap and
   * the file's opening) overlaps whatever the caller does before writing. Holds no process.
   */
  start(): void {
    this.#thread()
  }

  /** Posts part of the open transaction (`begin`, `rows`, `abort`). */
  post(message: ToWriter): void {
    this.#thread().postMessage(message)
  }

  /**
   * Tells the thread the lake heard of its last failure, so it writes the transactions begun
   * from here on (a thread started after the failure refuses none).
   */
  resume(): void {
    this.#worker?.postMessage({type: 'resume'} satisfies ToWriter)
  }

  /** Commits the open transaction; rejects with the SQLite error if nothing was written. */
  commit(): Promise<number> {
    const worker = this.#thread()
    worker.ref()
    return new Promise((resolve, reject) => {
      this.#waiting.push({resolve, reject})
      worker.postMessage({type: 'commit'} satisfies ToWriter)
    })
  }

  /**
   * Closes the thread's connection (after whatever was posted before); resolves once the thread
   * has ended, so the file is free for the next lake (closing checkpoints the WAL, under a lock).
   */
  close(): Promise<void> {
    const worker = this.#worker
    this.#worker = null
    if (!worker) return Promise.resolve()
    return new Promise((resolve) => {
      worker.once('exit', () => resolve())
      // Held by the process until it has ended, or the process could exit first.
      worker.ref()
      worker.postMessage({type: 'close'} satisfies ToWriter)
    })
  }

  #thread(): Worker {
    if (this.#worker) return this.#worker
    const worker = new Worker(new URL('./writer.ts', import.meta.url), {
      workerData: {file: this.#file},
    })
    worker.unref()
    worker.on('message', (message: FromWriter) => {
      const waiting = this.#waiting.shift()
      // A closing thread (no longer `#worker`) stays held until it has ended: the answer to a
      // commit posted before `close()` let the process exit with the close never settling.
      if (this.#waiting.length === 0 && this.#worker === worker) worker.unref()
      if (message.type === 'committed') waiting?.resolve(message.seq)
      else waiting?.reject(sqliteError(message.error))
    })
    const died = (error: Error) => {
      if (this.#worker === worker) this.#worker = null
      for (const waiting of this.#waiting.splice(0)) waiting.reject(error)
    }
    worker.on('error', died)
    worker.on('exit', (code) => died(new Error(`the writer thread exited with code ${code}`)))
    this.#worker = worker
    return worker
  }
}

function sqliteError(failure: WriteFailure): Error {
  return Object.assign(new Error(failure.message), failure)
}
