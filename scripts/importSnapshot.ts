/**
 * The import command's snapshot of the site it last prepared (`<lake>/cache/site-<dataset>.json`,
 * see `snapshotSite`): the one-page path restores the site from it and the changed pages, instead
 * of reading every page and building the navigation again. It holds for one manifest key and one
 * site shape: the manifest's, or it is not used.
 */
import {mkdir, readFile} from 'node:fs/promises'
import {dirname, join} from 'node:path'

import {snapshotSite, type SiteSnapshot} from '../importer/site/snapshot.ts'
import type {PreparedSite} from '../importer/site/stages.ts'
import {survivesJson} from './importFrontMatter.ts'
import {writeAtomically} from './writeAtomically.ts'

/** The snapshot file of `dataset` in the lake folder. */
export const snapshotFile = (lakeDir: string, dataset: string) =>
  join(lakeDir, 'cache', `site-${dataset}.json`)

/** What the file holds. */
interface SnapshotFile {
  key: string
  shape: string
  snapshot: SiteSnapshot
}

/**
 * Writes the snapshot of `prepared` (whose shape is `shape`) for `key`; removes nothing when the
 * site cannot have one (a page body enters its preparation, or JSON would change a value): the
 * file then names another shape or key, and is not used.
 */
export async function writeSnapshot(
  file: string,
  key: string,
  shape: string,
  prepared: PreparedSite,
): Promise<void> {
  const snapshot = snapshotSite(prepared)
  if ('reason' in snapshot || !survivesJson(snapshot)) return
  await mkdir(dirname(file), {recursive: true})
  await writeAtomically(file, [JSON.stringify({key, shape, snapshot} satisfies SnapshotFile)])
}

/** The snapshot in `file` when it was written for `key` and `shape`, else undefined. */
export async function readSnapshot(
  file: string,
  key: string,
  shape: string,
): Promise<SiteSnapshot | undefined> {
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as SnapshotFile
    return stored.key === key && stored.shape === shape ? stored.snapshot : undefined
  } catch {
    return undefined
  }
}
