import {chmodSync} from 'node:fs'
import {DatabaseSync, type StatementSync} from 'node:sqlite'
import {ReferenceIndex} from '../refs/reference-index.ts'
import {driveInSlices} from '../slices.ts'
import {assetFilesFolder, removePartialFiles} from './asset-files.ts'
import {PendingWrites, Superseded} from './pending.ts'
import {loadDocuments} from './quarantine.ts'
import {transactionWriter, type Checked, type RevisionRow} from './rows.ts'
import {migrate} from './schema.ts'
import {storageError} from './storage-error.ts'
import {storedTransaction} from './history.ts'
import {changeTexts, transactionMutationsText} from './stored-texts.ts'
import type {
  Change,
  ChangeTexts,
  CommittedTransaction,
  Doc,
  StoredFile,
  Text,
  Transaction,
} from './types.ts'
import {textLength, textsLength} from './types.ts'
import {WriterThread} from './writer-thread.ts'

/**
 * How much of the latest history a listener that reconnects can have replayed: at most this
 * many transactions and about this many bytes of their documents and mutations (as JSON). The
 * transactions are read back from the file when replayed; in memory the window is only their
 * sequence numbers, ids and sizes. The byte bound also bounds what a live listener that stopped
 * reading may hold before it is disconnected (routes/listen.ts). A listener that missed more is
 * told to refetch (`reset`).
 */
export const RECENT_WINDOW = {transactions: 1000, bytes: 64 * 1024 * 1024}

/**
 * Hears every commit, with the JSON text of each change's document after it as written to the
 * file (null for a deletion), for listeners that pass documents on as text; `null` instead of
 * the texts for a transaction over {@link INLINE_JSON_BYTES}, which is better read from the file.
 * The texts come in their parts (see Text): one no listener passes on is never joined.
 */
type Listener = (
  transaction: CommittedTransaction,
  afterJson: ReadonlyArray<Text | null> | null,
) => void

/** A transaction of the replay window: its place, id and JSON size. */
export type KeptTransaction = {seq: number; id: string; bytes: number}

/** Transactions up to this many bytes of JSON are handed to listeners as text. */
export const INLINE_JSON_BYTES = 256 * 1024

/** Documents read at a time by {@link Dataset.all}. */
const DOCUMENTS_PER_PAGE = 256

/** Rows posted to the writer thread at a time. */
const CHUNK_BYTES = 1024 * 1024

/** Changes' texts written before the commit (for the write rules), which it then reuses. */
export type WrittenTexts = ReadonlyMap<Change, ChangeTexts>

/**
 * What writing a transaction to the file produced: its sequence number, size and, for listeners,
 * its documents' texts (null past {@link INLINE_JSON_BYTES}).
 */
type Written = {seq: number; bytes: number; afterJson: Array<Text | null> | null}

/**
 * One dataset: a SQLite file that is the source of truth (documents are read from it by id; the
 * query workers hold the copies that queries scan), the reference index, and the latest commits.
 */
