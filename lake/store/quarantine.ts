import type {DatabaseSync} from 'node:sqlite'
import {documentProblem, LOAD_LIMITS} from './document-rules.ts'
import type {Doc} from './types.ts'

type Refused = {rowId: string; text: string; reason: string}

/**
 * Reads the current documents of a dataset file. A stored document that breaks the lake's rules
 * (an id that is not a valid string, no `_type`, invalid JSON, nesting that could overflow the
 * stack: all possible in files written before the lake checked them) is moved to the
 * `quarantine` table with the reason, and `warn` is told, so one bad document cannot fail every
 * query, every restart and its history. Hands each document that passes to `keep` (one at a
 * time: none is held here, so a large dataset is not all in memory at once) and returns the ids
 * of those that fail but could not be moved (the lake leaves them out of every read).
 */
export function loadDocuments(
  db: DatabaseSync,
  file: string,
  warn: (message: string) => void,
  keep: (doc: Doc) => void,
): string[] {
  const refused: Refused[] = []
  for (const row of db.prepare('SELECT id, doc FROM documents').iterate()) {
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
      documentProblem(doc, LOAD_LIMITS, text.length) ??
      ((doc as Doc)._id === rowId ? null : `its _id does not match the stored id "${rowId}"`)
    if (problem) refused.push({rowId, text, reason: problem})
    else keep(doc as Doc)
  }
  const moved = refused.length === 0 || quarantine(db, refused, file, warn)
  return moved ? [] : refused.map(({rowId}) => rowId)
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
