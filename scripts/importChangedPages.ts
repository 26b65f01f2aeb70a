/**
 * The import command's one-page path: when the last import's manifest no longer holds but only
 * page bodies changed (the same files, front matter, navigation, `_config.yml` and includes:
 * the same site shape), or someone committed to the dataset since, only the documents those
 * affect are converted, validated and synced. Every other document is as the last import left
 * it: no commit touched it since (the dataset's log says which documents each commit touched),
 * its page's bytes are the same, and nothing it depends on changed. A document a commit touched
 * is planned against the dataset like a changed one, so an editor's edit is kept exactly as the
 * full import keeps it. Anything else goes the full way.
 *
 * When only bodies changed and no commit came since, only the changed pages are read from the
 * site's snapshot, and the result is the last import's with their conversions in place of the
 * old ones (`importer/site/pageLocal.ts`); otherwise the whole site is restored from it.
 */
import {convertPages, type SitePages} from './convertPages.ts'
import {appendConversions, converterVersion} from './conversionCache.ts'
import type {ImportArgs} from './importArgs.ts'
import {fingerprintImages} from './imageFingerprints.ts'
import type {ImportManifest, RecordedSite} from './importManifest.ts'
import {readSnapshot, readSnapshotPages, snapshotFile, writeSnapshot} from './importSnapshot.ts'
import {finishImport, prepareFiles, type PipelineInput} from './importPipeline.ts'
import type {ConvertResult} from '../importer/body/index.ts'
import type {ImportResult} from '../importer/site/importSite.ts'
import {finishPages, keptPlans, restorePages, type PagesNow} from '../importer/site/pageLocal.ts'
import type {ImportedDocument} from '../importer/types.ts'
import {fromHead, pageHead, siteShape} from '../importer/site/shape.ts'
import {restoreSite, type SiteSnapshot} from '../importer/site/snapshot.ts'
import {finishSite, type PageJob, type PreparedSite} from '../importer/site/stages.ts'
import {
  readDocuments,
  readTransactionLog,
  transactionIdAt,
} from '../lake/store/transactions-read.ts'

/**
 * Pages past which the full path is taken: it converts on worker threads and reads the dataset
 * in a few queries, which many pages repay.
 */
const MOST_PAGES = 50

const DRAFT = 'drafts.'

/** The site paths whose hashes differ between the record and this run, or why they cannot. */
function changedFiles(
  recorded: Readonly<Record<string, string>>,
  current: Readonly<Record<string, string>>,
): string[] | {reason: string} {
  const changed: string[] = []
  // Keys and lookups, not entries: the first run of this loop is most of its cost, and on
  // 5,000 pages one entry array a file took three times as long.
  const paths = Object.keys(current)
  for (const path of paths) {
    const hash = recorded[path]
    // Not a string: no own entry (an inherited name, such as `constructor`, is none either).
    if (typeof hash !== 'string') return {reason: `${path} is new`}
    if (hash !== current[path]) changed.push(path)
  }
  // Every path of this run is recorded: any more recorded ones are gone.
  if (Object.keys(recorded).length !== paths.length)
    for (const path of Object.keys(recorded))
      if (typeof current[path] !== 'string') return {reason: `${path} is gone`}
  return changed
}

/** The published document's id of a draft's (or its own). */
const ownId = (id: string) => (id.startsWith(DRAFT) ? id.slice(DRAFT.length) : id)

/** The site as it is now, and whether it was restored from a snapshot; or why not. */
type SiteNow = {prepared: PreparedSite; restored: boolean; reason?: string}

/**
 * The site restored from `snapshot` with the pages read again (those whose bytes changed or
 * whose documents a commit touched), or why not; a damaged snapshot of the right key and shape
 * (it makes the restore throw) is one more reason to prepare the whole site.
 */
