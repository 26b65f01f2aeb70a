/**
 * The record of the import command's latest bundle (`importBundle.ts`), read without loading
 * esbuild: which bundle is current, and the versions of the code it runs. The import's own code
 * reads it too (`importManifest.ts` codeVersion), bundled or not.
 */
import {createHash} from 'node:crypto'
import {statSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'

const ROOT = join(import.meta.dirname, '..')

/** What a bundle was built from: each source file's path (from the root), size and time. */
export type Stamp = Array<[path: string, size: number, mtimeMs: number]>

/**
 * The record of the latest bundle: its folder (under the cache), its sources' stamp, and the
 * converter's version (`conversionCache.ts` converterVersion) read from the files it was built
 * from.
 */
export type Latest = {
  format: typeof LATEST_FORMAT
  folder: string
  stamp: Stamp
  converter?: string
  /** The checkout's folder (see {@link latestFile}): a record of one that is gone keeps nothing. */
  root?: string
}

/**
 * The record's format. 2: the stamp holds how the bundle is built (`importBundle.ts`), whose
 * bundles carry a `package.json`; a bundle recorded in format 1 lacks it, and is built again.
 */
export const LATEST_FORMAT = 2

/**
 * The versions of the code a run of a recorded bundle runs, known without reading its files:
 * `code`, the bundle's name (a hash of every file it was built from, with its size and time),
 * and `converter`, the converter's version recorded when it was built.
 */
export interface CodeVersions {
  code: string
  converter?: string
}

/** A bundle's folder, and its versions when it is a recorded bundle. */
export interface Bundle {
  folder: string
  versions?: CodeVersions
}

/** Where bundles are kept: under `node_modules/.cache` unless `IMPORT_BUNDLE_CACHE` says. */
export const bundleCache = () =>
  process.env.IMPORT_BUNDLE_CACHE ?? join(ROOT, 'node_modules', '.cache', 'import-bundle')

/**
 * The record of the latest bundle of the sources under `root`, in `cache`. Each checkout has its
 * own: two that share one `node_modules` (a worktree linked to another's) share the cache, and
 * with one record each would find the other's bundle stale and build its own on every run.
 */
export const latestFile = (cache: string, root = ROOT) =>
  join(cache, `latest-${createHash('sha256').update(root).digest('hex').slice(0, 12)}.json`)

/** Whether a file of the cache is a checkout's record (see {@link latestFile}). */
export const isLatestFile = (name: string) => /^latest-[0-9a-f]{12}\.json$/.test(name)

/**
 * The current stamp of `stamp`'s files (paths from `root`); a file that is gone has size -1.
 * Blocking: nothing else runs yet when a run checks its bundle, and an asynchronous stat of each
 * of its few hundred files costs a promise and a trip to the thread pool apiece.
 */
export function restamp(stamp: Stamp, root = ROOT): Stamp {
  return stamp.map(([path]) => {
    const stats = statSync(join(root, path), {throwIfNoEntry: false})
    return [path, stats?.size ?? -1, stats?.mtimeMs ?? -1]
  })
}

const sameStamp = (a: Stamp, b: Stamp) =>
  a.length === b.length && a.every((entry, i) => entry.join(' ') === b[i].join(' '))

/** The latest bundle and its versions when every file it was built from is as it was. */
export async function latestBundle(
  cache = bundleCache(),
  root = ROOT,
): Promise<Bundle | undefined> {
  const text = await readFile(latestFile(cache, root), 'utf8').catch(() => undefined)
  if (text === undefined) return undefined
  let latest: Latest
  try {
    latest = JSON.parse(text) as Latest
  } catch {
    return undefined
  }
  if (latest.format !== LATEST_FORMAT || !Array.isArray(latest.stamp)) return undefined
  if (!sameStamp(latest.stamp, restamp(latest.stamp, root))) return undefined
  const converter = typeof latest.converter === 'string' ? {converter: latest.converter} : {}
  return {folder: join(cache, latest.folder), versions: {code: latest.folder, ...converter}}
}
