/**
 * The import command's full pipeline, once the arguments are checked, the site is read and it
 * is not answered from the last import's manifest: prepareSite → convert (cache, workers) →
 * finishSite → validate → report → write NDJSON or sync into the dataset (and record the sync).
 */
import {performance} from 'node:perf_hooks'
import {resolve} from 'node:path'

// The importer's modules one by one, not its index: that would load the body converter, which
// an import whose pages are all cached, or converted on worker threads, never runs here.
import {toNdjson} from '../importer/documents/ndjson.ts'
import {createProgress} from '../importer/report/progress.ts'
import {createReporter} from '../importer/report/reporter.ts'
import {shownProblems} from '../importer/report/shown.ts'
import {formatSummary} from '../importer/report/summary.ts'
import {blockLine} from '../importer/site/blockLines.ts'
import type {ImportResult} from '../importer/site/importSite.ts'
import {pageHead, siteShape} from '../importer/site/shape.ts'
import {
  finishSite,
  pageAddresses,
  prepareSite,
  type PageJob,
  type PreparedSite,
} from '../importer/site/stages.ts'
import type {SiteFile} from '../importer/index.ts'
import type {Diagnostic, ImportedDocument} from '../importer/types.ts'
import type {PageLimits} from '../importer/body/limits.ts'
import {BLOCK_TYPES, DOCUMENT_TYPES, IMAGE_TYPES, PAGE_FILE} from '../schemas/constants.ts'
import {excludeRejected} from '../sync/exclude.ts'
import type {BegunSyncStep} from '../sync/cli.ts'
import type {ImageUploads} from '../sync/imageUploads.ts'
import {imageFileOf, type ImageRead} from '../sync/images.ts'
import type {SyncProblem, SyncReport} from '../sync/types.ts'
import {lakeDirOf, type Env} from '../targets/env.ts'
import {collectGarbage, collectGarbageHalfway} from './collectGarbage.ts'
import {converterVersion, openConversionCache} from './conversionCache.ts'
import {convertPages, startConvertersEarly} from './convertPages.ts'
import type {ImportArgs} from './importArgs.ts'
import type {OpenedFrontMatter} from './importFrontMatter.ts'
import {snapshotFile, writeSnapshot} from './importSnapshot.ts'
import type {ImportManifest, RecordedSite} from './importManifest.ts'
import {logPosition, recordImport, type UnchangedCheck} from './importUnchanged.ts'
import {filesBytes} from './readSite.ts'
import {writeAtomically} from './writeAtomically.ts'

const NAVIGATION_TYPES = new Set<string>([
  DOCUMENT_TYPES.site,
  DOCUMENT_TYPES.course,
  DOCUMENT_TYPES.module,
])

/** The site's navigation: written even when invalid, so one bad page never hides its parents. */
const isNavigation = (doc: ImportedDocument) => NAVIGATION_TYPES.has(doc._type)

/** Why each document with an error is rejected, by id. */
function rejectedBy(found: readonly Diagnostic[]): Map<string, string> {
  const rejected = new Map<string, string>()
  for (const d of found)
    if (d.severity === 'error' && d.documentId) rejected.set(d.documentId, d.message)
  return rejected
}

/**
 * The compiled validator of the Studio's rules, loaded on demand, so `--help` never loads the
 * schema; it applies them without loading `sanity` (see schemas/compiled/).
 */
async function loadRules() {
  const {loadValidator} = await import('../schemas/compiled/load.ts')
  return loadValidator()
}

/**
 * The Studio's validation of `documents` (the others of the import count as existing, so
 * references between them resolve), as diagnostics naming the source file.
 */
async function validate(
  documents: readonly ImportedDocument[],
  result: ImportResult,
  alsoExisting: readonly {_id: string; _type: string}[] = [],
): Promise<Diagnostic[]> {
  if (documents.length === 0) return []
  const validator = await loadRules()
  const progress = createProgress(process.stderr)
  const problems = await validator.validateDocuments(documents, {
    existing: [...result.documents, ...alsoExisting],
    onProgress: (done, total) => progress.update(done, total, "validating with the Studio's rules"),
  })
  progress.finish()
  const byId = new Map(documents.map((doc) => [doc._id, doc]))
  const restatable = restatableByFile(result.diagnostics)
  return problems
    .filter((problem) => problem.level !== 'info')
    .filter(
      (problem) => !reportedByImporter(byId.get(problem.documentId), problem, result, restatable),
    )
    .map((problem) => ({
      severity: problem.level === 'error' ? 'error' : 'warning',
      code: 'schema',
      file: result.origins[problem.documentId] ?? `(${problem.documentType} ${problem.documentId})`,
      ...lineOf(result, problem),
      documentId: problem.documentId,
      message: `Cannot accept ${problem.documentType} "${problem.documentId}" at ${problem.path || 'the document'}: ${problem.message}`,
      hint: 'Fix the source page so the imported value passes; Studio applies the same rule.',
    }))
}

