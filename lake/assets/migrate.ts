import {runTransaction} from '../mutate/transaction.ts'
import type {Dataset} from '../store/dataset.ts'

const ASSET_TYPES = new Set(['sanity.imageAsset', 'sanity.fileAsset'])

/** A lake's own origin (a loopback name with any port) in front of an asset path. */
const LAKE_ORIGIN =
  /^https?:\/\/(?:localhost|127\.0\.0\.1|\[::1\]|[a-z0-9.-]+\.localhost)(?::\d+)?(?=\/(?:images|files)\/)/i

/**
 * The port-free form of an asset URL an earlier lake stored with its own host and port
 * (`https://localhost:3443/images/…` → `/images/…`), or null when there is nothing to change.
 */
export function portFreeUrl(url: unknown): string | null {
  if (typeof url !== 'string' || !LAKE_ORIGIN.test(url)) return null
  return url.replace(LAKE_ORIGIN, '')
}

/**
 * Rewrites, in one transaction, the asset documents whose `url` names the host and port of the
 * lake that stored them (dead once it runs on another port) to the path alone; returns how many.
 */
export async function makeAssetUrlsPortFree(dataset: Dataset): Promise<number> {
  const stale: Array<{id: string; url: string}> = []
  for (const doc of dataset.all()) {
    const url = ASSET_TYPES.has(String(doc._type)) ? portFreeUrl(doc.url) : null
    if (url) stale.push({id: doc._id, url})
  }
  if (!stale.length) return 0
  await runTransaction(dataset, {author: 'local-lake'}, async (ws) => {
    for (const {id, url} of stale) {
      const patch = {patch: {id, set: {url}}}
      ws.record(patch)
      ws.put(id, {...dataset.get(id)!, url}, patch)
    }
  })
  return stale.length
}
