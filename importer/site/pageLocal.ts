/**
 * The one-page import at the size of its pages: when only page bodies changed and nothing else
 * did (no commit since the last import either), the changed pages are restored from the parts of
 * the last import's snapshot they need (their own plans, what every conversion shares, and a row
 * of every plan: what links resolve by and what validation reads of the other documents), and the
 * import's result is the last import's outcome with their conversions in place of the old ones.
 * No other page's plan is read, no navigation restored, no other document assembled: the rows
 * stand for them.
 */
import {DOCUMENT_TYPES, SITE_ID} from '../../schemas/constants.ts'
import type {ConvertResult} from '../body/index.ts'
import {assembleDocuments, documentStub, mergeExtracted} from '../documents/assemble.ts'
import type {PlannedDocument} from '../documents/plan.ts'
import {shownProblems} from '../report/shown.ts'
import type {Diagnostic, ImportedDocument} from '../types.ts'
import type {ImportResult, ImportStats} from './importSite.ts'
import {linkedPage, pageUrl, type LinkedPage} from './links.ts'
import {fromHead, type PageHead} from './shape.ts'
import {
  liquidReadersAfter,
  rereadPage,
  restoredContext,
  restorePage,
  type KeptPlan,
  type RestoreOptions,
  type SiteSnapshot,
} from './snapshot.ts'
import {
  jobsOf,
  problemCounts,
  siteContext,
  type PageJob,
  type SiteContext,
  type SiteContextData,
} from './stages.ts'
import type {SiteConfig, SiteFile, SourcePage} from './types.ts'

/**
 * What a one-page import needs of every plan: its document's id, type and slug (what validation
 * reads of the documents it does not write) and, for a page, what links to it resolve by.
 */
export interface PlanRow {
  id: string
  type: PlannedDocument['type']
  slug: string
  page?: LinkedPage
}

/** The rows of a snapshot's plans, in plan order. */
export function planRows({plans, slugs}: SiteSnapshot): PlanRow[] {
  return plans.map((plan, i) => ({
    id: plan.id,
    type: plan.type,
    slug: slugs[i],
    ...(plan.page ? {page: linkedPage(plan.page)} : {}),
  }))
}

/** What a page-local import reads of a snapshot. */
export interface SnapshotPages {
  /** What every conversion shares, but for the pages links resolve to (the rows hold them). */
  contextData: SiteSnapshot['contextData']
  config: SiteConfig
  liquidReaders?: string[]
  rows: readonly PlanRow[]
  /** The kept plan at `index` of the rows (read when asked for). */
  plan: (index: number) => KeptPlan | Promise<KeptPlan>
}

/** The kept plans of the pages of `changed`, by site path; why not, when one has none. */
export async function keptPlans(
  snapshot: SnapshotPages,
  changed: readonly string[],
): Promise<Map<string, KeptPlan> | {reason: string}> {
  const byFile = new Map<string, number>()
  snapshot.rows.forEach((row, i) => row.page && byFile.set(row.page.file, i))
  const kept = new Map<string, KeptPlan>()
  for (const path of changed) {
    const index = byFile.get(path)
    if (index === undefined) return {reason: `${path} is a page no plan has`}
    const plan = await snapshot.plan(index)
    if (plan.id !== snapshot.rows[index].id || plan.page?.file !== path)
      return {reason: `the snapshot's plans of ${path}`}
    kept.set(path, plan)
  }
  return kept
}

/** The changed pages of a site, ready to convert, and the rows that stand for every plan. */
export interface PagesNow {
  /** The changed pages' bodies, in plan order. */
  jobs: PageJob[]
  context: SiteContext
  contextData: SiteContextData
  /** The changed pages' plans; their children are the rows' ids (all a document lists). */
  plans: PlannedDocument[]
  rows: readonly PlanRow[]
  config: SiteConfig
}

/** A plan row as the child a document lists: its id and type (`references` reads the id). */
const listed = (row: PlanRow): PlannedDocument => ({
  id: row.id,
  type: row.type,
  title: '',
  children: [],
  depth: 0,
  hidden: false,
})

/**
 * The pages of `kept` (the kept plans of the files whose bytes changed, by site path, see
 * {@link keptPlans}) read again, or why they cannot be imported this way: a page's front matter
 * changed, it is no longer a page or uses `{% include_relative %}`, or the site would get a
 * Liquid site or lose its own.
 */
export function restorePages(
  snapshot: Omit<SnapshotPages, 'plan'>,
  kept: ReadonlyMap<string, KeptPlan>,
  files: ReadonlyMap<string, SiteFile>,
  options: RestoreOptions = {},
): PagesNow | {reason: string} {
  const {contextData, config, rows} = snapshot
  const byId = new Map(rows.map((row, index) => [row.id, {row, index}]))
  const reread = new Map<string, SourcePage>()
  for (const [path, plan] of kept) {
    const read = plan.page && rereadPage(path, files, plan.page, config, options)
    if (!read) return {reason: `the snapshot's plans of ${path}`}
    if ('reason' in read) return read
    reread.set(path, read)
  }
  const readers = liquidReadersAfter(snapshot, reread)
  if ('reason' in readers) return readers
  const found: Array<{index: number; plan: PlannedDocument}> = []
  for (const [path, plan] of kept) {
    const index = byId.get(plan.id)?.index
    if (index === undefined) return {reason: `the snapshot's plans of ${path}`}
    const page = restorePage(plan.page!, files, reread.get(path)!)
    if ('reason' in page) return page
    const children = plan.children.map((id) => byId.get(id)?.row)
    if (children.some((child) => !child)) return {reason: `the snapshot's plans of ${path}`}
    found.push({index, plan: {...plan, children: children.map((row) => listed(row!)), page}})
  }
  const plans = found.sort((a, b) => a.index - b.index).map(({plan}) => plan)
  const linkPages = rows.flatMap((row) =>
    row.page ? [{page: row.page, target: {_id: row.id, _type: row.type}}] : [],
  )
  const data = restoredContext(contextData, linkPages, options.time)
  return {
    jobs: jobsOf(plans),
    context: siteContext(data, options.clock),
    contextData: data,
    plans,
    rows,
    config,
  }
}

