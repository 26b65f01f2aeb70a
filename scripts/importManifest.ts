/**
 * The import command's record of its last sync into a local dataset
 * (`<lake>/cache/import-<dataset>.json`): a hash of every file it read, of every image its
 * documents named, of its code and flags, the dataset's last transaction, and what it reported.
 * When all of them are the same again, the command has nothing to convert, validate or write,
 * and says so after reading and hashing the files, without parsing a page or opening the dataset.
 *
 * A full import writes the record whole. A one-page import changes a few of its entries (one
 * file's hash, one page's conversion, that page's diagnostics, the dataset's last transaction),
 * so it writes only those, as a patch beside it (`import-<dataset>.patches.ndjson`, every patch
 * since the record was last written whole) instead of the whole record (about 3 MB for 5,000
 * lessons): the patches name the record they apply to by an id, so a record written whole since
 * leaves them unused.
 */
import {createHash, randomBytes} from 'node:crypto'
import {mkdir, readdir, readFile, rm, stat} from 'node:fs/promises'
import {dirname, join, sep} from 'node:path'

import type {ImportStats} from '../importer/site/importSite.ts'
import type {PageHead} from '../importer/site/shape.ts'
import type {Diagnostic, SiteFile} from '../importer/index.ts'
import type {LoggedTransaction} from '../lake/store/transactions-read.ts'
import type {SyncProblem, SyncReport} from '../sync/types.ts'
import type {ImageHashes, ImageStamps} from './imageFingerprints.ts'
import {latestBundle} from './importBundleRecord.ts'
import {writeAtomically} from './writeAtomically.ts'

const ROOT = join(import.meta.dirname, '..')

/** Folders whose code decides what an import converts, validates and writes. */
const CODE = ['importer', 'schemas', 'sync', 'targets', join('lake', 'store'), 'scripts']

/** The scripts of the import command itself (the rest of `scripts/` are other commands). */
const IMPORT_SCRIPTS =
  /^scripts\/(?:import[A-Z]\w*|readSite|conversionCache|convertPages|convertWorker|limitFlags|writeAtomically)\.ts$/

