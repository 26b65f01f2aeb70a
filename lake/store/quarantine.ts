import type {DatabaseSync} from 'node:sqlite'
import {documentProblem, LOAD_LIMITS} from './document-rules.ts'
import type {Doc} from './types.ts'

type Refused = {rowId: string; text: string; reason: string}

/** Names the rules a load applies: when they change, every stored document is checked again. */
export const LOAD_RULES = `documentProblem v1 ${JSON.stringify(LOAD_LIMITS)}`

/**
 * Reads the current documents of a dataset file. A stored document that breaks the lake's rules
 * (an id that is not a valid string, no `_type`, invalid JSON, nesting that could overflow the
 * stack: all possible in files written before the lake checked them) is moved to the
 * `quarantine` table with the reason, and `warn` is told, so one bad document cannot fail every
 * query, every restart and its history. Holds none of them (one is parsed at a time, so a large
 * dataset is not all in memory at once) and returns the ids of those that fail but could not be
 * moved (the lake leaves them out of every read).
 *
 * Once every document passed (or was moved), the file records the last transaction then
 * committed (`load_checks`), and later loads check only the documents written after it: a lake
 * writes every document with a revision row of a later transaction. A transaction whose documents
 * the lake checked before writing them (`runTransaction`, under rules stricter than these) moves
 * the record on in its own commit, when the record stood at the transaction before it (see
 * `transactionWriter`), so a load after a lake's own writes parses none of them. A row changed in
 * the file without a transaction (by hand, with SQL) after that is not checked again.
 */
export function loadDocuments(
  db: DatabaseSync,
  file: string,
  warn: (message: string) => void,
): string[] {
  const record = db.prepare('SELECT seq FROM load_checks WHERE rules = ?').get(LOAD_RULES)
  const checked = record ? Number(record.seq) : undefined
  const latest = Number(
    db.prepare('SELECT coalesce(max(seq), 0) AS seq FROM transactions').get()?.seq,
  )
  const rows =
    checked === undefined
      ? db.prepare('SELECT id, doc FROM documents').iterate()
      : db
          .prepare(
            'SELECT id, doc FROM documents WHERE id IN (SELECT doc_id FROM revisions WHERE seq > ?)',
          )
          .iterate(checked)
  const refused: Refused[] = []
  for (const row of rows) {
    const rowId = String(row.id)
    const text = String(row.doc)
    let doc: unknown
    try {
      doc = JSON.parse(text)
    } catch (error) {
      refused.push({rowId, text, reason: `not valid JSON (${(error as Error).message})`})
      continue
    }
    const problem =
      documentProblem(doc, LOAD_LIMITS, text) ??
      ((doc as Doc)._id === rowId ? null : `its _id does not match the stored id "${rowId}"`)
    if (problem) refused.push({rowId, text, reason: problem})
  }
  const moved = refused.length === 0 || quarantine(db, refused, file, warn)
  if (!moved) return refused.map(({rowId}) => rowId)
  if (checked !== latest) {
    db.prepare('INSERT OR REPLACE INTO load_checks (rules, seq) VALUES (?, ?)').run(
      LOAD_RULES,
      latest,
    )
  }
  return []
}

function quarantine(
  db: DatabaseSync,
  refused: Refused[],
  file: string,
  warn: (message: string) => void,
): boolean {
  const at = new Date().toISOString()
  let moved = true
  let kept = `It is kept in the "quarantine" table of that file; fix it and write it again, or delete it there`
  try {
    db.exec('BEGIN IMMEDIATE')
    const keep = db.prepare('INSERT INTO quarantine (id, doc, reason, at) VALUES (?, ?, ?, ?)')
    const remove = db.prepare('DELETE FROM documents WHERE id = ?')
    for (const {rowId, text, reason} of refused) {
      keep.run(rowId, text, reason, at)
      remove.run(rowId)
    }
    db.exec('COMMIT')
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK')
    moved = false
    kept = `It stays in the documents table (moving it to "quarantine" failed: ${(error as Error).message}) and is left out at every start until fixed`
  }
  for (const {rowId, reason} of refused) {
    warn(`Left out document "${rowId.slice(0, 140)}" of ${file}: ${reason}. ${kept}`)
  }
  return moved
}
