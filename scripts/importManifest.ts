/**
 * The import command's record of its last sync into a local dataset
 * (`<lake>/cache/import-<dataset>.json`): a hash of every file it read, of every image its
 * documents named, of its code and flags, the dataset's last transaction, and what it reported.
 * When all of them are the same again, the command has nothing to convert, validate or write,
 * and says so after reading and hashing the files, without parsing a page or opening the dataset.
 */
import {createHash} from 'node:crypto'
import {mkdir, readdir, readFile, realpath, stat} from 'node:fs/promises'
import {dirname, join, sep} from 'node:path'

import type {ImportStats} from '../importer/site/importSite.ts'
import type {PageHead} from '../importer/site/shape.ts'
import type {Diagnostic, SiteFile} from '../importer/index.ts'
import type {LoggedTransaction} from '../lake/store/transactions-read.ts'
import type {SyncProblem, SyncReport} from '../sync/types.ts'
import {writeAtomically} from './writeAtomically.ts'

const ROOT = join(import.meta.dirname, '..')

/** Folders whose code decides what an import converts, validates and writes. */
const CODE = ['importer', 'schemas', 'sync', 'targets', join('lake', 'store'), 'scripts']

/** The scripts of the import command itself (the rest of `scripts/` are other commands). */
const IMPORT_SCRIPTS =
  /^scripts\/(?:import[A-Z]\w*|readSite|conversionCache|convertPages|convertWorker|limitFlags|writeAtomically)\.ts$/

/** What the last run reported, replayed when nothing changed. */
export interface RecordedOutcome {
  /** The importer's own diagnostics (what an unchanged re-import reports). */
  diagnostics: Diagnostic[]
  stats: ImportStats
  /** Pages whose bodies the importer converts. */
  pages: number
  /** Documents the dataset holds from this site, all unchanged on a re-run. */
  documents: number
  /** Image problems that recur while the files are the same (a missing image). */
  problems: SyncProblem[]
}

/** The record of one import into one dataset. */
export interface ImportManifest {
  format: 1
  /** Hash of the code, the site folder, the dataset and every flag that changes the outcome. */
  key: string
  /** The dataset's last transaction after the import: any later commit is someone else's. */
  dataset: LoggedTransaction
  /** SHA-256 of each file the import read, by site path. */
  files: Record<string, string>
  /** Hash of the problems met reading the folder (links, unreadable files). */
  readProblems: string
  /** `<real path> <SHA-256>` of each local image the documents name (null: unreadable). */
  images: Record<string, string | null>
  outcome: RecordedOutcome
  /**
   * What the one-page path needs to rewrite only the documents of changed pages: the shape of
   * the site (`siteShape`) and each page's conversion without its body, by document id.
   */
  site?: RecordedSite
}

/** The site as the recorded import prepared it, besides its page bodies. */
export interface RecordedSite {
  shape: string
  pages: Record<string, PageHead>
  /**
   * The converter's version (`converterVersion`) the pages were converted with: the same while
   * the manifest's key is, which covers the converter's code.
   */
  converter?: string
}

