import type {DatabaseSync} from 'node:sqlite'
import {writeAssetFiles} from './asset-files.ts'
import {LOAD_RULES} from './quarantine.ts'
import {joined, type StoredFile, type Text} from './types.ts'
import {utf8Writer} from './utf8.ts'

/** One changed document: id, revision, previous revision, JSON after (null: deleted), mutations. */
export type RevisionRow = [string, string | null, string | null, Text | null, Text]

/** The header of a transaction as the `transactions` table keeps it (mutations as JSON). */
export type TransactionRow = {id: string; timestamp: string; author: string; mutations: Text}

/**
 * Whether every document the transaction writes passed the lake's write rules before it was
 * posted (`checkDocuments`, stricter than the load's) under the id it is stored with.
 */
export type Checked = {checked?: boolean}

/** The bytes the `files` table holds for a file kept in the files folder. */
const NO_BYTES = new Uint8Array(0)

/**
 * Writes transactions into a dataset file through one connection: `begin` opens the SQLite
 * transaction and returns its sequence number, `rows` adds changed documents (current row and
 * history snapshot), `files` the asset files it stores (in `filesFolder`, see asset-files.ts),
 * `commit` makes it durable. Used by the writer thread and the synchronous
 * `Dataset.commit`, so both write the same rows. A checked transaction (see {@link Checked})
 * moves the load check's record (store/quarantine.ts) on to itself, in the same commit, when the
 * record stood at the transaction before it: every document up to it is then known to pass.
 */
export function transactionWriter(db: DatabaseSync, filesFolder: string) {
  const upsert = db.prepare(
    'INSERT INTO documents (id, doc) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET doc = excluded.doc',
  )
  const remove = db.prepare('DELETE FROM documents WHERE id = ?')
  // The mutations as UTF-8 bytes stored as text: never joined into one string (see utf8.ts).
  const insertTransaction = db.prepare(
    'INSERT INTO transactions (id, timestamp, author, mutations) VALUES (?, ?, ?, CAST(? AS TEXT))',
  )
  const utf8 = utf8Writer()
  const insertRevision = db.prepare(
    'INSERT INTO revisions (seq, doc_id, rev, previous_rev, doc, mutations) VALUES (?, ?, ?, ?, ?, ?)',
  )
  const insertFile = db.prepare('INSERT OR IGNORE INTO files (path, mime, data) VALUES (?, ?, ?)')
  const advanceCheck = db.prepare(
    `UPDATE load_checks SET seq = :seq WHERE rules = :rules
       AND seq = (SELECT coalesce(max(seq), 0) FROM transactions WHERE seq < :seq)`,
  )
  return {
    begin({id, timestamp, author, mutations}: TransactionRow, {checked}: Checked = {}): number {
      db.exec('BEGIN IMMEDIATE')
      const seq = Number(
        insertTransaction.run(id, timestamp, author, utf8(mutations)).lastInsertRowid,
      )
      if (checked) advanceCheck.run({seq, rules: LOAD_RULES})
      return seq
    },
    rows(seq: number, rows: readonly RevisionRow[]): void {
      for (const [id, rev, previousRev, parts, mutations] of rows) {
        const json = parts === null ? null : joined(parts)
        if (json) upsert.run(id, json)
        else remove.run(id)
        insertRevision.run(seq, id, rev, previousRev, json, joined(mutations))
      }
    },
    /**
     * Stores asset files: their bytes in the files folder, durably before the commit, and their
     * paths and types in the `files` table, with no bytes (those of files stored by earlier
     * versions are in it). Storing a path again keeps its first bytes (it names them).
     */
    files(files: readonly StoredFile[]): void {
      writeAssetFiles(filesFolder, files)
      for (const {path, mime} of files) insertFile.run(path, mime, NO_BYTES)
    },
    commit(): void {
      db.exec('COMMIT')
    },
    /** Rolls back what is open; SQLite has already rolled back after a full disk or I/O error. */
    rollback(): void {
      if (db.isTransaction) db.exec('ROLLBACK')
    },
  }
}