export class Dataset {
  readonly name: string
  /** The main thread's connection: reads documents, and writes for `commit` and asset files. */
  readonly db: DatabaseSync
  /**
   * A second, read-only connection for history and files: it sees committed data only, also
   * while a transaction is open on `db`.
   */
  readonly reader: DatabaseSync
  /**
   * The strong references between the current documents, kept in step with the file; read from
   * the file on first use.
   */
  readonly references = new ReferenceIndex(() => this.all())
  /** Increases on every commit; lets caches know the documents changed. */
  version = 0
  /**
   * The latest commits a listener that reconnects can have replayed (`transactionAt` reads one
   * from the file), oldest first: metadata only, so a commit's documents are garbage as soon as
   * its live listeners have sent it. Empty after a restart.
   */
  readonly recent: KeptTransaction[] = []
  #recentBytes = 0
  readonly #window: typeof RECENT_WINDOW
  readonly #listeners = new Set<Listener>()
  readonly #select: StatementSync
  readonly #exists: StatementSync
  readonly #findTransaction: StatementSync
  readonly #file: string
  /** The folder of the dataset's asset files (see asset-files.ts). */
  readonly filesFolder: string
  /** Stored documents that break the rules and could not be moved to quarantine. */
  readonly #leftOut: Set<string>
  /** Writes `commitInSlices` transactions off the event loop, started on first use. */
  readonly #writer: WriterThread
  /** Transactions posted to the writer and not yet answered, and what they leave. */
  readonly #pending = new PendingWrites()
  #epoch = 0
  /** The commit last posted to the writer thread (see {@link settled}). */
  #answered: Promise<void> = Promise.resolve()
  #syncWriter: ReturnType<typeof transactionWriter> | null = null
  /**
   * Bytes of JSON up to which `commitInSlices` writes a small transaction on this thread (0:
   * never). Only for a lake that serves its own process (an import's): its event loop waits for
   * the commit anyway, where a server's would stall every client for the fsync.
   */
  inlineWritesUpTo = 0
  /**
   * Changes still to come of the few a caller said it would write ({@link expectWrites}): a
   * transaction of up to this many is written inline, and spends them.
   */
  #inlineExpected = 0

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
    this.filesFolder = assetFilesFolder(file)
    // Opened by this lake alone (its folder's lock): no writer of its files is running.
    removePartialFiles(this.filesFolder)
    // At open, wait a little for a lake that is still closing the file (its last connection
    // checkpoints the WAL under a lock); later, a lock held elsewhere is reported at once.
    this.db = new DatabaseSync(file, {timeout: 5_000})
    try {
      // Drafts, history and uploads are private: only the lake's own user reads the file.
      chmodSync(file, 0o600)
      migrate(this.db)
      this.#leftOut = new Set(loadDocuments(this.db, file, warn))
      this.db.exec('PRAGMA busy_timeout = 0')
    } catch (error) {
      this.db.close()
      throw storageError(error, file, `open dataset "${name}"`)
    }
    this.#select = this.db.prepare('SELECT doc FROM documents WHERE id = ?')
    this.#exists = this.db.prepare('SELECT 1 AS found FROM documents WHERE id = ?')
    this.#findTransaction = this.db.prepare('SELECT 1 AS found FROM transactions WHERE id = ?')
    this.reader = new DatabaseSync(file, {readOnly: true})
    this.#writer = new WriterThread(file)
  }

  /** Whether a transaction with this id was ever committed to the dataset, or is being. */
  hasTransaction(id: string): boolean {
    return this.#pending.hasTransaction(id) || this.#findTransaction.get(id) !== undefined
  }

  /**
   * Increases when transactions posted to the writer thread are discarded because one of them
   * failed: a transaction checked against the documents of one epoch is posted in that epoch
   * only (see {@link post}).
   */
  get epoch(): number {
    return this.#epoch
  }

  /**
   * The document with this id as the next transaction sees it: as the transactions posted to
   * the writer thread leave it, committed or not yet (`get` reads only committed documents).
   */
  latest(id: string): Doc | undefined {
    const pending = this.#pending.latest(id)
    return pending === undefined ? this.get(id) : (pending ?? undefined)
  }

  /** Whether the document exists as the next transaction sees it (see {@link latest}). */
  latestHas(id: string): boolean {
    const pending = this.#pending.latest(id)
    return pending === undefined ? this.has(id) : pending !== null
  }

  /**
   * The documents that posted transactions change and the file does not hold yet, as they leave
   * them (null: deleted): what the next transaction sees over the committed documents.
   */
  *latestChanges(): Generator<[string, Doc | null]> {
    for (const id of this.#pending.changedIds()) yield [id, this.#pending.latest(id) ?? null]
  }

  /**
   * Every document as the next transaction sees it (see {@link latest}): the committed ones in
   * id order, then those that only posted transactions create. Read it to its end without
   * yielding to the event loop, or a commit meanwhile can leave a document out.
   */
  *latestAll(): Generator<Doc> {
    const created = new Set(this.#pending.changedIds())
    for (const doc of this.all()) {
      created.delete(doc._id)
      const pending = this.#pending.latest(doc._id)
      if (pending === undefined) yield doc
      else if (pending) yield pending
    }
    for (const id of created) {
      const pending = this.#pending.latest(id)
      if (pending) yield pending
    }
  }

  /**
   * Settles once every transaction posted to the writer thread is answered, committed or not:
   * then the file holds every document as {@link latest} reads it. Callers that write the file on
   * this thread (asset bytes) or read every document for the reference index wait for this
   * under the transaction lock, so no transaction is posted meanwhile.
   */
  async settled(): Promise<void> {
    while (this.#pending.size > 0) await this.#answered
  }

  /** The current (committed) document with this id, or undefined. */
  get(id: string): Doc | undefined {
    if (this.#leftOut.has(id)) return undefined
    const row = this.#select.get(id)
    return row ? (JSON.parse(String(row.doc)) as Doc) : undefined
  }

  /** Whether a document with this id exists, without reading it. */
  has(id: string): boolean {
    return !this.#leftOut.has(id) && this.#exists.get(id) !== undefined
  }

  /**
   * Every current document in id order, parsed one at a time and read a page at a time: no
   * statement stays open while a reader (the reference index, building in slices) yields to the
   * event loop.
   */
  *all(): Generator<Doc> {
    const page = this.db.prepare('SELECT id, doc FROM documents WHERE id > ? ORDER BY id LIMIT ?')
    for (let after = ''; ;) {
      const rows = page.all(after, DOCUMENTS_PER_PAGE)
      for (const row of rows) {
        if (!this.#leftOut.has(String(row.id))) yield JSON.parse(String(row.doc)) as Doc
      }
      if (rows.length < DOCUMENTS_PER_PAGE) return
      after = String(rows.at(-1)?.id)
    }
  }

  /**
   * Whether the dataset holds no document at all (drafts, assets and system documents
   * included) as the next transaction sees it: true for a new dataset. Reads no document.
   */
  isEmpty(): boolean {
    for (const [, doc] of this.latestChanges()) if (doc) return false
    const changed = new Set(this.#pending.changedIds())
    for (const row of this.db.prepare('SELECT id FROM documents').iterate()) {
      const id = String(row.id)
      if (!this.#leftOut.has(id) && !changed.has(id)) return false
    }
    return true
  }

  /**
   * For every current document with a value at `where`, its id and its values at `paths`, as the
   * next transaction sees them. Paths are SQLite JSON paths of keys (`$.source.path`); SQLite
   * reads them from the stored text (`json_extract`), so no document is parsed here. A value is
   * a string, a number or null (missing or null); booleans are 1 and 0, objects and arrays their
   * JSON text, as `json_extract` gives them. With `idPrefixes`, only documents whose id starts
   * with one of them: those are found through the ids' index, and only their text is read.
   */
  *valuesWhere(
    where: string,
    paths: readonly string[],
    idPrefixes?: readonly string[],
  ): Generator<{id: string; values: unknown[]}> {
    const keys = [where, ...paths].map(pathKeys)
    const columns = paths.map((_, i) => `json_extract(doc, ?) AS v${i}`).join(', ')
    const select = this.db.prepare(
      `SELECT id${columns ? `, ${columns}` : ''} FROM documents WHERE json_extract(doc, ?) IS NOT NULL${idPrefixes ? ' AND id >= ? AND id < ?' : ''}`,
    )
    const prefixes = idPrefixes && [...new Set(idPrefixes)]
    const rows = prefixes
      ? prefixes.flatMap((prefix) => select.all(...paths, where, prefix, pastPrefix(prefix)))
      : select.iterate(...paths, where)
    const changed = new Set(this.#pending.changedIds())
    for (const row of rows) {
      const id = String(row.id)
      if (this.#leftOut.has(id) || changed.has(id)) continue
      yield {id, values: paths.map((_, i) => row[`v${i}`] ?? null)}
    }
    for (const [id, doc] of this.latestChanges()) {
      if (!doc || extracted(doc, keys[0]) === null) continue
      if (prefixes && !prefixes.some((prefix) => id.startsWith(prefix))) continue
      yield {id, values: keys.slice(1).map((path) => extracted(doc, path))}
    }
  }

  /** The ids of every current document, in order. */
  ids(): string[] {
    return this.db
      .prepare('SELECT id FROM documents ORDER BY id')
      .all()
      .map((row) => String(row.id))
      .filter((id) => !this.#leftOut.has(id))
  }

  /**
   * Writes a transaction atomically on this thread, then notifies listeners. Its documents were
   * not checked on the way in, so the next load parses them (see `store/quarantine.ts`).
   */
  commit(transaction: Transaction): CommittedTransaction {
    if (this.#pending.size > 0) {
      throw new Error(
        `Cannot commit transaction "${transaction.id}" on this thread while the writer thread has transactions to commit, expected \`await settled()\` first`,
      )
    }
    return this.#commitRows(transaction, revisionRows(transaction), false)
  }

  #commitRows(
    transaction: Transaction,
    rows: ReturnType<typeof revisionRows>,
    checked: boolean,
  ): CommittedTransaction {
    const writer = (this.#syncWriter ??= transactionWriter(this.db, this.filesFolder))
    let seq: number
    try {
      seq = writer.begin(transactionRow(transaction, rows.mutations), {
        checked: checked && ownIds(transaction),
      })
      writer.rows(seq, rows.rows)
      if (transaction.files) writer.files(transaction.files)
      writer.commit()
    } catch (error) {
      writer.rollback()
      throw storageError(error, this.#file, `commit transaction "${transaction.id}"`)
    }
    for (const change of transaction.changes) this.references.update(change.id, change.after)
    return this.#publish(transaction, {seq, bytes: rows.bytes, afterJson: rows.afterJson})
  }

  /**
   * `commit`, without holding the event loop: {@link post}, then its commit awaited.
   */
  async commitInSlices(
    transaction: Transaction,
    options: Checked & {texts?: WrittenTexts} = {},
  ): Promise<CommittedTransaction> {
    return (await this.post(transaction, {...options, epoch: this.#epoch})).committed
  }

  /**
   * Writes a transaction without holding the event loop: the rows are serialized a few
   * milliseconds at a time and written, COMMIT's fsync included, by the dataset's writer thread.
   * Resolves once it is posted, with the promise of its commit: the next transaction can be
   * checked against what this one leaves ({@link latest}) while the writer commits it. Readers
   * of the file and listeners see it after COMMIT. When it fails, every transaction posted after
   * it is refused unwritten and rejects with {@link Superseded}, to be built again.
   *
   * Callers hold the dataset's transaction lock (`runTransaction`), and built the transaction
   * in `epoch` ({@link epoch}; posting in another throws Superseded). `checked`: the documents
   * passed `checkDocuments`, so the next load need not parse them. A transaction of a document
   * or two within {@link inlineWritesUpTo} (any transaction within it, when few writes are
   * expected: {@link expectWrites}), with nothing pending, is written on this thread instead:
   * starting the writer thread costs more than writing it.
   */
  async post(
    transaction: Transaction,
    {checked = false, texts, epoch}: Checked & {texts?: WrittenTexts; epoch: number},
  ): Promise<{committed: Promise<CommittedTransaction>}> {
    if (epoch !== this.#epoch) throw new Superseded(transaction.id)
    if (
      this.inlineWritesUpTo > 0 &&
      this.#pending.size === 0 &&
      // Files' bytes are written by the writer thread, while this one goes on.
      !transaction.files?.length &&
      transaction.changes.length <= Math.max(INLINE_CHANGES, this.#inlineExpected)
    ) {
      const rows = revisionRows(transaction, texts)
      if (rows.bytes <= this.inlineWritesUpTo) {
        this.#inlineExpected = Math.max(0, this.#inlineExpected - transaction.changes.length)
        return {committed: Promise.resolve(this.#commitRows(transaction, rows, checked))}
      }
    }
    const entry = this.#pending.add(transaction)
    let serialized: Omit<Written, 'seq'>
    try {
      serialized = await driveInSlices(this.#post(transaction, checked, texts))
    } catch (error) {
      this.#pending.discardNewest(entry, (change) => this.#undo(change))
      throw error
    }
    const committed = this.#writer.commit().then(
      (seq) => {
        void driveInSlices(this.#pending.release(entry))
        return this.#publish(transaction, {seq, ...serialized})
      },
      (error: unknown) => {
        if (entry.doomed) throw new Superseded(transaction.id)
        this.#discardPending()
        throw storageError(error, this.#file, `commit transaction "${transaction.id}"`)
      },
    )
    // Holds nothing of the transaction once it is committed.
    this.#answered = committed.then(ignore, ignore)
    return {committed}
  }

  /**
   * Told that transactions changing about `changes` documents follow: with
   * {@link inlineWritesUpTo}, up to {@link INLINE_EXPECTED} of them are written on this thread
   * whatever their transactions' sizes (each within `inlineWritesUpTo`), and once they are
   * written the usual rule applies again; otherwise the writer thread starts now when they will
   * need it, so its start overlaps the caller's work before the first of them.
   */
  expectWrites(changes: number): void {
    // A few hundred documents take the thread about as long to write as it takes to start:
    // written here, one transaction at a time, they cost less and finish no later.
    const inline = this.inlineWritesUpTo > 0 && changes <= INLINE_EXPECTED
    this.#inlineExpected = inline ? changes : 0
    if (!inline && changes > (this.inlineWritesUpTo > 0 ? INLINE_CHANGES : 0)) this.#writer.start()
  }

  // After the oldest pending transaction failed: it and every one posted after it were checked
  // against documents that will not be written. They are discarded (the writer refuses them),
  // and the reference index is put back as the committed documents have it.
  #discardPending(): void {
    this.#epoch++
    this.#pending.discardAll((change) => this.#undo(change))
    this.#writer.resume()
  }

  #undo(change: Change): void {
    this.references.update(change.id, change.before)
  }

  // Posts the transaction to the writer thread in chunks, yielding after each document.
  *#post(
    transaction: Transaction,
    checked: boolean,
    texts?: WrittenTexts,
  ): Generator<void, Omit<Written, 'seq'>> {
    const begin = {...transactionRow(transaction), checked: checked && ownIds(transaction)}
    this.#writer.post({type: 'begin', ...begin})
    try {
      if (transaction.files?.length) {
        this.#writer.post({type: 'files', files: transaction.files.map(postable)})
        yield
      }
      let chunk: RevisionRow[] = []
      let chunkBytes = 0
      let bytes = 0
      // Listeners hear the texts of a transaction within INLINE_JSON_BYTES only: past that, none
      // is kept (or joined) here.
      let afterJson: Array<Text | null> | null = []
      for (const change of transaction.changes) {
        // Checks of later transactions read the index before this one commits.
        this.references.update(change.id, change.after)
        const row = revisionRow(change, texts?.get(change))
        chunk.push(row)
        const size = row[3] === null ? 0 : textLength(row[3])
        chunkBytes += size + textLength(row[4])
        bytes += size
        if (bytes > INLINE_JSON_BYTES) afterJson = null
        else afterJson?.push(row[3])
        if (chunkBytes >= CHUNK_BYTES) {
          this.#writer.post({type: 'rows', rows: chunk})
          chunk = []
          chunkBytes = 0
        }
        yield
      }
      if (chunk.length > 0) this.#writer.post({type: 'rows', rows: chunk})
      return {bytes: bytes + textLength(begin.mutations), afterJson}
    } catch (error) {
      this.#writer.post({type: 'abort'})
      throw error
    }
  }

  // After COMMIT: the resume window and listeners.
  #publish(transaction: Transaction, {seq, bytes, afterJson}: Written): CommittedTransaction {
    this.version++
    // The files' bytes are the uploader's again once committed (it may reuse them): kept out.
    const {files, ...rest} = transaction
    const committed = {...rest, seq}
    this.#remember(committed, bytes)
    const texts = afterJson && bytes <= INLINE_JSON_BYTES ? afterJson : null
    for (const listener of this.#listeners) listener(committed, texts)
    return committed
  }

  // Keeps the latest transactions within the window (the newest always, however large).
  #remember({seq, id}: CommittedTransaction, bytes: number): void {
    this.recent.push({seq, id, bytes})
    this.#recentBytes += bytes
    while (
      this.recent.length > 1 &&
      (this.recent.length > this.#window.transactions || this.#recentBytes > this.#window.bytes)
    ) {
      this.#recentBytes -= this.recent.shift()?.bytes ?? 0
    }
  }

  /**
   * A transaction of the replay window as committed, read back from the file (the documents
   * before and after each change, in the order they were written); undefined when the window no
   * longer holds it.
   */
  transactionAt(seq: number): CommittedTransaction | undefined {
    const oldest = this.recent[0]?.seq
    if (oldest === undefined || seq < oldest || seq > (this.recent.at(-1)?.seq ?? -1)) {
      return undefined
    }
    return storedTransaction(this, seq)
  }

  /** Calls `listener` after every commit; returns a function that stops it. */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /**
   * Sets a PRAGMA on both write connections, this thread's and the writer thread's (whose
   * settings are per connection), e.g. `max_page_count`, with which tests make the file full.
   */
  pragmaForWrites(pragma: string): void {
    this.db.exec(`PRAGMA ${pragma}`)
    this.#writer.post({type: 'pragma', pragma})
  }

  /**
   * Closes the database file; the returned promise settles once the writer thread has finished
   * what was posted to it and closed its connection too.
   */
  close(): Promise<void> {
    this.#listeners.clear()
    if (this.reader.isOpen) this.reader.close()
    if (this.db.isOpen) this.db.close()
    return this.#writer.close()
  }
}

const ignore = () => undefined

/** The keys of a JSON path of keys (`$.a.b`); any other path is refused. */
function pathKeys(path: string): string[] {
  if (!/^\$(\.[A-Za-z_][A-Za-z0-9_]*)+$/.test(path))
    throw new Error(`Cannot read the JSON path ${path}, expected $ and keys, as $.source.path`)
  return path.slice(2).split('.')
}

/**
 * The least text after every id that starts with `prefix`, as SQLite orders text (by its UTF-8
 * bytes, which order characters below the surrogates as their codes do): the prefix with its
 * last character the next one. Any other prefix is refused.
 */
function pastPrefix(prefix: string): string {
  const last = prefix.charCodeAt(prefix.length - 1)
  if (!(last < 0xd7ff))
    throw new Error(
      `Cannot look ids up by the prefix ${JSON.stringify(prefix)}, expected one that ends in a character below U+D7FF, as "image-"`,
    )
  return prefix.slice(0, -1) + String.fromCharCode(last + 1)
}

/** The value at `keys` of a document, as SQLite's `json_extract` gives it. */
function extracted(doc: Doc, keys: readonly string[]): unknown {
  let value: unknown = doc
  for (const key of keys) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return null
    value = (value as Record<string, unknown>)[key]
  }
  if (value === undefined || value === null) return null
  if (typeof value === 'boolean') return value ? 1 : 0
  return typeof value === 'object' ? JSON.stringify(value) : value
}

/** Changes a transaction may have and still be written inline (see `inlineWritesUpTo`). */
const INLINE_CHANGES = 2
/** Documents a caller may expect to write and have every transaction written inline. */
const INLINE_EXPECTED = 200

/** Whether each document is stored under its own id (one that is not would fail the load's check). */
const ownIds = (transaction: Transaction) =>
  transaction.changes.every((change) => !change.after || change.after._id === change.id)

function revisionRow(change: Change, written?: ChangeTexts): RevisionRow {
  const {id, before, after} = change
  const {afterJson, mutationsJson} = written ?? changeTexts(change)
  return [id, after?._rev ?? null, before?._rev ?? null, afterJson, mutationsJson]
}

function revisionRows(transaction: Transaction, texts?: WrittenTexts) {
  const rows = transaction.changes.map((change) => revisionRow(change, texts?.get(change)))
  const afterJson = rows.map((row) => row[3])
  const mutations = transactionMutationsText(transaction)
  return {rows, afterJson, bytes: textLength(mutations) + textsLength(afterJson), mutations}
}

/** The `transactions` row; `mutations` is their text when the caller already made it. */
function transactionRow(
  transaction: Transaction,
  mutations = transactionMutationsText(transaction),
) {
  const {id, timestamp, author} = transaction
  return {id, timestamp, author, mutations}
}

/**
 * A file as it is posted to the writer thread. Its bytes are copied on the way, those of a
 * SharedArrayBuffer excepted (shared instead): a view into a larger buffer of another kind is
 * copied alone first, or posting it would copy the whole buffer.
 */
function postable(file: StoredFile): StoredFile {
  const {data} = file
  if (data.buffer instanceof SharedArrayBuffer || data.byteLength === data.buffer.byteLength)
    return file
  return {...file, data: new Uint8Array(data)}
}
