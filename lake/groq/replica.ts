import {DatabaseSync} from 'node:sqlite'
import type {Doc} from '../store/types.ts'
import type {DocumentSource} from './query.ts'

/** A committed transaction as query workers receive it: the documents it leaves behind. */
export type ReplicatedCommit = {seq: number; changes: Array<{id: string; after: Doc | null}>}

/**
 * A query worker's copy of one dataset's current documents. It loads them from the dataset file
 * (a read-only connection; WAL lets it read while the lake writes) and then applies the commits
 * the lake posts, skipping those the snapshot already holds.
 */
export class Replica implements DocumentSource {
  readonly documents = new Map<string, Doc>()
  version = 0
  /** The sequence number of the last transaction reflected in `documents`. */
  seq = 0

  readonly #file: string
  #db: DatabaseSync | null = null

  constructor(file: string) {
    this.#file = file
  }

  /** Reads every document and the latest transaction sequence in one read transaction. */
  static load(file: string): Replica {
    const replica = new Replica(file)
    const db = new DatabaseSync(file, {readOnly: true, timeout: 5_000})
    try {
      db.exec('BEGIN')
      const row = db.prepare('SELECT coalesce(max(seq), 0) AS seq FROM transactions').get()
      replica.seq = Number(row?.seq ?? 0)
      for (const doc of db.prepare('SELECT doc FROM documents').iterate()) {
        const parsed = JSON.parse(String(doc.doc)) as Doc
        replica.documents.set(parsed._id, parsed)
      }
      db.exec('COMMIT')
    } finally {
      db.close()
    }
    return replica
  }

  /** Applies a commit newer than the snapshot. */
  apply(commit: ReplicatedCommit): void {
    if (commit.seq <= this.seq) return
    for (const {id, after} of commit.changes) {
      if (after) this.documents.set(id, after)
      else this.documents.delete(id)
    }
    this.seq = commit.seq
    this.version++
  }

  /** Applies a committed transaction newer than the snapshot, reading its documents from the file. */
  applyFromFile(seq: number): void {
    if (seq <= this.seq) return
    this.#db ??= new DatabaseSync(this.#file, {readOnly: true, timeout: 5_000})
    const rows = this.#db.prepare('SELECT doc_id, doc FROM revisions WHERE seq = ?').iterate(seq)
    const changes: ReplicatedCommit['changes'] = []
    for (const row of rows) {
      const after = row.doc === null ? null : (JSON.parse(String(row.doc)) as Doc)
      changes.push({id: String(row.doc_id), after})
    }
    this.apply({seq, changes})
  }
}