/** What the current run finds, to compare with a manifest. */
export interface CurrentInputs {
  key: string
  dataset: LoggedTransaction | undefined
  files: Record<string, string>
  readProblems: string
  images: Record<string, string | null>
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex')

/** The manifest file of `dataset` in the lake folder. */
export const manifestFile = (lakeDir: string, dataset: string) =>
  join(lakeDir, 'cache', `import-${dataset}.json`)

/** SHA-256 of every file's bytes (or text), by its site path. */
export function fingerprintFiles(files: readonly SiteFile[]): Record<string, string> {
  const hashes: Record<string, string> = {}
  for (const file of files) hashes[file.path] = sha256(file.bytes ?? file.text ?? '')
  return hashes
}

/** A hash of the problems met reading the site folder. */
export const fingerprintProblems = (problems: readonly Diagnostic[]) =>
  sha256(JSON.stringify(problems))

/** `<real path> <SHA-256>` of each image file, null for one that cannot be read. */
export async function fingerprintImages(
  paths: readonly string[],
): Promise<Record<string, string | null>> {
  const entries = await Promise.all(
    paths.map(async (path) => {
      try {
        const real = await realpath(path)
        return [path, `${real} ${sha256(await readFile(real))}`] as const
      } catch {
        return [path, null] as const
      }
    }),
  )
  return Object.fromEntries(entries)
}

/**
 * A hash of the import's code (see {@link CODE}) and of package-lock.json: each file's path,
 * size and modification time, as build tools decide what to rebuild (reading them all would
 * cost an unchanged re-import more than its pages' bytes on a small site).
 */
export async function codeVersion(): Promise<string> {
  const files = (
    await Promise.all(
      CODE.map(async (folder) =>
        (await readdir(join(ROOT, folder), {recursive: true}))
          .map((name) => join(folder, name).split(sep).join('/'))
          .filter((name) => name.endsWith('.ts') && !/\.test(-support)?\.ts$/.test(name))
          .filter((name) => !name.startsWith('scripts/') || IMPORT_SCRIPTS.test(name)),
      ),
    )
  ).flat()
  files.push('package-lock.json')
  files.sort()
  const stats = await Promise.all(files.map((file) => stat(join(ROOT, file))))
  return sha256(files.map((file, i) => `${file} ${stats[i].size} ${stats[i].mtimeMs}`).join('\n'))
}

/** The manifest's key: the code and everything of the command line that changes the outcome. */
export const manifestKey = (parts: Record<string, unknown>) => sha256(JSON.stringify(parts))

/** The first name in `a` or `b` whose value differs, if any. */
function firstDifference(
  a: Readonly<Record<string, unknown>>,
  b: Readonly<Record<string, unknown>>,
): string | undefined {
  for (const name of Object.keys(a)) if (a[name] !== b[name]) return name
  for (const name of Object.keys(b)) if (!(name in a)) return name
  return undefined
}

/**
 * Why the last import's record does not hold for this run, in words (a changed file, image,
 * flag, code, or a commit to the dataset since), or undefined when nothing changed.
 */
export function whatChanged(
  manifest: ImportManifest | undefined,
  current: CurrentInputs,
): string | undefined {
  if (!manifest) return 'no record of an earlier import into this dataset'
  if (manifest.key !== current.key) return 'the code, the site folder or a flag changed'
  if (!current.dataset) return 'the dataset has no transactions'
  if (manifest.dataset.seq !== current.dataset.seq || manifest.dataset.id !== current.dataset.id)
    return 'the dataset changed since the last import (an edit, or another import)'
  const file = firstDifference(manifest.files, current.files)
  if (file !== undefined)
    return `${file} ${file in current.files ? (file in manifest.files ? 'changed' : 'is new') : 'is gone'}`
  if (manifest.readProblems !== current.readProblems)
    return 'what the folder holds changed (a link, an unreadable file)'
  const image = firstDifference(manifest.images, current.images)
  if (image !== undefined) return `the image ${image} changed`
  return undefined
}

/** The manifest in `file`, or undefined when there is none or it cannot be read as one. */
export async function readManifest(file: string): Promise<ImportManifest | undefined> {
  try {
    const manifest = JSON.parse(await readFile(file, 'utf8')) as ImportManifest
    return manifest.format === 1 ? manifest : undefined
  } catch {
    return undefined
  }
}

/** Writes the manifest whole or not at all (through a temporary file renamed into place). */
export async function writeManifest(file: string, manifest: ImportManifest): Promise<void> {
  await mkdir(dirname(file), {recursive: true})
  await writeAtomically(file, [JSON.stringify(manifest)])
}

/**
 * Whether a sync's outcome is the same on an unchanged re-run, so a manifest may stand for it:
 * nothing failed, skipped, in conflict or kept, and the only problems are images that could not
 * be read (an upload that failed is tried again).
 */
export function repeatsUnchanged(report: SyncReport): boolean {
  const {failed, skipped, conflict, kept} = report.counts
  return (
    !report.dryRun &&
    failed + skipped + conflict + kept === 0 &&
    report.problems.every((p) => p.kind === 'image' && !p.message.includes('cannot upload'))
  )
}
