/**
 * Writer thread entry (runs on Node's own TypeScript support): owns the write connection of one
 * dataset file, so inserting a transaction's rows and COMMIT's fsync happen off the event loop.
 * The lake posts a transaction as `begin`, `rows` in chunks and `commit` (or `abort`), one
 * transaction after another, and hears `committed` or `failed` for each `commit`, in order.
 * The lake posts a transaction before the ones before it are answered (it checked it against
 * what they leave), so after a failure every transaction is refused unwritten until the lake,
 * having heard of the failure, posts `resume`.
 */
import {DatabaseSync} from 'node:sqlite'
import {parentPort, workerData} from 'node:worker_threads'
import {lowerPriority, ownThreadId} from '../groq/priority.ts'
import {assetFilesFolder} from './asset-files.ts'
import {transactionWriter, type Checked, type RevisionRow, type TransactionRow} from './rows.ts'
import type {StoredFile} from './types.ts'
import {WRITE_PRAGMAS} from './schema.ts'

/** Messages from the lake to a writer thread. */
export type ToWriter =
  | ({type: 'begin'} & TransactionRow & Checked)
  | {type: 'rows'; rows: RevisionRow[]}
  /** Asset files of the open transaction: bytes in a SharedArrayBuffer are not copied. */
  | {type: 'files'; files: readonly StoredFile[]}
  | {type: 'commit'}
  | {type: 'abort'}
  /** The lake heard of the last failure: transactions begun from here on are written again. */
  | {type: 'resume'}
  /** A PRAGMA for this connection, such as `max_page_count` (tests simulate a full disk). */
  | {type: 'pragma'; pragma: string}
  | {type: 'close'}

/** A SQLite error as it crosses the thread boundary (what `storageError` reads). */
export type WriteFailure = {message: string; code?: string; errcode?: number; errstr?: string}

/** Answers to `commit`: the sequence number the transaction got, or why nothing was written. */
export type FromWriter = {type: 'committed'; seq: number} | {type: 'failed'; error: WriteFailure}

// Writing is bulk work: on a machine with few cores the scheduler should prefer the event loop,
// which serves every client, to this thread (whose transaction's client waits for it anyway).
lowerPriority(ownThreadId())

const file = String((workerData as {file: string}).file)
const db = new DatabaseSync(file, {timeout: 5_000})
db.exec(WRITE_PRAGMAS)
const writer = transactionWriter(db, assetFilesFolder(file))

/** The open transaction's sequence number, or the error that rolled it back. */
let current: {seq: number} | {error: WriteFailure} | null = null

/**
 * Set by a failure to write and cleared by `resume`: transactions begun meanwhile are refused.
 * A refused transaction's own answer sets nothing: it may end after `resume`, when the ones
 * begun since are the lake's new ones.
 */
let refusing = false

/** Why a transaction begun after a failure, before the lake heard of it, is refused. */
const AFTER_FAILURE: WriteFailure = {
  message: 'an earlier transaction failed to commit, and this one was checked against it',
  code: 'ERR_AFTER_FAILED_COMMIT',
}

function failure(error: unknown): WriteFailure {
  const {message, code, errcode, errstr} = error as WriteFailure
  return {message: String(message ?? error), code, errcode, errstr}
}

// After a failure the transaction's remaining rows are ignored until its `commit` is answered.
function attempt(work: (seq: number) => void): void {
  if (!current || 'error' in current) return
  try {
    work(current.seq)
  } catch (error) {
    current = {error: failure(error)}
    refusing = true
    writer.rollback()
  }
}

function handle(message: ToWriter): void {
  switch (message.type) {
    case 'begin':
      if (refusing) {
        current = {error: AFTER_FAILURE}
        return
      }
      current = {seq: 0}
      attempt(() => (current = {seq: writer.begin(message, message)}))
      return
    case 'rows':
      attempt((seq) => writer.rows(seq, message.rows))
      return
    case 'files':
      attempt(() => writer.files(message.files))
      return
    case 'commit': {
      attempt(() => writer.commit())
      const done = current
      current = null
      const answer: FromWriter =
        done && 'seq' in done
          ? {type: 'committed', seq: done.seq}
          : {type: 'failed', error: done?.error ?? {message: 'COMMIT without BEGIN'}}
      parentPort?.postMessage(answer)
      return
    }
    case 'abort':
      current = null
      writer.rollback()
      return
    case 'resume':
      refusing = false
      return
    case 'pragma':
      db.exec(`PRAGMA ${message.pragma}`)
      return
    case 'close':
      writer.rollback()
      db.close()
      parentPort?.close()
  }
}

parentPort?.on('message', handle)