function restoreFrom(
  snapshot: SiteSnapshot,
  input: PipelineInput,
  changed: readonly string[],
  touched: ReadonlySet<string>,
): PreparedSite | {reason: string} {
  try {
    const ids = new Set([...touched].map(ownId))
    const again = new Set(changed)
    for (const plan of snapshot.plans) if (plan.page && ids.has(plan.id)) again.add(plan.page.file)
    const files = new Map(input.site.files.map((siteFile) => [siteFile.path, siteFile]))
    // The memo is not saved: it would keep only the few pages read again.
    return restoreSite(snapshot, files, [...again], {
      frontMatter: input.frontMatter?.memo,
      time: input.startedAt,
    })
  } catch (error) {
    return {reason: `the site's snapshot is damaged (${(error as Error).message})`}
  }
}

/**
 * The site as it is now: restored from the last import's snapshot and the pages read again
 * (those whose bytes changed or whose documents a commit touched), or else prepared from every
 * file, with why it cannot be imported this way when its shape is not the recorded one.
 */
async function siteNow(
  args: ImportArgs,
  input: PipelineInput,
  recorded: RecordedSite,
  changed: readonly string[],
  touched: ReadonlySet<string>,
): Promise<SiteNow> {
  const check = input.check!
  const file = snapshotFile(check.lakeDir, check.dataset)
  const snapshot = await readSnapshot(file, check.key, recorded.shape)
  if (snapshot) {
    const restored = restoreFrom(snapshot, input, changed, touched)
    if (!('reason' in restored)) return {prepared: restored, restored: true}
    if (args.verbose) console.error(`Preparing the whole site: ${restored.reason}.`)
  }
  // The files stay the caller's: the full import needs them when this path cannot be taken.
  const prepared = prepareFiles(input.site.files, args, input)
  await input.frontMatter?.save()
  if (siteShape(prepared) === recorded.shape) {
    // The snapshot of the site as it is now, for the imports that follow: a page whose body
    // got its first line (the blank line after the front matter joined what precedes its body)
    // made every later one-page import prepare the whole site again.
    await writeSnapshot(file, check.key, recorded.shape, prepared)
    return {prepared, restored: false}
  }
  const reason = 'the navigation, front matter, _config.yml or an include changed'
  return {prepared, restored: false, reason}
}

/** How many pages' front matter was parsed, and how many remembered (for `--verbose`). */
function frontMatterRead({frontMatter}: PipelineInput): string {
  if (!frontMatter) return ''
  const {parsed, remembered} = frontMatter.counts
  return ` (front matter: ${parsed} parsed, ${remembered} remembered)`
}

/**
 * What {@link importChangedPages} did: imported what changed, or nothing, and the full import
 * must run (on the site it prepared, when it got that far).
 */
export type ChangedPagesOutcome = {imported: true} | {imported: false; prepared?: PreparedSite}

/**
 * Imports only what changed since `manifest`'s import, or does nothing when that cannot be
 * decided this way and the full import must run.
 */
