import {chmodSync} from 'node:fs'
import {DatabaseSync, type StatementSync} from 'node:sqlite'
import {ReferenceIndex} from '../refs/reference-index.ts'
import {driveInSlices} from '../slices.ts'
import {loadDocuments} from './quarantine.ts'
import {migrate} from './schema.ts'
import {storageError} from './storage-error.ts'
import type {CommittedTransaction, Doc, Transaction} from './types.ts'

/**
 * How much of the latest history stays in memory for listeners that reconnect: at most this
 * many transactions and about this many bytes of their documents and mutations (as JSON), so a
 * few huge patch-by-query commits cannot pin gigabytes of old versions. A listener that missed
 * more is told to refetch (`reset`).
 */
export const RECENT_WINDOW = {transactions: 1000, bytes: 64 * 1024 * 1024}

/**
 * Hears every commit, with the JSON text of each change's document after it as written to the
 * file (null for a deletion), for listeners that pass documents on as text.
 */
type Listener = (transaction: CommittedTransaction, afterJson: ReadonlyArray<string | null>) => void

/** What writing a transaction to the file produced: its sequence number, size and texts. */
type Written = {seq: number; bytes: number; afterJson: Array<string | null>}

/**
 * One dataset: a SQLite file that is the source of truth, and an in-memory Map of the current
 * documents that queries read.
 */
export class Dataset {
  readonly name: string
  readonly db: DatabaseSync
  /**
   * A second, read-only connection for history and files: it sees committed data only, also
   * while `commitInSlices` has a transaction open on `db`.
   */
  readonly reader: DatabaseSync
  readonly documents = new Map<string, Doc>()
  /** The strong references between the current documents, kept in step with `documents`. */
  readonly references = new ReferenceIndex()
  /** Increases on every commit; lets caches know the documents changed. */
  version = 0
  /** The latest commits, so a listener that reconnects gets the events it missed. */
  readonly recent: CommittedTransaction[] = []
  /** The JSON size of each transaction in `recent`, in the same order, and their sum. */
  readonly #recentSizes: number[] = []
  #recentBytes = 0
  readonly #window: typeof RECENT_WINDOW
  readonly #listeners = new Set<Listener>()
  readonly #upsert: StatementSync
  readonly #remove: StatementSync
  readonly #insertTransaction: StatementSync
  readonly #insertRevision: StatementSync
  readonly #findTransaction: StatementSync
  readonly #file: string