/** The page line of the body block a schema problem is in, when the importer recorded it. */
function lineOf(result: ImportResult, problem: {documentId: string; path: string}) {
  const key = /^\w+\[_key=="([^"]+)"\]/.exec(problem.path)?.[1]
  const line = key === undefined ? undefined : blockLine(result, problem.documentId, key)
  return line === undefined ? {} : {line}
}

/**
 * Schema warnings that restate an importer diagnostic, by the item they are on: the Studio
 * warns editors about every unconverted HTML block and every image without a description,
 * which the importer reports when it makes them (`raw-html`, or `unclosed-html` for a tag it
 * kept because nothing closes it, and `image-alt-missing`).
 */
const RESTATED: Array<{codes: string[]; on: (type: string | undefined, path: string) => boolean}> =
  [
    {codes: ['raw-html', 'unclosed-html'], on: (type) => type === BLOCK_TYPES.rawHtml},
    {
      codes: ['image-alt-missing'],
      on: (type, path) => type !== undefined && IMAGE_TYPES.has(type) && path.endsWith('.alt'),
    },
  ]

/** The importer's diagnostics a schema warning may restate, by file: looked up, not scanned. */
function restatableByFile(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const codes = new Set(RESTATED.flatMap((r) => r.codes))
  const byFile = new Map<string, Diagnostic[]>()
  for (const d of diagnostics) {
    if (!codes.has(d.code)) continue
    const list = byFile.get(d.file)
    if (list) list.push(d)
    else byFile.set(d.file, [d])
  }
  return byFile
}

/**
 * The type of the innermost keyed item a problem's path names (`body[_key=="a"].rows[_key=="b"]
 * …children[_key=="c"].alt`: the inline image `c`), or undefined when the path names none.
 */
function innermostType(doc: ImportedDocument, path: string): string | undefined {
  let value: unknown = doc
  let type: string | undefined
  for (const [, field, key] of path.matchAll(/(\w+)\[_key=="([^"]+)"\]/g)) {
    const items = (value as Record<string, unknown> | undefined)?.[field!]
    if (!Array.isArray(items)) return undefined
    value = (items as {_key?: string}[]).find((item) => item?._key === key)
    type = (value as {_type?: string} | undefined)?._type
  }
  return type
}

/**
 * Whether a schema warning restates what the importer already reported for that file, on the
 * lines of the top-level block it is in: from the block's first line to the next block's. The
 * importer names the element it kept (a `<select>` on line 46, an image in a table's row), the
 * schema the block that holds it (the `<div>` opened on line 45, the table).
 */
function reportedByImporter(
  doc: ImportedDocument | undefined,
  problem: {level: string; path: string; documentId: string},
  result: ImportResult,
  restatable: ReadonlyMap<string, readonly Diagnostic[]>,
): boolean {
  if (problem.level !== 'warning' || !doc) return false
  const restated = RESTATED.find((r) => r.on(innermostType(doc, problem.path), problem.path))
  const file = result.origins[problem.documentId]
  const said = file === undefined ? undefined : restatable.get(file)
  if (!restated || !said) return false
  const {line} = lineOf(result, problem)
  const end = line === undefined ? undefined : nextBlockLine(result, problem.documentId, line)
  return said.some(
    (d) =>
      restated.codes.includes(d.code) &&
      (line === undefined || (d.line !== undefined && d.line >= line && d.line < end!)),
  )
}

/** The first line after `line` on which a block of the document starts (Infinity: none). */
function nextBlockLine(result: ImportResult, documentId: string, line: number): number {
  let next = Infinity
  for (const start of result.blockLines[documentId]?.lines ?? [])
    if (start !== null && start > line && start < next) next = start
  return next
}