export async function importChangedPages(
  args: ImportArgs,
  input: PipelineInput,
  manifest: ImportManifest,
): Promise<ChangedPagesOutcome> {
  const {check} = input
  let prepared: PreparedSite | undefined
  const fullWay = (reason: string): ChangedPagesOutcome => {
    if (args.verbose) console.error(`Importing in full: ${reason}.`)
    return {imported: false, prepared}
  }
  const recorded = manifest.site
  if (!check || !recorded) return fullWay('the last import recorded no site shape')
  if (manifest.key !== check.key) return fullWay('the code, the site folder or a flag changed')
  if (manifest.readProblems !== check.readProblems)
    return fullWay('what the folder holds changed (a link, an unreadable file)')
  const changed = changedFiles(manifest.files, check.files)
  if ('reason' in changed) return fullWay(changed.reason)
  if (changed.length > MOST_PAGES) return fullWay(`${changed.length} files changed`)
  const {images} =
    check.images ??
    (await fingerprintImages(Object.keys(manifest.images), {
      images: manifest.images,
      stamps: manifest.imageStamps,
    }))
  const image = Object.keys(images).find((path) => images[path] !== manifest.images[path])
  if (image !== undefined) return fullWay(`the image ${image} changed`)

  // Every commit since the recorded one is someone else's (the import records after its own).
  if (transactionIdAt(check.data, manifest.dataset.seq) !== manifest.dataset.id)
    return fullWay('the dataset no longer holds the last import’s commit')
  const log = readTransactionLog(check.data, manifest.dataset.seq)
  if (!log) return fullWay('the dataset has no transactions')
  const touched = new Set(log.after.flatMap((tx) => tx.documents))
  // Such a page's document changes with other pages' bodies: they are all converted again.
  const reader = Object.entries(recorded.pages).find(([, head]) => head.readsBodies)
  if (reader) return fullWay(`the Liquid of the page of ${reader[0]} reads other pages' bodies`)

  // Nothing but page bodies changed: only those pages are restored, if they can be.
  if (touched.size === 0) {
    const alone = await importPagesAlone(args, input, manifest, changed)
    if ('imported' in alone) return alone
    if (args.verbose) console.error(`Restoring the whole site: ${alone.reason}.`)
  }
  const now = await siteNow(args, input, recorded, changed, touched)
  // Only a site prepared from every file may go on to the full import; a restored one has no
  // text of the pages it did not read again.
  if (!now.restored) prepared = now.prepared
  if (now.reason !== undefined) return fullWay(now.reason)
  const site = now.prepared
  const byFile = new Map(site.jobs.map((job) => [job.file, job]))
  const jobs = new Map<string, PageJob>()
  for (const file of changed) {
    const job = byFile.get(file)
    if (!job) return fullWay(`${file} changed, and it is not a page's body`)
    jobs.set(job.id, job)
  }
  const byId = new Map(site.jobs.map((job) => [job.id, job]))
  for (const id of touched) {
    const job = byId.get(ownId(id))
    if (job) jobs.set(job.id, job)
  }
  if (jobs.size > MOST_PAGES) return fullWay(`${jobs.size} pages to convert again`)

  const version = await versionOf(input, recorded)
  const {converted: fresh, remembered} = await convertAgain(
    {...site, jobs: [...jobs.values()]},
    version,
  )
  const converted = new Map<string, ConvertResult>()
  for (const job of site.jobs) {
    const page = fresh.get(job.id)
    const head = recorded.pages[job.id]
    if (!head) return fullWay(`the last import recorded no conversion of ${job.file}`)
    if (page && (page.documents.length || head.documents.length))
      return fullWay(`${job.file} extracts documents that other pages may share`)
    if (page?.readsBodies) return fullWay(`the Liquid of ${job.file} reads other pages' bodies`)
    converted.set(job.id, page ?? fromHead(head))
  }
  // Only the documents to sync are made in full; the others are as the last import left them.
  const synced = new Set([...jobs.keys(), ...[...touched].map(ownId)])
  const result = finishSite(site, converted, site.jobs.length - jobs.size, synced)

  const all = new Set(result.documents.map((doc) => doc._id))
  const others = [...touched].filter((id) => !all.has(id) && !id.includes('.'))
  for (const [id, doc] of readDocuments(check.data, others)) {
    if ((doc.source as {importHash?: unknown} | undefined)?.importHash !== undefined)
      return fullWay(`${id}, a document an import wrote, changed in the dataset`)
  }
  const documents = result.documents.filter((doc) => synced.has(doc._id))
  if (args.verbose) {
    const how = now.restored
      ? '; the site and its front matter restored from its snapshot'
      : frontMatterRead(input)
    console.error(onlyWhatChanged(changed, touched.size, documents, how))
  }
  await finishChanged(args, input, manifest, {result, fresh, remembered, version, documents})
  return {imported: true}
}