  /** Opens (or creates) the dataset file; `warn` hears about documents left out at load. */
  constructor(
    name: string,
    file: string,
    warn: (message: string) => void = console.warn,
    window: typeof RECENT_WINDOW = RECENT_WINDOW,
  ) {
    this.name = name
    this.#window = window
    this.#file = file
    this.db = new DatabaseSync(file)
    try {
      // Drafts, history and uploads are private: only the lake's own user reads the file.
      chmodSync(file, 0o600)
      migrate(this.db)
      for (const doc of loadDocuments(this.db, file, warn)) {
        this.documents.set(doc._id, doc)
        this.references.update(doc._id, doc)
      }
    } catch (error) {
      this.db.close()
      throw storageError(error, file, `open dataset "${name}"`)
    }
    this.#upsert = this.db.prepare(
      'INSERT INTO documents (id, doc) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET doc = excluded.doc',
    )
    this.#remove = this.db.prepare('DELETE FROM documents WHERE id = ?')
    this.#insertTransaction = this.db.prepare(
      'INSERT INTO transactions (id, timestamp, author, mutations) VALUES (?, ?, ?, ?)',
    )
    this.#insertRevision = this.db.prepare(
      'INSERT INTO revisions (seq, doc_id, rev, previous_rev, doc, mutations) VALUES (?, ?, ?, ?, ?, ?)',
    )
    this.#findTransaction = this.db.prepare('SELECT 1 AS found FROM transactions WHERE id = ?')
    this.reader = new DatabaseSync(file, {readOnly: true})
  }

  /** Whether a transaction with this id was ever committed to the dataset. */
  hasTransaction(id: string): boolean {
    return this.#findTransaction.get(id) !== undefined
  }

  /** The current document with this id, or undefined. */
  get(id: string): Doc | undefined {
    return this.documents.get(id)
  }

  /** Writes a transaction atomically, then updates memory and notifies listeners. */
  commit(transaction: Transaction): CommittedTransaction {
    const writing = this.#write(transaction)
    let step = writing.next()
    while (!step.done) step = writing.next()
    return this.#apply(transaction, step.value)
  }

  /**
   * `commit`, with the file written a few milliseconds at a time and the event loop free
   * between slices, so one transaction of 50,000 documents does not stall every other client.
   * Callers hold the dataset's transaction lock (`runTransaction`); until COMMIT nothing of it is
   * visible: memory changes after, and history and files are read through `reader`.
   */
  async commitInSlices(transaction: Transaction): Promise<CommittedTransaction> {
    return this.#apply(transaction, await driveInSlices(this.#write(transaction)))
  }

  // Writes the transaction in one SQLite transaction, yielding after each document; returns its
  // sequence number and JSON size. Rolls back and throws a storage error on failure.
  *#write(transaction: Transaction): Generator<void, Written> {
    const {id, timestamp, author, changes, mutations} = transaction
    this.db.exec('BEGIN IMMEDIATE')
    try {
      const mutationsJson = JSON.stringify(mutations)
      let bytes = mutationsJson.length
      const afterJson: Array<string | null> = []
      const info = this.#insertTransaction.run(id, timestamp, author, mutationsJson)
      const seq = Number(info.lastInsertRowid)
      for (const change of changes) {
        // One serialization serves the current row and the history snapshot.
        const json = change.after ? JSON.stringify(change.after) : null
        bytes += json?.length ?? 0
        afterJson.push(json)
        if (json) this.#upsert.run(change.id, json)
        else this.#remove.run(change.id)
        this.#insertRevision.run(
          seq,
          change.id,
          change.after?._rev ?? null,
          change.before?._rev ?? null,
          json,
          JSON.stringify(change.mutations),
        )
        yield
      }
      this.db.exec('COMMIT')
      return {seq, bytes, afterJson}
    } catch (error) {
      // SQLite rolls back by itself on some failures (a full disk, an I/O error); rolling back
      // again would fail with "cannot rollback" and hide what happened.
      if (this.db.isTransaction) this.db.exec('ROLLBACK')
      throw storageError(error, this.#file, `commit transaction "${id}"`)
    }
  }

  // After COMMIT: the documents in memory, the reference index, the resume window, listeners.
  #apply(transaction: Transaction, {seq, bytes, afterJson}: Written): CommittedTransaction {
    const {changes} = transaction
    for (const change of changes) {
      if (change.after) this.documents.set(change.id, change.after)
      else this.documents.delete(change.id)
      this.references.update(change.id, change.after)
    }
    this.version++
    const committed = {...transaction, seq}
    this.#remember(committed, bytes)
    for (const listener of this.#listeners) listener(committed, afterJson)
    return committed
  }

  // Keeps the latest transactions within the window (the newest always, however large).
  #remember(committed: CommittedTransaction, bytes: number): void {
    this.recent.push(committed)
    this.#recentSizes.push(bytes)
    this.#recentBytes += bytes
    while (
      this.recent.length > 1 &&
      (this.recent.length > this.#window.transactions || this.#recentBytes > this.#window.bytes)
    ) {
      this.recent.shift()
      this.#recentBytes -= this.#recentSizes.shift() ?? 0
    }
  }

  /** Calls `listener` after every commit; returns a function that stops it. */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /** Closes the database file. */
  close(): void {
    this.#listeners.clear()
    if (this.reader.isOpen) this.reader.close()
    if (this.db.isOpen) this.db.close()
  }
}
