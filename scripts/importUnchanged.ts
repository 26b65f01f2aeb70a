/**
 * The import command's unchanged-site path: before anything is parsed, the files just read are
 * hashed and compared with the manifest of the last import into the same local dataset
 * (`importManifest.ts`); when every input and the dataset are as that import left them, the run
 * reports what a full re-run would (every document unchanged, the same diagnostics) and stops.
 * After a full run that synced, the manifest is written, after the dataset's commits.
 */
import {join} from 'node:path'

import {createReporter} from '../importer/report/reporter.ts'
import {formatSummary} from '../importer/report/summary.ts'
import type {Diagnostic, ImportedDocument, SiteFile} from '../importer/index.ts'
import {
  datasetFile,
  readTransactionLog,
  type LoggedTransaction,
} from '../lake/store/transactions-read.ts'
import {localImageFiles, type ImageRead} from '../sync/images.ts'
import {
  fingerprintImages,
  fingerprintsOfReads,
  mergeStamps,
  type ImageFingerprints,
} from './imageFingerprints.ts'
import {formatSummary as formatSyncSummary} from '../sync/report.ts'
import type {Outcome, SyncReport} from '../sync/types.ts'
import {lakeDirOf, wantsHosted, type Env} from '../targets/env.ts'
import type {ImportArgs} from './importArgs.ts'
import {
  codeVersion,
  fingerprintFiles,
  fingerprintProblems,
  manifestFile,
  manifestKey,
  readManifest,
  repeatsUnchanged,
  whatChanged,
  writeManifest,
  type ImportManifest,
  type RecordedOutcome,
  type RecordedSite,
} from './importManifest.ts'

/** What this run compares with the manifest, and where the manifest and the dataset are. */
export interface UnchangedCheck {
  manifest: string
  data: string
  dataset: string
  lakeDir: string
  key: string
  files: Record<string, string>
  readProblems: string
  /**
   * The images the manifest names, as this run found them (set by `lastImportIfUnchanged`):
   * what the one-page path compares and the record starts from, so none is read twice.
   */
  images?: ImageFingerprints
}

/**
 * The check for this run, or undefined when the run cannot be answered from a manifest: it
 * writes a file (`--out`), only plans (`--dry-run`), prints JSON, takes `--force`, asks for
 * every page (`--no-cache`), or writes to the hosted Content Lake.
 */
export async function prepareUnchangedCheck(
  args: ImportArgs,
  site: {
    root: string
    files: readonly SiteFile[]
    /** The site's files it does not read: Liquid lists them (`site.static_files`). */
    others?: readonly string[]
    readProblems: readonly Diagnostic[]
    limits: unknown
    force: readonly string[]
    env: Env
    /** The version of the import's code, when the bundle that runs knows it (else read). */
    code?: string
  },
): Promise<UnchangedCheck | undefined> {
  const {env} = site
  if (!args.cache || args.out || args['dry-run'] || args.json || site.force.length) return undefined
  if (wantsHosted(env)) return undefined
  const lakeDir = lakeDirOf(env)
  const dataset = env.SANITY_STUDIO_DATASET ?? 'production'
  const key = manifestKey({
    code: site.code ?? (await codeVersion()),
    root: site.root,
    lakeDir,
    dataset,
    strict: args.strict,
    placeholders: args.placeholders,
    themeVersion: args['theme-version'] ?? null,
    prune: args.prune,
    limits: site.limits,
  })
  return {
    manifest: manifestFile(lakeDir, dataset),
    data: datasetFile(join(lakeDir, 'data'), dataset),
    dataset,
    lakeDir,
    key,
    files: fingerprintFiles(site.files, site.others),
    readProblems: fingerprintProblems(site.readProblems),
  }
}

/**
 * The last import's outcome when nothing it depended on changed, else why not (for
 * `--verbose`). Reads the manifest, the dataset's last transaction and the images it names.
 */
export async function lastImportIfUnchanged(
  check: UnchangedCheck,
): Promise<{outcome: RecordedOutcome} | {reason: string; manifest?: ImportManifest}> {
  const manifest = await readManifest(check.manifest)
  try {
    if (manifest) {
      const known = {images: manifest.images, stamps: manifest.imageStamps}
      check.images = await fingerprintImages(Object.keys(manifest.images), known)
    }
    const current = {
      ...check,
      dataset: readTransactionLog(check.data)?.last,
      images: check.images?.images ?? {},
    }
    const reason = whatChanged(manifest, current)
    return reason === undefined ? {outcome: manifest!.outcome} : {reason, manifest}
  } catch (error) {
    // The full import reads the dataset its own way and reports what is wrong with it.
    return {reason: `cannot read ${check.data} (${(error as Error).message})`}
  }
}

/**
 * Prints what a full re-run prints when nothing changed (the diagnostics, every document
 * unchanged, the recorded image problems, the summary) and returns the exit code.
 */