/**
 * What the last import recorded for the documents a one-page sync leaves: the Studio rules'
 * findings, and the sync's problems (images their pages name that it could not read). They
 * stand, as nothing those documents depend on changed, and are reported, and fail the import,
 * as a full import reports them.
 */
function findingsOfOthers({documents, previous}: PartialSync): {
  schema: Diagnostic[]
  problems: SyncProblem[]
} {
  const synced = new Set(documents.map((doc) => doc._id))
  const other = (id: string | undefined) => id === undefined || !synced.has(id)
  return {
    schema: (previous.outcome.schema ?? []).filter((d) => other(d.documentId)),
    problems: previous.outcome.problems.filter((p) => other(p.id)),
  }
}

/** The NDJSON lines of `documents`, as `toNdjson` writes them, one at a time. */
function* ndjsonLines(documents: readonly ImportedDocument[]) {
  for (const doc of documents) yield toNdjson([doc])
}

/** What the checks before the pipeline found: the site's files and the parsed arguments. */
export interface PipelineInput {
  started: number
  /** When the command began (ISO 8601): Liquid's `site.time`, as Jekyll's is the build's. */
  startedAt: string
  root: string
  /** What readSite read; the pipeline takes its files over (and empties the list). */
  site: {files: SiteFile[]; problems: Diagnostic[]; others?: readonly string[]}
  limits: Partial<PageLimits>
  workers: number | undefined
  force: string[]
  env: Env
  /** The manifest check, when this run may record one. */
  check: UnchangedCheck | undefined
  /** Front matter the last import read, when this run may record an import (see `check`). */
  frontMatter?: OpenedFrontMatter
  /** The converter's version, when the bundle that runs knows it (else it is read). */
  converter?: string
}

/**
 * The site's documents, converted through the cache and on worker threads. A function of its
 * own so that what only conversion needs (the files' bytes, the prepared pages, each page's
 * result) is garbage once it returns, before validation and writing.
 */
async function convertSite(
  args: ImportArgs,
  input: PipelineInput,
  preparedBefore?: PreparedSite,
  begun?: EarlySync,
): Promise<ConvertedSite> {
  // Taken over from the caller, so nothing else keeps the bytes once they are decoded.
  const files = input.site.files
  input.site.files = []
  const progress = createProgress(process.stderr)
  // The same folder the local target uses, so the cache sits beside the dataset it fed.
  const cache = args.cache ? await openConversionCache(lakeDirOf(input.env)) : undefined
  // Every page will be converted: the worker threads load the converter while the site is
  // prepared (about 0.4 s each), not after.
  const converters = cache?.size ? undefined : startEarly(files, input.workers)
  const {check} = input
  // The site's shape, and for the next one-page import the snapshot it restores the site from
  // (only a recorded shape's), written before the shape is given.
  const shapeAndSnapshot = async (prepared: PreparedSite) => {
    const shape = siteShape(prepared)
    if (check)
      await writeSnapshot(snapshotFile(check.lakeDir, check.dataset), check.key, shape, prepared)
    return shape
  }
  let early: Promise<string> | undefined
  const convert = async () => {
    const prepared = preparedBefore ?? prepareFiles(files, args, input)
    await input.frontMatter?.save()
    const version = cache && (input.converter ?? (await converterVersion()))
    // Made while the pages convert (on worker threads, this thread waits), not after: nothing
    // the conversion does changes either. What fails is thrown once the conversion is done.
    const timer = setImmediate(() => {
      early = shapeAndSnapshot(prepared)
      early.catch(() => undefined)
      // The Studio's rules, compiled now rather than once the pages are converted: a failure
      // is the validation's to report (the loaded validator is kept, rejection included).
      loadRules().catch(() => undefined)
    })
    try {
      const uploads = begun?.step?.run.uploads
      const pages = await convertPages(prepared, {
        onProgress: progress.update,
        ...(uploads ? {onImages: nameImages(prepared, input.root, uploads)} : {}),
        workers: input.workers,
        ...(converters ? {converters} : {}),
        ...(cache && version ? {cache: {...cache, version}} : {}),
      })
      return {prepared, version, ...pages}
    } finally {
      clearImmediate(timer)
    }
  }
  // convertPages stops them when it gets them; anything thrown before must not leave them.
  const {prepared, version, converted, reused} = await convert().finally(() => converters?.stop())
  const result = finishSite(prepared, converted, reused)
  progress.finish()
  await cache?.save()
  const heads = Object.fromEntries([...converted].map(([id, page]) => [id, pageHead(page)]))
  const shape = await (early ?? shapeAndSnapshot(prepared))
  const site = {shape, pages: heads, ...(version ? {converter: version} : {})}
  return {result, pages: prepared.jobs.length, site}
}

