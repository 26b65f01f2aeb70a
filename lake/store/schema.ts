import type {DatabaseSync} from 'node:sqlite'

/**
 * Settings SQLite keeps per connection, for every connection that writes: FULL fsyncs each
 * commit so a committed transaction survives a crash or power loss.
 */
export const WRITE_PRAGMAS = 'PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;'

/**
 * The page size of a new dataset file (SQLite's default is 4 KB). A lesson's JSON is about 10 KB,
 * so with 4 KB pages most documents, current and in history, spilled over a chain of overflow
 * pages; at 16 KB most fit in one. A first import of the 5,000-lesson synthetic site took 0.983×
 * the CPU (6 paired runs); a small edit writes somewhat more bytes to the log. A file keeps the
 * page size it was created with.
 */
export const PAGE_SIZE = 16_384

/**
 * The one-time rewrites of stored documents, by the name the `migrations` table records them
 * under. A file this lake creates holds nothing written the old way, so it records them all as
 * done when it is created, and no later open reads its documents for them.
 */
export const DATA_MIGRATIONS = {portFreeAssetUrls: 'asset-urls-port-free'} as const

/**
 * Creates the tables of a dataset file; safe to run on an existing file. `quarantine` keeps
 * documents set aside at load because they break the lake's rules (see store/quarantine.ts);
 * `migrations` names the one-time rewrites of stored documents that have run on this file;
 * `load_checks` the last transaction whose documents those rules have checked.
 */
export function migrate(db: DatabaseSync): void {
  const created = !db
    .prepare("SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = 'documents'")
    .get()
  // Only a file with nothing in it yet takes a page size (WAL fixes it from then on).
  if (created) db.exec(`PRAGMA page_size = ${PAGE_SIZE}`)
  // WAL keeps readers unblocked (and is kept in the file, for every connection).
  db.exec(WRITE_PRAGMAS)
  db.exec(`
    PRAGMA journal_mode = WAL;
    CREATE TABLE IF NOT EXISTS documents (
      id TEXT PRIMARY KEY,
      doc TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS transactions (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      timestamp TEXT NOT NULL,
      author TEXT NOT NULL,
      mutations TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS revisions (
      seq INTEGER NOT NULL REFERENCES transactions(seq),
      doc_id TEXT NOT NULL,
      rev TEXT,
      previous_rev TEXT,
      doc TEXT,
      mutations TEXT NOT NULL,
      PRIMARY KEY (doc_id, seq)
    );
    CREATE INDEX IF NOT EXISTS revisions_by_rev ON revisions (doc_id, rev);
    CREATE INDEX IF NOT EXISTS revisions_by_seq ON revisions (seq);
    CREATE TABLE IF NOT EXISTS quarantine (
      id TEXT NOT NULL,
      doc TEXT NOT NULL,
      reason TEXT NOT NULL,
      at TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS files (
      path TEXT PRIMARY KEY,
      mime TEXT NOT NULL,
      data BLOB NOT NULL
    );
    CREATE TABLE IF NOT EXISTS migrations (
      name TEXT PRIMARY KEY,
      at TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS load_checks (
      rules TEXT PRIMARY KEY,
      seq INTEGER NOT NULL
    );
  `)
  if (!created) return
  const done = db.prepare('INSERT OR IGNORE INTO migrations (name, at) VALUES (?, ?)')
  const at = new Date().toISOString()
  for (const name of Object.values(DATA_MIGRATIONS)) done.run(name, at)
}
