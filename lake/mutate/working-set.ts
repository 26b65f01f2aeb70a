import type {Dataset} from '../store/dataset.ts'
import type {Change, Doc, StoredFile, Transaction, WireMutation} from '../store/types.ts'

/**
 * A document the transaction changes. It is the change itself, handed out as it is by
 * {@link WorkingSet.changed} and {@link WorkingSet.toTransaction}: a patch by query over 50,000
 * documents copied each twice into new objects, holding the event loop 60 to 90 ms.
 */
type Pending = Change & {index: number}

/** The transaction being built: reads see earlier writes, nothing is stored until commit. */
export class WorkingSet {
  readonly dataset: Dataset
  readonly transactionId: string
  readonly timestamp: string
  readonly author: string
  readonly mutations: WireMutation[] = []
  /** The index of the mutation or action being applied, named in errors about what it changed. */
  index = 0
  readonly #pending = new Map<string, Pending>()
  readonly #files: StoredFile[] = []

  constructor(
    dataset: Dataset,
    options: {transactionId: string; timestamp: string; author: string},
  ) {
    this.dataset = dataset
    this.transactionId = options.transactionId
    this.timestamp = options.timestamp
    this.author = options.author
  }

  /**
   * The document as this transaction currently sees it: its own writes over the dataset's
   * documents as the transactions before it leave them (`Dataset.latest`).
   */
  get(id: string): Doc | null {
    const pending = this.#pending.get(id)
    if (pending) return pending.after
    return this.dataset.latest(id) ?? null
  }

  /** Whether the document exists as this transaction currently sees it, without reading it. */
  has(id: string): boolean {
    const pending = this.#pending.get(id)
    return pending ? pending.after !== null : this.dataset.latestHas(id)
  }

  /**
   * The documents this transaction sees other than the file holds them, as it sees them (null:
   * deleted): those the transactions before it change and are not committed yet, then its own.
   */
  unsettled(): Array<[string, Doc | null]> {
    const docs: Array<[string, Doc | null]> = []
    for (const [id, doc] of this.dataset.latestChanges())
      if (!this.#pending.has(id)) docs.push([id, doc])
    for (const {id, after} of this.#altered()) docs.push([id, after])
    return docs
  }

  /** Every document as this transaction currently sees it. */
  documents(): Doc[] {
    const docs: Doc[] = []
    for (const doc of this.dataset.latestAll()) if (!this.#pending.has(doc._id)) docs.push(doc)
    for (const pending of this.#pending.values()) if (pending.after) docs.push(pending.after)
    return docs
  }

  /**
   * Replaces (or deletes, with null) a document, recording the mutation that did it. `read` is
   * the document as the caller just had it from `get` and left unchanged, or null when `has` just
   * said there is none: it is then not read and parsed from the file a second time (a patch by
   * query over 50,000 documents read each twice).
   */
  put(id: string, doc: Doc | null, mutation: WireMutation, read?: Doc | null): void {
    let pending = this.#pending.get(id)
    if (!pending) {
      const before = read === undefined ? (this.dataset.latest(id) ?? null) : read
      pending = {id, before, after: null, mutations: [], index: 0}
      this.#pending.set(id, pending)
    }
    pending.index = this.index
    pending.after = doc ? this.#stamp(doc, pending.before) : null
    pending.mutations.push(mutation)
  }

  /** Records a mutation of the whole transaction (as sent by the client). */
  record(mutation: WireMutation): void {
    this.mutations.push(mutation)
  }

  /** The documents this transaction alters (not created and deleted in it), in order. */
  #altered(): Pending[] {
    const altered: Pending[] = []
    for (const pending of this.#pending.values())
      if (pending.before !== null || pending.after !== null) altered.push(pending)
    return altered
  }

  /**
   * The documents this transaction changes, each with the index of its last mutation: the same
   * documents in the same order as {@link toTransaction}'s changes (the same objects).
   */
  changed(): Array<{id: string; before: Doc | null; after: Doc | null; index: number}> {
    return this.#altered()
  }

  /**
   * Stores asset files with the transaction's documents (see `Transaction.files`); they are
   * written only if it changes a document.
   */
  storeFiles(files: readonly StoredFile[]): void {
    this.#files.push(...files)
  }

  /** The changes that actually alter a document, ready to commit. */
  toTransaction(): Transaction {
    const {transactionId: id, timestamp, author, mutations} = this
    const transaction: Transaction = {id, timestamp, author, changes: this.#altered(), mutations}
    if (this.#files.length) transaction.files = this.#files
    return transaction
  }

  #stamp(doc: Doc, before: Doc | null): Doc {
    return {
      ...doc,
      _createdAt: before?._createdAt ?? doc._createdAt ?? this.timestamp,
      _updatedAt: this.timestamp,
      _rev: this.transactionId,
    }
  }
}