/**
 * Names each converted page's local images to the sync step begun before the conversion, which
 * reads and uploads them while the other pages convert: resolved as the image step will resolve
 * them (against the page's file and address), so it finds them done.
 */
function nameImages(prepared: PreparedSite, root: string, uploads: ImageUploads) {
  let addresses: Record<string, string> | undefined
  return (job: PageJob, sources: readonly string[]) => {
    addresses ??= pageAddresses(prepared)
    uploads.add(sources.map((src) => imageFileOf(root, job.file, src, addresses)))
  }
}

/**
 * What an import into a dataset begins before its pages convert: the dataset's last
 * transaction before any of this import's, what its sync writes, and the sync step, begun
 * (its target open, so each page's images are uploaded as the page is converted), unless the
 * target could not be opened yet (the sync step then says why).
 */
export interface EarlySync {
  before: ReturnType<typeof logPosition> | undefined
  written: {transactions: Set<string>; assets: Set<string>; images: Map<string, ImageRead>}
  step?: BegunSyncStep
}

/** The sync begun for an import into a dataset that writes (none: `--out`, `--dry-run`). */
async function beginSync(args: ImportArgs, input: PipelineInput): Promise<EarlySync | undefined> {
  if (args.out || args['dry-run']) return undefined
  const before = input.check && logPosition(input.check)
  const written = {transactions: new Set<string>(), assets: new Set<string>(), images: new Map()}
  const {beginSyncStep} = await import('../sync/cli.ts')
  const step = await beginSyncStep({siteDir: input.root, written, env: input.env})
  return {before, written, ...(step ? {step} : {})}
}

/** The worker threads to convert every page of `files` with, started now (none: small site). */
function startEarly(files: readonly SiteFile[], workers: number | undefined) {
  const pages = files.filter((file) => PAGE_FILE.test(file.path))
  return startConvertersEarly(filesBytes(pages), pages.length, workers)
}

/** The site's files read and planned, with the command's options. */
export function prepareFiles(files: SiteFile[], args: ImportArgs, input: PipelineInput) {
  return prepareSite(files, {
    themeVersion: args['theme-version'],
    placeholders: args.placeholders,
    limits: input.limits,
    readProblems: input.site.problems,
    frontMatter: input.frontMatter?.memo,
    time: input.startedAt,
    otherFiles: input.site.others,
  })
}

/** A converted site: its documents and problems, its page count, and what the manifest keeps. */
export interface ConvertedSite {
  result: ImportResult
  pages: number
  site: RecordedSite
}

/** Only some of the site's documents to sync, the rest known to be as the last import left them. */
export interface PartialSync {
  documents: ImportedDocument[]
  /** The record of the last import, which stands for the other documents. */
  previous: ImportManifest
}

/**
 * Converts, validates, reports and writes or syncs the site (`prepared` from its files, when
 * that is done already); sets the exit code.
 */
export async function runPipeline(
  args: ImportArgs,
  input: PipelineInput,
  prepared?: PreparedSite,
): Promise<void> {
  const early = await beginSync(args, input)
  try {
    await finishImport(
      args,
      input,
      await convertSite(args, input, prepared, early),
      undefined,
      early,
    )
  } finally {
    await early?.step?.close()
  }
}

/**
 * Validates, reports and writes or syncs a converted site (with `partial`, only those of its
 * documents); sets the exit code.
 */
