/**
 * The export: read the dataset → validate → exportSite → compare with the folder → print a
 * diff (`--dry-run`), list what differs (`--check`), or write the changed files atomically.
 */
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'

import {exportSite, type ExportedDocument} from '../exporter/index.ts'
import {readConfig} from '../importer/site/config.ts'
import {DOCUMENT_TYPES} from '../schemas/constants.ts'
import type {ExportArgs} from './exportArgs.ts'
import {insideSite, writeSiteAtomically} from './exportWrite.ts'
import {openQuerySource} from './querySource.ts'
import {unifiedDiff} from './unifiedDiff.ts'

const EXPORTED_TYPES = Object.values(DOCUMENT_TYPES)

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/** The documents to export: published ones, or drafts over them with `--drafts`. */
export async function readDataset(
  datasetFile: string | undefined,
  drafts: boolean,
): Promise<{documents: ExportedDocument[]; describe: string}> {
  const open = await openQuerySource(datasetFile)
  try {
    const documents = await open.source.fetch<ExportedDocument[]>(
      '*[_type in $types]',
      {types: EXPORTED_TYPES},
      {perspective: drafts ? 'drafts' : 'published'},
    )
    documents.sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
    return {documents, describe: open.describe}
  } finally {
    await open.close()
  }
}

/** Ids of documents that break the Studio's rules, each reported on stderr. */
async function invalidDocuments(
  documents: readonly ExportedDocument[],
  paths: ReadonlyMap<string, string>,
): Promise<Set<string>> {
  const {loadValidator} = await import('../schemas/compiled/load.ts')
  const validator = await loadValidator()
  const problems = await validator.validateDocuments(documents, {existing: documents})
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

/** Runs the export; resolves to the exit code. */
export async function runExport(args: ExportArgs): Promise<number> {
  const dir = args.dir
  const {documents, describe} = await readDataset(args.dataset || undefined, args.drafts)
  const config = readConfig(await readText(join(dir, '_config.yml'))).config
  const {files, paths, diagnostics} = exportSite(documents, {
    permalink: config.permalink,
    baseurl: config.baseurl,
    navSort: config.navSort,
  })
  let failed = false
  const skip = new Set<string>()
  for (const problem of diagnostics) {
    console.error(`${problem.file}: ${problem.severity}: ${problem.message} ${problem.hint ?? ''}`)
    if (problem.severity === 'error') skip.add(problem.file)
  }
  for (const id of await invalidDocuments(documents, paths)) {
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
  const changes = new Map<string, string>()
  for (const [path, text] of files) {
    if (skip.has(path)) continue
    const before = await readText(join(dir, path))
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
  const summary = `${files.size} pages from ${describe}; ${changes.size} ${changes.size === 1 ? 'file differs' : 'files differ'} from ${dir}${skip.size > 0 ? `; ${skip.size} not written (errors above)` : ''}.`
  if (args.check) {
    console.error(summary)
    return changes.size > 0 || failed ? 1 : 0
  }
  if (args['dry-run']) {
    console.error(`${summary} Nothing written (--dry-run).`)
    return failed ? 1 : 0
  }
  if (changes.size > 0) await writeSiteAtomically(dir, changes)
  console.error(changes.size > 0 ? `${summary} Wrote them.` : `${summary} Nothing to write.`)
  return failed ? 1 : 0
}
