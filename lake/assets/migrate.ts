import {runTransaction} from '../mutate/transaction.ts'
import type {Dataset} from '../store/dataset.ts'
import {DATA_MIGRATIONS} from '../store/schema.ts'

const ASSET_TYPES = new Set(['sanity.imageAsset', 'sanity.fileAsset'])

/** A lake's own origin (a loopback name with any port) in front of an asset path. */
const LAKE_ORIGIN =
  /^https?:\/\/(?:localhost|127\.0\.0\.1|\[::1\]|[a-z0-9.-]+\.localhost)(?::\d+)?(?=\/(?:images|files)\/)/i

/** The name this migration is recorded under in the dataset file's `migrations` table. */
export const PORT_FREE_ASSET_URLS = DATA_MIGRATIONS.portFreeAssetUrls

/**
 * The rows that can hold a URL {@link LAKE_ORIGIN} matches: their JSON text names a loopback
 * host (LIKE ignores ASCII case, as the pattern does; the lake writes documents with
 * JSON.stringify, which never escapes these characters). SQLite scans the text; only these rows
 * are parsed.
 */
const CANDIDATES = `SELECT id, doc FROM documents
  WHERE doc LIKE '%localhost%' OR doc LIKE '%127.0.0.1%' OR doc LIKE '%[::1]%'`

/**
 * The port-free form of an asset URL an earlier lake stored with its own host and port
 * (`https://localhost:3443/images/…` → `/images/…`), or null when there is nothing to change.
 */
export function portFreeUrl(url: unknown): string | null {
  if (typeof url !== 'string' || !LAKE_ORIGIN.test(url)) return null
  return url.replace(LAKE_ORIGIN, '')
}

/** What {@link makeAssetUrlsPortFree} did: documents it parsed and documents it rewrote. */
export type PortFreeReport = {parsed: number; rewritten: number}

/**
 * Rewrites, in one transaction, the asset documents whose `url` names the host and port of the
 * lake that stored them (dead once it runs on another port) to the path alone. Runs once per
 * dataset file an older lake wrote: afterwards the `migrations` table records it, and later
 * opens read nothing (a file this lake created records it from the start).
 */
export async function makeAssetUrlsPortFree(dataset: Dataset): Promise<PortFreeReport> {
  const ran = dataset.db.prepare('SELECT 1 AS ran FROM migrations WHERE name = ?')
  if (ran.get(PORT_FREE_ASSET_URLS)) return {parsed: 0, rewritten: 0}
  const stale: Array<{id: string; url: string}> = []
  let parsed = 0
  for (const row of dataset.db.prepare(CANDIDATES).iterate()) {
    const id = String(row.id)
    // A document the load left out (it breaks the lake's rules) is neither read nor rewritten.
    if (!dataset.has(id)) continue
    parsed++
    const doc = JSON.parse(String(row.doc)) as {_type?: unknown; url?: unknown}
    const url = ASSET_TYPES.has(String(doc._type)) ? portFreeUrl(doc.url) : null
    if (url) stale.push({id, url})
  }
  if (stale.length) {
    await runTransaction(dataset, {author: 'local-lake'}, async (ws) => {
      for (const {id, url} of stale) {
        const patch = {patch: {id, set: {url}}}
        ws.record(patch)
        ws.put(id, {...ws.get(id)!, url}, patch)
      }
    })
  }
  // Recorded after the rewrite committed: a crash between the two only runs it again.
  dataset.db
    .prepare('INSERT OR IGNORE INTO migrations (name, at) VALUES (?, ?)')
    .run(PORT_FREE_ASSET_URLS, new Date().toISOString())
  return {parsed, rewritten: stale.length}
}
