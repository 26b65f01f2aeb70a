import type {SQLInputValue} from 'node:sqlite'
import type {Dataset} from './dataset.ts'
import {LOAD_LIMITS, nestingOf} from './document-rules.ts'
import {storedChangeMutations, storedTransactionMutations} from './stored-texts.ts'
import type {CommittedTransaction, Doc, WireMutation} from './types.ts'

/** One document's change within a stored transaction. */
export type RevisionRow = {
  seq: number
  docId: string
  rev: string | null
  before: Doc | null
  after: Doc | null
  mutations: WireMutation[]
}

/** A stored transaction with the changes it made to the requested documents. */
export type HistoryTransaction = {
  seq: number
  id: string
  timestamp: string
  author: string
  mutations: WireMutation[]
  changes: RevisionRow[]
}

/** Filters for {@link transactionsOf}. */
export type HistoryRange = {
  fromTransaction?: string
  toTransaction?: string
  fromTime?: string
  toTime?: string
  reverse?: boolean
  limit?: number
}

/**
 * A stored document or mutation list, or a stand-in when it nests too deeply to diff or
 * serialize (possible only in files written before the lake checked shapes), so one such
 * revision cannot fail a document's whole history.
 */
function readStored<T>(text: string, standIn: (reason: string) => T): T {
  const value = JSON.parse(text) as T
  if (nestingOf(value, LOAD_LIMITS.maxNesting) <= LOAD_LIMITS.maxNesting) return value
  return standIn(
    `stored content nests more than ${LOAD_LIMITS.maxNesting} levels deep and is not shown`,
  )
}

const docOf = (text: string, id: string): Doc =>
  readStored<Doc>(text, (reason) => ({_id: id, _type: 'lake.unreadableRevision', reason}))

const mutationsOf = (text: string): WireMutation[] =>
  readStored<WireMutation[]>(text, (reason) => [{unreadable: reason}])

const placeholders = (values: unknown[]) => values.map(() => '?').join(', ')

function seqOf(dataset: Dataset, transactionId: string | undefined): number | undefined {
  if (!transactionId) return undefined
  const row = dataset.reader.prepare('SELECT seq FROM transactions WHERE id = ?').get(transactionId)
  return row ? Number(row.seq) : undefined
}

/** Reads a document as it was before transaction `seq` changed it (its previous revision). */
function beforeReader(dataset: Dataset) {
  const previous = dataset.reader.prepare(
    'SELECT doc FROM revisions WHERE doc_id = ? AND seq < ? ORDER BY seq DESC LIMIT 1',
  )
  return (docId: string, seq: number): Doc | null => {
    const row = previous.get(docId, seq)
    return row?.doc ? docOf(String(row.doc), docId) : null
  }
}

/** The transactions that touched any of `ids`, oldest first unless `reverse`. */
export function transactionsOf(
  dataset: Dataset,
  ids: string[],
  range: HistoryRange = {},
): HistoryTransaction[] {
  const where = [`t.seq IN (SELECT seq FROM revisions WHERE doc_id IN (${placeholders(ids)}))`]
  const args: SQLInputValue[] = [...ids]
  const from = seqOf(dataset, range.fromTransaction)
  const to = seqOf(dataset, range.toTransaction)
  if (from !== undefined) where.push('t.seq >= ?') && args.push(from)
  if (to !== undefined) where.push('t.seq <= ?') && args.push(to)
  if (range.fromTime) where.push('t.timestamp >= ?') && args.push(range.fromTime)
  if (range.toTime) where.push('t.timestamp <= ?') && args.push(range.toTime)
  const order = range.reverse ? 'DESC' : 'ASC'
  const limit = range.limit && range.limit > 0 ? `LIMIT ${Math.floor(range.limit)}` : ''
  const rows = dataset.reader
    .prepare(
      `SELECT t.seq, t.id, t.timestamp, t.author, t.mutations FROM transactions t WHERE ${where.join(' AND ')} ORDER BY t.seq ${order} ${limit}`,
    )
    .all(...args)
  const changesOf = dataset.reader.prepare(
    `SELECT doc_id, rev, doc, mutations FROM revisions WHERE seq = ? AND doc_id IN (${placeholders(ids)}) ORDER BY doc_id`,
  )
  const allChangesOf = dataset.reader.prepare(
    'SELECT doc, mutations FROM revisions WHERE seq = ? ORDER BY rowid',
  )
  const beforeOf = beforeReader(dataset)
  return rows.map((row) => {
    const seq = Number(row.seq)
    const changes = changesOf.all(seq, ...ids).map((change) => ({
      seq,
      docId: String(change.doc_id),
      rev: change.rev === null ? null : String(change.rev),
      before: beforeOf(String(change.doc_id), seq),
      after: change.doc ? docOf(String(change.doc), String(change.doc_id)) : null,
      mutations: changeMutationsOf(change),
    }))
    return {
      seq,
      ...transactionFields(row, () => allChangesOf.all(seq).map(changeMutationsOf)),
      changes,
    }
  })
}

