import type {Change, Doc, Transaction} from './types.ts'

/**
 * A transaction posted to the writer thread whose COMMIT has not been answered. `doomed` once a
 * transaction posted before it failed: it was checked against documents that were never
 * written, so the writer refuses it and it is built again (see {@link Superseded}).
 */
export type PendingEntry = {readonly transaction: Transaction; doomed: boolean}

/**
 * Thrown for a transaction that was built on a transaction that then failed to commit: nothing
 * of it was written, and building it again against the documents as they are settles it.
 */
export class Superseded extends Error {
  constructor(id: string) {
    super(`Transaction "${id}" was built on a transaction that failed to commit; build it again`)
  }
}

/**
 * The transactions posted to a dataset's writer thread and not yet answered, oldest first, and
 * the documents as they leave them: what the next transaction is checked against while the
 * writer commits the ones before it. The writer answers in the order they were posted, so the
 * oldest is always the next one answered.
 */
export class PendingWrites {
  readonly #queue: PendingEntry[] = []
  /**
   * Each document a pending transaction changes: what the transaction leaves it as (null:
   * deleted), or what each of several leaves it as, oldest first. A transaction changes a
   * document at most once, and most documents are changed by one: a list each cost a patch by
   * query over 50,000 documents an array per document, on the event loop.
   */
  readonly #states = new Map<string, Doc | null | Array<Doc | null>>()
  readonly #ids = new Set<string>()

  /** How many transactions are pending. */
  get size(): number {
    return this.#queue.length
  }

  /** Adds a transaction that is being posted to the writer, after every pending one. */
  add(transaction: Transaction): PendingEntry {
    const entry = {transaction, doomed: false}
    this.#queue.push(entry)
    this.#ids.add(transaction.id)
    for (const {id, after} of transaction.changes) {
      const held = this.#states.get(id)
      if (held === undefined) this.#states.set(id, after)
      else if (Array.isArray(held)) held.push(after)
      else this.#states.set(id, [held, after])
    }
    return entry
  }

  /** The document as the pending transactions leave it (null: deleted), or undefined if none changes it. */
  latest(id: string): Doc | null | undefined {
    const held = this.#states.get(id)
    return Array.isArray(held) ? held.at(-1) : held
  }

  /** The ids of the documents the pending transactions change. */
  changedIds(): IterableIterator<string> {
    return this.#states.keys()
  }

  /** Whether a pending transaction has this id. */
  hasTransaction(id: string): boolean {
    return this.#ids.has(id)
  }

  /**
   * Removes the oldest transaction, `entry`, once it is committed, and returns the steps that
   * forget what it left each document as, one document a step, to run a few milliseconds at a
   * time: a transaction of 50,000 documents held the event loop 20 to 30 ms forgetting them. Until
   * a document's step has run, `latest` answers it as the transaction left it, which is what the
   * file now holds; the steps of several settled transactions may interleave (each forgets the
   * oldest state of its documents).
   */
  release(entry: PendingEntry): Generator<void> {
    if (this.#queue[0] !== entry) {
      throw new Error('Cannot settle a pending transaction out of order, expected the oldest')
    }
    this.#queue.shift()
    this.#ids.delete(entry.transaction.id)
    return this.#forget(entry.transaction.changes)
  }

  *#forget(changes: readonly Change[]): Generator<void> {
    for (const {id} of changes) {
      this.#drop(id, 'oldest')
      yield
    }
  }

  /**
   * Removes every pending transaction after one of them failed, newest first, marking each
   * doomed; `undo` hears each of their changes, newest first, to put back what it changed.
   */
  discardAll(undo: (change: Change) => void): void {
    while (this.#queue.length > 0) this.discardNewest(this.#queue.at(-1)!, undo)
  }

  /** Removes `entry` when it is the newest transaction (one never posted in full), as discardAll. */
  discardNewest(entry: PendingEntry, undo: (change: Change) => void): void {
    if (this.#queue.at(-1) !== entry) return
    this.#queue.pop()
    this.#ids.delete(entry.transaction.id)
    entry.doomed = true
    const {changes} = entry.transaction
    for (let i = changes.length - 1; i >= 0; i--) {
      undo(changes[i])
      this.#drop(changes[i].id, 'newest')
    }
  }

  #drop(id: string, which: 'oldest' | 'newest'): void {
    const held = this.#states.get(id)
    if (held === undefined) return
    if (!Array.isArray(held)) {
      this.#states.delete(id)
      return
    }
    if (which === 'oldest') held.shift()
    else held.pop()
    if (held.length === 1) this.#states.set(id, held[0]!)
  }
}