/** What the last run reported, replayed when nothing changed. */
export interface RecordedOutcome {
  /**
   * The importer's own diagnostics a report shows (`shownProblems`): what an unchanged
   * re-import reports.
   */
  diagnostics: Diagnostic[]
  /** What the Studio's rules found in the documents, each naming its document (reported too). */
  schema?: Diagnostic[]
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
  images: ImageHashes
  /**
   * What identifies the bytes of each image hashed here without reading them again (see
   * `imageFingerprints.ts`); an image without one is read and hashed again.
   */
  imageStamps?: ImageStamps
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
  images: ImageHashes
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex')

/** The manifest file of `dataset` in the lake folder. */
export const manifestFile = (lakeDir: string, dataset: string) =>
  join(lakeDir, 'cache', `import-${dataset}.json`)

/**
 * SHA-256 of every file's bytes (or text), by its site path; and `listed` for each of `others`,
 * files the import does not read but Liquid lists (`site.static_files`): one added or removed
 * is a change, as a page listing the site's PDFs shows one more or one less.
 */
export function fingerprintFiles(
  files: readonly SiteFile[],
  others: readonly string[] = [],
): Record<string, string> {
  const hashes: Record<string, string> = {}
  for (const file of files) hashes[file.path] = sha256(file.bytes ?? file.text ?? '')
  for (const path of others) hashes[path] ??= LISTED
  return hashes
}

/** What {@link fingerprintFiles} records of a file it lists without reading. */
const LISTED = 'listed'

/** A hash of the problems met reading the site folder. */
export const fingerprintProblems = (problems: readonly Diagnostic[]) =>
  sha256(JSON.stringify(problems))

/**
 * The version of the import's code: the name of its current bundle (a hash of every file the
 * import runs, with its size and time; `importBundleRecord.ts`), whether this run is the bundle
 * or its sources, so a run of either finds the other's record. Without a current bundle, a hash
 * of {@link CODE}'s files and package-lock.json the same way.
 */
export async function codeVersion(): Promise<string> {
  return (await latestBundle())?.versions?.code ?? (await codeFoldersVersion())
}

/**
 * A hash of the import's code (see {@link CODE}) and of package-lock.json: each file's path,
 * size and modification time, as build tools decide what to rebuild (reading them all would
 * cost an unchanged re-import more than its pages' bytes on a small site).
 */
async function codeFoldersVersion(): Promise<string> {
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

/** The file of the patches to the manifest `file` (see {@link writeManifest}). */
export const patchesFile = (file: string) => file.replace(/(\.json)?$/, '.patches.ndjson')

/**
 * How a manifest was read: from which file, the id of the record written whole, the patches
 * applied to it (their JSON texts) and the record's size, so the next write can add a patch.
 */
interface Stored {
  file: string
  id: string
  patches: string[]
  size: number
}

const storedAs = new WeakMap<ImportManifest, Stored>()

/**
 * Patches past this fraction of the whole record's size are written into it instead: a patch
 * file must stay cheap to read, apply and write again.
 */
const MOST_PATCHES = 1 / 16

/** The manifest in `file`, or undefined when there is none or it cannot be read as one. */
export async function readManifest(file: string): Promise<ImportManifest | undefined> {
  try {
    const text = await readFile(file, 'utf8')
    const {id, ...read} = JSON.parse(text) as ImportManifest & {id?: unknown}
    if (read.format !== 1) return undefined
    if (typeof id !== 'string') return read
    const patches = await readPatches(patchesFile(file), id)
    let manifest = read
    for (const patch of patches)
      manifest = applyPatch(manifest, JSON.parse(patch) as Patch) as ImportManifest
    if (manifest.format !== 1) return undefined
    storedAs.set(manifest, {file, id, patches, size: text.length})
    return manifest
  } catch {
    return undefined
  }
}

/** The patches in `file` to the record `id` (none when the file is missing or names another). */
async function readPatches(file: string, id: string): Promise<string[]> {
  let text
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  // Written whole or not at all: a file short of its end is damage.
  if (!text.endsWith('\n')) throw new Error(`${file} is cut short`)
  const [head, ...patches] = text.slice(0, -1).split('\n')
  return (JSON.parse(head) as {base?: unknown}).base === id ? patches : []
}

/**
 * Writes the manifest whole or not at all (through a temporary file renamed into place). With
 * `previous`, the manifest this one updates as {@link readManifest} read it from `file`, only
 * what changed is written, as one more patch to the record `previous` was read from (the patch
 * file too is written whole or not at all); the record is written whole again once its patches
 * grow past {@link MOST_PATCHES} of it.
 */
export async function writeManifest(
  file: string,
  manifest: ImportManifest,
  previous?: ImportManifest,
): Promise<void> {
  const stored = previous && storedAs.get(previous)
  if (stored?.file === file) {
    const patch = diff(previous, manifest)
    const patches =
      patch === undefined ? stored.patches : [...stored.patches, JSON.stringify(patch)]
    const size = patches.reduce((sum, text) => sum + text.length + 1, 0)
    if (size <= stored.size * MOST_PATCHES) {
      const head = JSON.stringify({base: stored.id})
      await writeAtomically(
        patchesFile(file),
        [head, ...patches].map((line) => `${line}\n`),
      )
      storedAs.set(manifest, {...stored, patches})
      return
    }
  }
  await mkdir(dirname(file), {recursive: true})
  const id = randomBytes(8).toString('hex')
  const text = JSON.stringify({...manifest, id})
  await writeAtomically(file, [text])
  // Patches name the record they apply to, so a crash before this leaves them unused.
  await rm(patchesFile(file), {force: true})
  storedAs.set(manifest, {file, id, patches: [], size: text.length})
}

/**
 * What changed from one JSON value to the next: the value itself (`v`), an object's changed
 * entries and removed keys (`o`, `d`), or an array's items replaced (`s`: where, how many, by
 * which); undefined when nothing did.
 */
type Patch =
  | {v: unknown}
  | {o: Record<string, Patch>; d?: string[]}
  | {s: [at: number, removed: number, items: unknown[]]}

type JsonObject = Record<string, unknown>

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Whether two values are written as the same JSON text (a key whose value is undefined is no
 * key): compared as JSON.stringify writes them, which costs less than walking them here.
 */
const sameJson = (a: unknown, b: unknown): boolean =>
  a === b || JSON.stringify(a) === JSON.stringify(b)

/** Whether two lists of keys are the same keys in the same order. */
function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

const definedKeys = (object: JsonObject) =>
  Object.keys(object).filter((key) => object[key] !== undefined)

/** The patch from `a` to `b`, or undefined when they are the same JSON. */
function diff(a: unknown, b: unknown): Patch | undefined {
  if (a === b) return undefined
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(b)
    // The keys in one order (the usual case: a record of files or pages): only values changed.
    if (sameKeys(Object.keys(a), keys)) {
      const entries: Record<string, Patch> = {}
      let changed = false
      for (const key of keys) {
        const [valueA, valueB] = [a[key], b[key]]
        if (valueA === valueB) continue
        if (valueA === undefined || valueB === undefined) return diffKeys(a, b)
        const patch = diff(valueA, valueB)
        if (patch) [entries[key], changed] = [patch, true]
      }
      return changed ? {o: entries} : undefined
    }
    return diffKeys(a, b)
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    let start = 0
    while (start < a.length && start < b.length && sameJson(a[start], b[start])) start++
    let end = 0
    while (
      end < a.length - start &&
      end < b.length - start &&
      sameJson(a[a.length - 1 - end], b[b.length - 1 - end])
    )
      end++
    if (start === a.length && start === b.length) return undefined
    return {s: [start, a.length - start - end, b.slice(start, b.length - end)]}
  }
  return sameJson(a, b) ? undefined : {v: b}
}

/** The patch from one object to another whose keys differ, or are in another order. */
function diffKeys(a: JsonObject, b: JsonObject): Patch | undefined {
  const keysA = definedKeys(a)
  const keysB = definedKeys(b)
  const removed = keysA.filter((key) => b[key] === undefined)
  const added = keysB.filter((key) => a[key] === undefined)
  // Patched, the object keeps its keys' order and adds new keys last: any other order is
  // written whole, so what is read is the very JSON written.
  const kept = keysA.filter((key) => b[key] !== undefined)
  if (
    kept.some((key, i) => keysB[i] !== key) ||
    added.some((key, i) => keysB[kept.length + i] !== key)
  )
    return {v: b}
  const entries: Record<string, Patch> = {}
  let changed = false
  for (const key of keysB) {
    const patch = a[key] === undefined ? {v: b[key]} : diff(a[key], b[key])
    if (patch) [entries[key], changed] = [patch, true]
  }
  if (!changed && removed.length === 0) return undefined
  return removed.length ? {o: entries, d: removed} : {o: entries}
}

/** `value` with `patch` applied (objects and arrays in place); throws when it does not fit. */
function applyPatch(value: unknown, patch: Patch): unknown {
  if ('v' in patch) return patch.v
  if ('s' in patch) {
    const [at, removed, items] = patch.s
    if (!Array.isArray(value) || at + removed > value.length) throw new Error('not its array')
    return value.slice(0, at).concat(items, value.slice(at + removed))
  }
  if (!isObject(value)) throw new Error('not its object')
  for (const key of patch.d ?? []) delete value[key]
  for (const [key, entry] of Object.entries(patch.o)) {
    const patched = applyPatch(value[key], entry)
    // As JSON.parse makes it: a key `__proto__` is the object's own, not its prototype.
    if (key === '__proto__')
      Object.defineProperty(value, key, {
        value: patched,
        enumerable: true,
        writable: true,
        configurable: true,
      })
    else value[key] = patched
  }
  return value
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
