/**
 * The export: read the dataset → validate → exportSite → compare with the folder → print a
 * diff (`--dry-run`), list what differs (`--check`), or write the changed files atomically.
 */
import {readFile, stat} from 'node:fs/promises'
import {join} from 'node:path'

import {exportOptionsOf, exportSite, type ExportedDocument} from '../exporter/index.ts'
import {readConfig} from '../importer/site/config.ts'
import {readPages} from '../importer/site/pages.ts'
import type {SiteConfig, SiteFile} from '../importer/site/types.ts'
import {UsageError} from '../queries/command.ts'
import {DOCUMENT_TYPES, IMAGE_TYPES} from '../schemas/constants.ts'
import type {ExportArgs} from './exportArgs.ts'
import {insideSite, writeSiteAtomically} from './exportWrite.ts'
import {openQuerySource} from './querySource.ts'
import {readSite} from './readSite.ts'
import {unifiedDiff} from './unifiedDiff.ts'

const EXPORTED_TYPES = Object.values(DOCUMENT_TYPES)

async function readBytes(path: string): Promise<Uint8Array | undefined> {
  try {
    return await readFile(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/** What an export reads: the documents, the image assets they show, and those assets' bytes. */
interface Dataset {
  documents: ExportedDocument[]
  /** The `sanity.imageAsset` documents the pages' images point at. */
  assets: ExportedDocument[]
  /** Each asset's file by its `url`; missing when it could not be read (named on stderr). */
  files: Map<string, Uint8Array>
  describe: string
}

/** The documents to export: published ones, or drafts over them with `--drafts`. */
export async function readDataset(
  datasetFile: string | undefined,
  drafts: boolean,
): Promise<Dataset> {
  const open = await openQuerySource(datasetFile)
  try {
    const perspective = drafts ? 'drafts' : 'published'
    const documents = await open.source.fetch<ExportedDocument[]>(
      '*[_type in $types]',
      {types: EXPORTED_TYPES},
      {perspective},
    )
    documents.sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
    const assets = await open.source.fetch<ExportedDocument[]>(
      '*[_type == "sanity.imageAsset" && _id in $ids]',
      {ids: [...assetIds(documents)]},
      {perspective},
    )
    // Fetched while the source is open: an in-process lake stops at close().
    const files = new Map<string, Uint8Array>()
    for (const asset of assets) {
      const url = typeof asset.url === 'string' ? asset.url : ''
      const bytes = await fetchAsset(url, open.assetOrigin)
      if (bytes) files.set(url, bytes)
    }
    return {documents, assets, files, describe: open.describe}
  } finally {
    await open.close()
  }
}

// The image assets the documents' images (at any depth: callouts, sections, lines) point at.
function assetIds(documents: readonly ExportedDocument[]): Set<string> {
  const ids = new Set<string>()
  const visit = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(visit)
    if (!value || typeof value !== 'object') return
    const item = value as {_type?: unknown; asset?: {_ref?: unknown}}
    if (IMAGE_TYPES.has(item._type) && typeof item.asset?._ref === 'string')
      ids.add(item.asset._ref)
    for (const child of Object.values(value)) if (child && typeof child === 'object') visit(child)
  }
  documents.forEach(visit)
  return ids
}

// An asset's bytes: a hosted address as it is, a path on the local lake's origin through it.
async function fetchAsset(
  url: string,
  origin: string | undefined,
): Promise<Uint8Array | undefined> {
  const absolute = /^https?:\/\//i.test(url)
  if (!url || (!absolute && !origin)) {
    console.error(
      `${url || '(asset)'}: warning: Cannot read this uploaded image: a dataset file holds no image files; pages that show it leave it out.`,
    )
    return undefined
  }
  const response = await fetch(absolute ? url : new URL(url, origin)).catch((error: Error) => error)
  if (response instanceof Error || !response.ok) {
    const why = response instanceof Error ? response.message : `HTTP ${response.status}`
    console.error(
      `${url}: warning: Cannot read this uploaded image (${why}); pages that show it leave it out.`,
    )
    return undefined
  }
  return new Uint8Array(await response.arrayBuffer())
}

/** Ids of documents that break the Studio's rules, each reported on stderr. */
async function invalidDocuments(
  documents: readonly ExportedDocument[],
  assets: readonly ExportedDocument[],
  paths: ReadonlyMap<string, string>,
): Promise<Set<string>> {
  const {loadValidator} = await import('../schemas/compiled/load.ts')
  const validator = await loadValidator()
  const problems = await validator.validateDocuments(documents, {
    existing: [...documents, ...assets],
  })
  const rejected = new Set<string>()
  for (const problem of problems) {
    if (problem.level !== 'error') continue
    rejected.add(problem.documentId)
    const file = paths.get(problem.documentId) ?? `(${problem.documentType})`
    console.error(
      `${file}: error: Cannot export ${problem.documentType} "${problem.documentId}" at ${problem.path || 'the document'}: ${problem.message} Fix it in the Studio; the file is left as it is.`,
    )
  }
  return rejected
}

/**
 * The folder's pages (markdown files the importer would read as pages) that no document is
 * exported to: their documents were deleted, or the page never imported (an error). Files the
 * importer does not read as pages, and those of documents left out for errors, are not listed.
 */
function stalePages(
  folder: readonly SiteFile[],
  files: ReadonlyMap<string, string>,
  skip: ReadonlySet<string>,
  config: SiteConfig,
): string[] {
  const {pages} = readPages(folder, config)
  return pages.map((page) => page.file).filter((path) => !files.has(path) && !skip.has(path))
}

/**
 * The folder's files as the importer reads them, read once for the comparison, the stale pages
 * and `_config.yml`; none when the folder does not exist yet.
 */
async function readFolder(dir: string): Promise<SiteFile[]> {
  const kind = await stat(dir).catch(() => undefined)
  if (kind && !kind.isDirectory()) {
    throw new UsageError(`Cannot write the site into ${dir}: it is a file, expected a folder.`)
  }
  return kind ? (await readSite(dir)).files : []
}

/** Runs the export; resolves to the exit code. */
export async function runExport(args: ExportArgs): Promise<number> {
  const dir = args.dir
  const dataset = await readDataset(args.dataset || undefined, args.drafts)
  const {documents, describe} = dataset
  const folder = await readFolder(dir)
  const decoder = new TextDecoder()
  const folderText = new Map(folder.map((file) => [file.path, decoder.decode(file.bytes)]))
  // A file the importer does not read (a page at a new path under `_…`) is read from disk.
  const textOf = async (path: string) => folderText.get(path) ?? (await readText(join(dir, path)))
  const config = readConfig(folderText.get('_config.yml')).config
  // Only assets whose file was read: an image whose file is missing is reported and left out.
  const readable = dataset.assets.filter((asset) => dataset.files.has(String(asset.url)))
  const {files, paths, diagnostics, uploads, replaced, keptHtml} = exportSite(
    [...documents, ...readable],
    exportOptionsOf(config),
  )
  let failed = false
  const skip = new Set<string>()
  for (const problem of diagnostics) {
    console.error(`${problem.file}: ${problem.severity}: ${problem.message} ${problem.hint ?? ''}`)
    if (problem.severity === 'error') skip.add(problem.file)
  }
  for (const id of await invalidDocuments(documents, dataset.assets, paths)) {
    const file = paths.get(id)
    if (file) skip.add(file)
  }
  for (const path of files.keys()) {
    if (!insideSite(path)) {
      console.error(`${path}: error: Cannot write outside ${dir}: fix the document's source path.`)
      skip.add(path)
    }
  }
  failed = skip.size > 0
  const changes = new Map<string, string | Uint8Array | null>()
  for (const [path, text] of files) {
    if (skip.has(path)) continue
    const before = await textOf(path)
    if (before === text) continue
    changes.set(path, text)
    if (args['dry-run']) {
      process.stdout.write(
        unifiedDiff(
          before ?? '',
          text,
          before === undefined ? '/dev/null' : `a/${path}`,
          `b/${path}`,
        ),
      )
    } else if (args.check) console.log(`differs: ${path}`)
  }
  for (const [path, url] of uploads) {
    const bytes = dataset.files.get(url)!
    const before = await readBytes(join(dir, path))
    if (before && Buffer.from(before).equals(bytes)) continue
    changes.set(path, bytes)
    if (args['dry-run']) {
      process.stdout.write(
        `Binary file ${before ? `a/${path}` : '/dev/null'} and b/${path} differ\n`,
      )
    } else if (args.check) console.log(`differs: ${path}`)
  }
  for (const [path, by] of replaced) {
    // Its page is written as markdown in its place: both would be published at one address.
    if (skip.has(by) || !folderText.has(path)) continue
    changes.set(path, null)
    if (args['dry-run'])
      process.stdout.write(unifiedDiff(folderText.get(path)!, '', `a/${path}`, '/dev/null'))
    else if (args.check) console.log(`differs: ${path} (replaced by ${by})`)
  }
  const stale = stalePages(folder, files, skip, config).filter(
    (path) => !replaced.has(path) && !keptHtml.has(path),
  )
  for (const path of stale) {
    if (args.prune) changes.set(path, null)
    if (args['dry-run'] && args.prune) {
      const before = (await textOf(path)) ?? ''
      process.stdout.write(unifiedDiff(before, '', `a/${path}`, '/dev/null'))
    } else if (args.check || !args.prune) {
      console.log(
        `${args.check ? 'differs' : 'kept'}: ${path} (no document exports it: deleted in the Studio, or never imported${args.prune ? '' : '; --prune removes it'})`,
      )
    }
  }
  const kept =
    keptHtml.size > 0
      ? ` (and ${keptHtml.size} HTML ${keptHtml.size === 1 ? 'page' : 'pages'} nobody edited, left as ${keptHtml.size === 1 ? 'it is' : 'they are'})`
      : ''
  const summary = `${files.size} pages${kept} from ${describe}; ${changes.size} ${changes.size === 1 ? 'file differs' : 'files differ'} from ${dir}${skip.size > 0 ? `; ${skip.size} not written (errors above)` : ''}.`
  if (args.check) {
    console.error(summary)
    return changes.size > 0 || stale.length > 0 || failed ? 1 : 0
  }
  if (args['dry-run']) {
    console.error(`${summary} Nothing written (--dry-run).`)
    return failed ? 1 : 0
  }
  if (changes.size > 0) await writeSiteAtomically(dir, changes)
  console.error(changes.size > 0 ? `${summary} Wrote them.` : `${summary} Nothing to write.`)
  return failed ? 1 : 0
}