/** What `--verbose` says of a one-page import: what changed, what it syncs, and `how`. */
const onlyWhatChanged = (
  changed: readonly string[],
  touched: number,
  documents: readonly ImportedDocument[],
  how: string,
) =>
  `Importing only what changed: ${changed.length} changed files, ${touched} documents changed in the dataset; ${documents.length} documents to sync${how}.`

/** The converter's version the changed pages are remembered under. */
const versionOf = async (input: PipelineInput, recorded: RecordedSite) =>
  recorded.converter ?? input.converter ?? (await converterVersion())

/**
 * The pages of `site` converted, not recalled (their bytes changed, or a commit touched their
 * document), and each conversion's cache line, to remember for the next full import too.
 */
async function convertAgain(site: SitePages, version: string) {
  const remembered = new Map<string, string>()
  const store = {
    get: () => undefined,
    set: (key: string, json: string) => remembered.set(key, json),
  }
  const {converted} = await convertPages(site, {workers: 0, cache: {store, version}})
  return {converted, remembered}
}

/** What a one-page import converted and found, to validate, sync and record. */
interface ChangedImport {
  result: ImportResult
  /** The pages converted again, by document id, and their cache lines. */
  fresh: ReadonlyMap<string, ConvertResult>
  remembered: ReadonlyMap<string, string>
  version: string
  /** The documents to sync (the result's others are as the last import left them). */
  documents: ImportedDocument[]
}

/** Remembers the pages converted again, then validates, syncs and records their documents. */
async function finishChanged(
  args: ImportArgs,
  input: PipelineInput,
  manifest: ImportManifest,
  {result, fresh, remembered, version, documents}: ChangedImport,
) {
  const recorded = manifest.site!
  await appendConversions(input.check!.lakeDir, remembered)
  const pages = {...recorded.pages}
  for (const [id, page] of fresh) pages[id] = pageHead(page)
  await finishImport(
    args,
    input,
    {result, pages: manifest.outcome.pages, site: {...recorded, pages, converter: version}},
    {documents, previous: manifest},
  )
}

/**
 * Imports the changed pages of `changed` alone (see `pageLocal.ts`), or says why they cannot
 * be: the site is then restored from its snapshot in full.
 */
async function importPagesAlone(
  args: ImportArgs,
  input: PipelineInput,
  manifest: ImportManifest,
  changed: readonly string[],
): Promise<{imported: true} | {reason: string}> {
  const check = input.check!
  const recorded = manifest.site!
  const file = snapshotFile(check.lakeDir, check.dataset)
  const snapshot = await readSnapshotPages(file, check.key, recorded.shape)
  if (!snapshot) return {reason: 'the site has no snapshot for this import'}
  const files = new Map(input.site.files.map((siteFile) => [siteFile.path, siteFile]))
  const options = {frontMatter: input.frontMatter?.memo, time: input.startedAt}
  let now: PagesNow | {reason: string}
  try {
    const kept = await keptPlans(snapshot, changed)
    now = 'reason' in kept ? kept : restorePages(snapshot, kept, files, options)
  } catch (error) {
    return {reason: `the site's snapshot is damaged (${(error as Error).message})`}
  } finally {
    await snapshot.close()
  }
  if ('reason' in now) return now
  const version = await versionOf(input, recorded)
  const {converted: fresh, remembered} = await convertAgain(now, version)
  const last = {...manifest.outcome, heads: recorded.pages}
  const result = finishPages(now, fresh, last)
  if ('reason' in result) return result
  const documents = now.plans.map((plan) => result.documents.find((doc) => doc._id === plan.id)!)
  if (args.verbose)
    console.error(
      onlyWhatChanged(
        changed,
        0,
        documents,
        "; only the changed pages restored from the site's snapshot",
      ),
    )
  await finishChanged(args, input, manifest, {result, fresh, remembered, version, documents})
  return {imported: true}
}