export async function finishImport(
  args: ImportArgs,
  input: PipelineInput,
  {result, pages, site}: ConvertedSite,
  partial?: PartialSync,
  early?: EarlySync,
): Promise<void> {
  const {started, root, force, env, check} = input
  const strict = (list: Diagnostic[]) =>
    list.map((d) =>
      args.strict && d.severity === 'warning' ? {...d, severity: 'error' as const} : d,
    )
  const reporter = createReporter((text) => console.error(text), {
    color: process.stderr.isTTY,
    verbose: args.verbose,
  })
  reporter.add(strict(result.diagnostics))
  // What the Studio's rules found, for the record an unchanged re-import replays. A one-page
  // sync checks only its documents: the last import's findings stand for the others.
  const others = partial && findingsOfOthers(partial)
  const schema = others?.schema ?? []
  reporter.add(schema)

  // Every document is checked before it is written: all of them for an NDJSON file, and for
  // a dataset every one the sync plans (those it leaves unchanged for their warnings only).
  const validateAndReport = async (
    documents: readonly ImportedDocument[],
    existing: readonly {_id: string; _type: string}[] = [],
  ) => {
    const found = strict(await validate(documents, result, existing))
    reporter.add(found)
    schema.push(...found)
    return found
  }
  const sync = async (dryRun: boolean) => {
    // The dataset's side (the lake, SQLite, the client) loads only when there is one to write.
    const {runSyncStep} = await import('../sync/cli.ts')
    // The sync of a whole site allocates about as much as its conversion left behind: not on
    // top of it. A one-page sync (`partial`) leaves little, and the collection would cost more.
    if (!partial) collectGarbage()
    const before = early ? early.before : check && logPosition(check)
    const written = early?.written ?? {
      transactions: new Set<string>(),
      assets: new Set<string>(),
      images: new Map<string, ImageRead>(),
    }
    let report: SyncReport | undefined
    const documents = partial?.documents ?? result.documents
    const code = await runSyncStep({
      documents,
      ...(others
        ? {
            besides: {
              unchanged: result.documents.length - documents.length,
              problems: others.problems,
            },
          }
        : {}),
      origins: result.origins,
      addresses: result.addresses,
      blockLine: (id, key) => blockLine(result, id, key),
      siteDir: root,
      dryRun,
      force,
      prune: args.prune,
      json: args.json,
      jsonExtras: () => ({diagnostics: reporter.diagnostics}),
      alwaysWrite: isNavigation,
      validate: async (documents, {existing, unchanged}) =>
        rejectedBy(await validateAndReport([...documents, ...unchanged], existing)),
      written,
      onReport: (done) => {
        report = done
        syncProblems = done.problems.length
      },
      onProgress: partial ? undefined : collectGarbageHalfway(),
      env,
      ...(early?.step ? {begun: early.step} : {}),
    })
    if (check) {
      const outcome = {
        diagnostics: shownProblems(result.diagnostics),
        schema,
        stats: result.stats,
        pages,
      }
      await recordImport(check, {
        before,
        written,
        report,
        documents,
        root,
        addresses: result.addresses,
        outcome,
        site,
        previous: partial?.previous,
      })
    }
    return code
  }
  let syncCode = 0
  let syncProblems = 0

  if (args.out) {
    const found = await validateAndReport(result.documents)
    const {kept, excluded, notes} = excludeRejected(result.documents, rejectedBy(found), {
      alwaysWrite: isNavigation,
      describe: (id) => result.origins[id] ?? id,
    })
    for (const note of notes) console.error(`warning: ${note.message}`)
    for (const left of excluded)
      console.error(`Left out ${left.id} (${result.origins[left.id] ?? 'no source file'}).`)
    if (args['dry-run']) {
      console.log(
        `Dry run: ${result.documents.length} documents converted and validated, ${kept.length} would be written, nothing written.`,
      )
    } else {
      try {
        await writeAtomically(resolve(args.out), ndjsonLines(kept))
      } catch (error) {
        // Checked before the run, so this is the disk or a permission: say which, nothing partial.
        console.error(`Cannot write ${args.out}: ${(error as Error).message}; nothing was written.`)
        process.exit(1)
      }
      const left = excluded.length ? `; ${excluded.length} left out (listed above)` : ''
      console.log(`Wrote ${kept.length} documents to ${args.out}${left}.`)
    }
    if (args.json) {
      const written = args['dry-run'] ? [] : kept.map((doc) => doc._id)
      process.stdout.write(
        `${JSON.stringify({out: args.out, written, excluded, diagnostics: reporter.diagnostics})}\n`,
      )
    }
  } else {
    // A dry run shows the sync plan; documents that fail validation are skipped, not written.
    syncCode = await sync(args['dry-run'])
  }
  reporter.finish()
  const diagnostics = reporter.diagnostics
  const errors = diagnostics.filter((d) => d.severity === 'error').length
  const stats = {...result.stats, errors, warnings: diagnostics.length - errors}
  console.log(formatSummary(stats, performance.now() - started, syncProblems))
  process.exitCode = errors > 0 || syncCode ? 1 : 0
}
