/**
 * Reads a dataset file's transaction log without opening the dataset (no documents loaded), for
 * a process that only needs to know whether anything was committed since it last looked: the
 * import command's unchanged-site check. Read-only, and safe while a lake has the file open.
 */
import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {DatabaseSync} from 'node:sqlite'

/** A committed transaction's place in the log and its id. */
export type LoggedTransaction = {seq: number; id: string}

/** The dataset file of `dataset` in a lake's data folder (`<lake>/data` by default). */
export const datasetFile = (dataDir: string, dataset: string) => join(dataDir, `${dataset}.sqlite`)

/** A transaction after the position asked about, with the ids of the documents it changed. */
export type LaterTransaction = {id: string; documents: string[]}

/**
 * The last transaction committed to the dataset file and every transaction after `since` (a
 * sequence number), or undefined when the file does not exist or has no log yet.
 */
export function readTransactionLog(
  file: string,
  since?: number,
): {last: LoggedTransaction; after: LaterTransaction[]} | undefined {
  if (!existsSync(file)) return undefined
  // A lake closing the file checkpoints it and may hold it for a moment: wait, do not fail.
  const db = new DatabaseSync(file, {readOnly: true, timeout: 10_000})
  try {
    const hasLog = db
      .prepare(
        "SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = 'transactions'",
      )
      .get()
    if (!hasLog) return undefined
    const last = db.prepare('SELECT seq, id FROM transactions ORDER BY seq DESC LIMIT 1').get() as
      LoggedTransaction | undefined
    if (!last) return undefined
    const after = new Map<string, string[]>()
    if (since !== undefined) {
      const rows = db
        .prepare(
          `SELECT t.id AS id, r.doc_id AS doc FROM transactions t
           LEFT JOIN revisions r ON r.seq = t.seq WHERE t.seq > ? ORDER BY t.seq`,
        )
        .all(since) as {id: string; doc: string | null}[]
      for (const row of rows) {
        const documents = after.get(row.id) ?? []
        if (row.doc !== null) documents.push(row.doc)
        after.set(row.id, documents)
      }
    }
    return {
      last: {seq: Number(last.seq), id: last.id},
      after: [...after].map(([id, documents]) => ({id, documents})),
    }
  } finally {
    db.close()
  }
}

/** The id of the transaction committed at `seq`, if the file holds one there. */
export function transactionIdAt(file: string, seq: number): string | undefined {
  if (!existsSync(file)) return undefined
  const db = new DatabaseSync(file, {readOnly: true, timeout: 10_000})
  try {
    const row = db.prepare('SELECT id FROM transactions WHERE seq = ?').get(seq) as
      {id: string} | undefined
    return row?.id
  } catch {
    return undefined
  } finally {
    db.close()
  }
}

/**
 * The current documents with these ids, read from the dataset file without opening the dataset
 * (absent ids are left out): for a process that needs a handful of documents, not all of them.
 */
export function readDocuments(
  file: string,
  ids: readonly string[],
): Map<string, Record<string, unknown>> {
  const found = new Map<string, Record<string, unknown>>()
  if (!ids.length || !existsSync(file)) return found
  const db = new DatabaseSync(file, {readOnly: true, timeout: 10_000})
  try {
    const select = db.prepare('SELECT doc FROM documents WHERE id = ?')
    for (const id of ids) {
      const row = select.get(id) as {doc: string} | undefined
      if (row) found.set(id, JSON.parse(String(row.doc)) as Record<string, unknown>)
    }
    return found
  } finally {
    db.close()
  }
}