/** What the last import found, which a page-local import's result is made from. */
export interface LastOutcome {
  /** The importer's diagnostics of the whole site (not the Studio rules'). */
  diagnostics: readonly Diagnostic[]
  stats: ImportStats
  /** Each page's conversion without its body, by document id. */
  heads: Readonly<Record<string, PageHead>>
}

/** A diagnostic as a key: equal diagnostics are the same text. */
const keyOf = (diagnostic: Diagnostic) => JSON.stringify(diagnostic)

/**
 * `all` with one of each of `gone` (the same text) taken out and `added` put where the first of
 * them was (or last, when `gone` is empty), so the list changes where the page's problems are
 * and the record's patch stays small; undefined when one of `gone` is not among them. Only
 * those of the files `gone` names are compared (a site's others are many).
 */
function replaced(
  all: readonly Diagnostic[],
  gone: readonly Diagnostic[],
  added: readonly Diagnostic[],
): Diagnostic[] | undefined {
  const count = new Map<string, number>()
  for (const d of gone) count.set(keyOf(d), (count.get(keyOf(d)) ?? 0) + 1)
  const files = new Set(gone.map((d) => d.file))
  const result: Diagnostic[] = []
  let placed = gone.length === 0
  for (const d of all) {
    const key = files.has(d.file) ? keyOf(d) : undefined
    const left = key === undefined ? undefined : count.get(key)
    if (!left) {
      result.push(d)
      continue
    }
    count.set(key!, left - 1)
    if (!placed) result.push(...added)
    placed = true
  }
  if ([...count.values()].some((left) => left !== 0)) return undefined
  return gone.length === 0 ? [...result, ...added] : result
}

/**
 * The import's result once the changed pages are converted (`converted` by document id): their
 * documents in full, every other one its `_id`, `_type` and `slug` (as `finishSite` makes them
 * with `only`), and the whole site's problems and counts: the last import's, with each changed
 * page's conversion in place of its old one. Why not, when a page extracts documents other pages
 * may share, reads other pages' bodies, or the last import's problems do not hold its old ones.
 */
export function finishPages(
  now: PagesNow,
  converted: ReadonlyMap<string, ConvertResult>,
  last: LastOutcome,
): ImportResult | {reason: string} {
  // The changed pages' own slugs: their documents are the only ones assembled.
  const ids = new Set(now.plans.map((plan) => plan.id))
  const slugs = new Map(now.rows.flatMap((row) => (ids.has(row.id) ? [[row.id, row.slug]] : [])))
  const full = new Map<string, ImportedDocument>()
  const gone: Diagnostic[] = []
  const added: Diagnostic[] = []
  const blockLines: ImportResult['blockLines'] = {}
  for (const plan of now.plans) {
    const file = plan.page!.file
    const head = last.heads[plan.id]
    const result = converted.get(plan.id)
    if (!head || !result) return {reason: `the last import recorded no conversion of ${file}`}
    if (result.documents.length || head.documents.length)
      return {reason: `${file} extracts documents that other pages may share`}
    if (result.readsBodies) return {reason: `the Liquid of ${file} reads other pages' bodies`}
    // The problems of a page's document besides its conversion's (a `next` link to no lesson).
    const before = assembleDocuments([plan], new Map([[plan.id, fromHead(head)]]), {slugs})
    const after = assembleDocuments([plan], new Map([[plan.id, result]]), {slugs})
    // As the record keeps them: the problems a report shows.
    gone.push(...shownProblems([...head.diagnostics, ...before.diagnostics]))
    added.push(...shownProblems([...result.diagnostics, ...after.diagnostics]))
    full.set(plan.id, after.documents[0])
    if (result.lines) blockLines[plan.id] = {body: result.body, lines: result.lines}
  }
  const diagnostics = replaced(last.diagnostics, gone, added)
  if (!diagnostics)
    return {reason: "the last import's problems do not hold the changed pages' old ones"}
  const extracted = now.rows.flatMap((row) =>
    row.page ? [{file: row.page.file, documents: last.heads[row.id]?.documents ?? []}] : [],
  )
  const documents: ImportedDocument[] = [
    ...now.rows.map((row) => full.get(row.id) ?? documentStub(row.id, row.type, row.slug)),
    // What validation reads of the site document, which only the navigation changes.
    {_id: SITE_ID, _type: DOCUMENT_TYPES.site},
    ...mergeExtracted(extracted).documents,
  ]
  const {failedFiles, warnings, errors} = problemCounts(diagnostics)
  const pages = now.rows.filter((row) => row.page).length
  return {
    documents,
    diagnostics,
    blockLines,
    failedFiles,
    origins: Object.fromEntries(now.plans.map((plan) => [plan.id, plan.page!.file])),
    addresses: Object.fromEntries(
      now.plans.map((plan) => [plan.page!.file, pageUrl(plan.page!, now.config)]),
    ),
    stats: {
      ...last.stats,
      warnings,
      errors,
      reused: pages - now.plans.length,
    },
  }
}