/**
 * A `transactions` row's own fields: its id, time, author and mutations; `byChange` reads its
 * changes' mutations, in the order they were written, when the row notes they are the same.
 */
function transactionFields(row: Record<string, unknown>, byChange: () => WireMutation[][]) {
  return {
    id: String(row.id),
    timestamp: String(row.timestamp),
    author: String(row.author),
    mutations: storedTransactionMutations(String(row.mutations), byChange, mutationsOf),
  }
}

/** A `revisions` row's mutations (see {@link storedChangeMutations}). */
const changeMutationsOf = (row: Record<string, unknown>): WireMutation[] =>
  storedChangeMutations(
    String(row.mutations),
    row.doc === null ? null : String(row.doc),
    mutationsOf,
  )

/**
 * Transaction `seq` as it was committed, read from the file: each change with the document
 * before it (its previous revision) and after it, in the order the changes were written (which
 * is the order of their events, `<seq>-<index>`); undefined when the file has no such
 * transaction.
 */
export function storedTransaction(dataset: Dataset, seq: number): CommittedTransaction | undefined {
  const row = dataset.reader
    .prepare('SELECT id, timestamp, author, mutations FROM transactions WHERE seq = ?')
    .get(seq)
  if (!row) return undefined
  const beforeOf = beforeReader(dataset)
  const changes = dataset.reader
    .prepare('SELECT doc_id, doc, mutations FROM revisions WHERE seq = ? ORDER BY rowid')
    .all(seq)
    .map((change) => {
      const id = String(change.doc_id)
      return {
        id,
        before: beforeOf(id, seq),
        after: change.doc === null ? null : docOf(String(change.doc), id),
        mutations: changeMutationsOf(change),
      }
    })
  return {seq, ...transactionFields(row, () => changes.map((c) => c.mutations)), changes}
}

/** Each document as it was after transaction `revision` (or at `time`, or its last stored state). */
export function documentsAt(
  dataset: Dataset,
  ids: string[],
  at: {revision?: string; time?: string; lastRevision?: boolean},
): Doc[] {
  let condition = ''
  const args: SQLInputValue[] = []
  if (at.revision) {
    const seq = seqOf(dataset, at.revision)
    if (seq === undefined) return []
    condition = 'AND r.seq <= ?'
    args.push(seq)
  } else if (at.time) {
    condition = 'AND t.timestamp <= ?'
    args.push(at.time)
  }
  const nonNull = at.lastRevision ? 'AND r.doc IS NOT NULL' : ''
  const statement = dataset.reader.prepare(
    `SELECT r.doc FROM revisions r JOIN transactions t ON t.seq = r.seq WHERE r.doc_id = ? ${condition} ${nonNull} ORDER BY r.seq DESC LIMIT 1`,
  )
  return ids.flatMap((id) => {
    const row = statement.get(id, ...args)
    return row?.doc ? [docOf(String(row.doc), id)] : []
  })
}