export function reportUnchanged(
  outcome: RecordedOutcome,
  check: UnchangedCheck,
  args: ImportArgs,
  elapsedMs: () => number,
): number {
  const reporter = createReporter((text) => console.error(text), {
    color: process.stderr.isTTY,
    verbose: args.verbose,
  })
  reporter.add(
    outcome.diagnostics.map((d) =>
      args.strict && d.severity === 'warning' ? {...d, severity: 'error' as const} : d,
    ),
  )
  // Recorded as reported: `--strict` is part of the manifest's key.
  reporter.add(outcome.schema ?? [])
  const counts = Object.fromEntries(
    ['created', 'updated', 'skipped', 'conflict', 'failed', 'deleted', 'kept'].map((o) => [o, 0]),
  ) as Record<Outcome, number>
  counts.unchanged = outcome.documents
  const report: SyncReport = {
    target: `local dataset "${check.dataset}" (${check.lakeDir}: as the last import left it, ${check.manifest})`,
    dryRun: false,
    counts,
    documents: [],
    problems: outcome.problems,
    requests: {queries: 0, mutations: 0, uploads: 0, retries: 0},
    elapsedMs: Math.round(elapsedMs()),
  }
  console.log(formatSyncSummary(report))
  reporter.finish()
  const errors = reporter.diagnostics.filter((d) => d.severity === 'error').length
  const stats = {
    ...outcome.stats,
    reused: outcome.pages,
    errors,
    warnings: reporter.diagnostics.length - errors,
  }
  console.log(formatSummary(stats, elapsedMs(), outcome.problems.length))
  return errors > 0 || outcome.problems.length > 0 ? 1 : 0
}

/**
 * The dataset's last transaction before the sync, to tell its commits from others' after it
 * (undefined: no log yet; null: the file could not be read, so nothing will be recorded).
 */
export function logPosition(check: UnchangedCheck): LoggedTransaction | undefined | null {
  try {
    return readTransactionLog(check.data)?.last
  } catch {
    return null
  }
}

/**
 * Records a sync's inputs and outcome as the manifest, when a re-run would repeat it (see
 * `repeatsUnchanged`) and every transaction committed since `before` is the sync's own;
 * otherwise the manifest is left as it was, which the dataset's new commits already outdate.
 * Called after the sync's commits, so a crash before it leaves a manifest the next run rejects.
 */
export async function recordImport(
  check: UnchangedCheck,
  run: {
    before: LoggedTransaction | undefined | null
    /** What the sync wrote: its transactions, and the assets its uploads made. */
    written: {
      transactions: ReadonlySet<string>
      assets: ReadonlySet<string>
      /** The image files the sync read, as it read them. */
      images?: ReadonlyMap<string, ImageRead>
    }
    report: SyncReport | undefined
    documents: readonly ImportedDocument[]
    root: string
    /** Each page file's address, as the image step resolved relative sources with. */
    addresses?: Readonly<Record<string, string>>
    outcome: Omit<RecordedOutcome, 'problems' | 'documents'>
    site?: RecordedSite
    /**
     * For a sync of only some documents (the one-page path): the record it updates, whose
     * images stand for the documents this sync did not touch (their problems are in `report`).
     */
    previous?: ImportManifest
  },
): Promise<void> {
  const {report} = run
  if (!report || !repeatsUnchanged(report) || run.before === null) return
  let log
  try {
    log = readTransactionLog(check.data, run.before?.seq ?? 0)
  } catch (error) {
    console.error(
      `warning: Cannot read ${check.data} to record this import (${(error as Error).message}); the next import converts the site again.`,
    )
    return
  }
  // An upload commits a transaction whose id the client never sees: it is the sync's when it
  // made only assets the sync's uploads answered.
  const ours = ({id, documents}: {id: string; documents: string[]}) =>
    run.written.transactions.has(id) ||
    (documents.length > 0 && documents.every((doc) => run.written.assets.has(doc)))
  if (!log || !log.after.every(ours)) return
  const {created, updated, unchanged} = report.counts
  // Each image stamped the same as when this run (its check or its sync) or the record hashed
  // it is not read again.
  const read = run.written.images && fingerprintsOfReads(run.written.images)
  const known = {
    images: {...run.previous?.images, ...check.images?.images, ...read?.images},
    stamps: {...run.previous?.imageStamps, ...check.images?.stamps, ...read?.stamps},
  }
  const found = await fingerprintImages(
    localImageFiles(run.documents, run.root, run.addresses),
    known,
  )
  const manifest: ImportManifest = {
    format: 1,
    key: check.key,
    dataset: log.last,
    files: check.files,
    readProblems: check.readProblems,
    images: {...run.previous?.images, ...found.images},
    imageStamps: mergeStamps(run.previous?.imageStamps, found),
    outcome: {
      ...run.outcome,
      documents: created + updated + unchanged,
      problems: report.problems,
    },
    ...(run.site ? {site: run.site} : {}),
  }
  await writeManifest(check.manifest, manifest, run.previous)
}
