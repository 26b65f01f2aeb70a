import {convertBody as defaultConvertBody} from '../body/index.ts'
import type {ConvertContext, ConvertResult} from '../body/index.ts'
import type {PageLimits} from '../body/limits.ts'
import {rememberConversions, type ConversionCache} from '../cache.ts'
import {assembleDocuments, mergeExtracted} from '../documents/assemble.ts'
import {planDocuments, type PlannedDocument} from '../documents/plan.ts'
import {siteDocument} from '../documents/site.ts'
import {pageFailed} from '../report/error-text.ts'
import type {Diagnostic, ImportedDocument} from '../types.ts'
import {readConfig} from './config.ts'
import {readIncludes} from './includes.ts'
import {createLinkResolver} from './links.ts'
import {buildNavTree} from './nav/build.ts'
import {readPages} from './pages.ts'
import type {SiteFile, ThemeVersion} from './types.ts'

/** Options of {@link importSite}; every one has a default. */
export interface ImportOptions {
  /** Force the 3-level rules of themes before v0.10 (default: detected from `_config.yml`). */
  legacy?: boolean
  /**
   * Create course and module documents for `parent` titles that no page has (off by default:
   * the theme hides such pages, so they are imported as not in the navigation).
   */
  placeholders?: boolean
  /** The just-the-docs version to follow, e.g. `0.8.1` (default: read from the site's files). */
  themeVersion?: string
  /** The body converter; tests of the hierarchy pass a stub. */
  convertBody?: (markdown: string, ctx: ConvertContext) => ConvertResult
  /** Extraction settings passed through to the body stage. */
  extraction?: ConvertContext['extraction']
  /** Budget of YAML values per front matter after alias expansion (default 100,000). */
  maxYamlNodes?: number
  /** Limits on each page's size, nesting, delimiters and time (defaults: `DEFAULT_LIMITS`). */
  limits?: Partial<PageLimits>
  /** Milliseconds for the per-page time limit (default `performance.now`). */
  clock?: () => number
  /**
   * Problems the caller met reading the site (a file name that is not UTF-8, a symbolic
   * link), reported with the others; files with an error there count as unreadable.
   */
  readProblems?: readonly Diagnostic[]
  /** Remembered conversions: pages whose inputs did not change are not converted again. */
  cache?: {store: ConversionCache; version: string}
  /** Called after each page body is converted. */
  onProgress?: (done: number, total: number, file: string) => void
}

/** Counts for the summary. */
export interface ImportStats {
  /** Markdown files given, pages read (published, titled), skipped and failed files. */
  files: number
  pages: number
  skipped: number
  failed: number
  documents: Record<string, number>
  warnings: number
  errors: number
  /** Pages whose remembered conversion was reused (only with `cache`). */
  reused?: number
  /** The theme version followed, where it came from, and whether the pre-0.10 rules applied. */
  theme: ThemeVersion & {legacy: boolean}
}

/** The documents of a site, every problem found, and counts. */
export interface ImportResult {
  documents: ImportedDocument[]
  diagnostics: Diagnostic[]
  stats: ImportStats
  /** The page line of each top-level body block, by document id and block `_key`. */
  blockLines: Record<string, Record<string, number>>
  /** Files with at least one error. */
  failedFiles: string[]
  /** The source file each document came from (placeholders: the first page below them). */
  origins: Record<string, string>
}

function fileText(files: readonly SiteFile[], path: string): string | undefined {
  const file = files.find((f) => f.path === path)
  if (!file) return undefined
  return file.text ?? new TextDecoder().decode(file.bytes)
}

function convertPage(
  plan: PlannedDocument,
  ctx: Omit<ConvertContext, 'file' | 'title' | 'lineOffset' | 'page'>,
  convert: NonNullable<ImportOptions['convertBody']>,
): ConvertResult {
  const page = plan.page!
  try {
    return convert(page.body, {
      ...ctx,
      file: page.file,
      title: plan.title,
      lineOffset: page.lineOffset,
      page: page.data,
    })
  } catch (error) {
    return {
      body: [],
      documents: [],
      diagnostics: [
        pageFailed('body-failed', page.file, page.lineOffset + 1, 'converting its body', error),
      ],
    }
  }
}

/** Two documents with one `_id` would overwrite each other in the dataset. */
function duplicateIds(documents: readonly ImportedDocument[], plans: readonly PlannedDocument[]) {
  const seen = new Set<string>()
  const diagnostics: Diagnostic[] = []
  for (const doc of documents) {
    if (!seen.has(doc._id)) {
      seen.add(doc._id)
      continue
    }
    const file = plans.find((plan) => plan.id === doc._id && plan.page)?.page?.file ?? '_config.yml'
    diagnostics.push({
      severity: 'error',
      code: 'duplicate-id',
      file,
      message: `Cannot give two documents the id "${doc._id}", expected ids to be unique.`,
      hint: 'Rename one of the files (or the extracted item) so their ids differ.',
    })
  }
  return diagnostics
}

/** The source file of each document; a placeholder takes the first page below it. */
function documentOrigins(
  plans: readonly PlannedDocument[],
  extracted: ReadonlyArray<{file: string; documents: readonly ImportedDocument[]}>,
): Record<string, string> {
  const origins: Record<string, string> = {}
  for (const plan of plans) if (plan.page) origins[plan.id] = plan.page.file
  // Plans are in tree pre-order, so walking backwards reaches children before their parents.
  for (const plan of [...plans].reverse()) {
    if (plan.parentId && origins[plan.id] && !origins[plan.parentId]) {
      origins[plan.parentId] = origins[plan.id]
    }
  }
  for (const {file, documents} of extracted) {
    for (const doc of documents) origins[doc._id] ??= file
  }
  return origins
}

/**
 * Imports a just-the-docs site: files in, Sanity documents out. Pure: no file system, no
 * network; the caller reads the files and writes the result.
 */
export function importSite(files: readonly SiteFile[], options: ImportOptions = {}): ImportResult {
  const configText = fileText(files, '_config.yml')
  const {config, diagnostics: configProblems} = readConfig(configText, {
    gemfileLock: fileText(files, 'Gemfile.lock'),
    gemfile: fileText(files, 'Gemfile'),
    legacy: options.legacy,
    themeVersion: options.themeVersion,
  })
  const diagnostics = [...(options.readProblems ?? []), ...configProblems]
  const unread = new Set(
    options.readProblems?.filter((d) => d.severity === 'error').map((d) => d.file),
  )
  const read = readPages(files, config, {maxYamlNodes: options.maxYamlNodes})
  diagnostics.push(...read.diagnostics)
  const nav = buildNavTree(read.pages, config, {
    placeholders: options.placeholders,
    notPages: read.notPages,
  })
  diagnostics.push(...nav.diagnostics)
  const plans = planDocuments(nav.tree)
  const withPages = plans.filter((plan) => plan.page)
  const resolveLink = createLinkResolver(
    withPages.map((plan) => ({page: plan.page!, target: {_id: plan.id, _type: plan.type}})),
    config,
  )
  const baseConvert = options.convertBody ?? defaultConvertBody
  const remembered = options.cache
    ? rememberConversions(baseConvert, options.cache.store, options.cache.version)
    : undefined
  const convert = remembered ?? baseConvert
  const {includes, diagnostics: includeProblems} = readIncludes(files)
  diagnostics.push(...includeProblems)
  const converted = new Map<string, ConvertResult>()
  const extracted: Array<{file: string; documents: ImportedDocument[]}> = []
  withPages.forEach((plan, index) => {
    const {extraction, limits, clock} = options
    const ctx = {site: config.raw, resolveLink, extraction, includes, limits, clock}
    const result = convertPage(plan, ctx, convert)
    converted.set(plan.id, result)
    diagnostics.push(...result.diagnostics)
    extracted.push({file: plan.page!.file, documents: result.documents})
    options.onProgress?.(index + 1, withPages.length, plan.page!.file)
  })
  const pagesDocs = assembleDocuments(plans, converted)
  const site = siteDocument(plans, {raw: config.raw, text: configText})
  const extras = mergeExtracted(extracted)
  diagnostics.push(...pagesDocs.diagnostics, ...site.diagnostics, ...extras.diagnostics)
  const documents = [...pagesDocs.documents, site.document, ...extras.documents]
  diagnostics.push(...duplicateIds(documents, plans))
  const origins = {[site.document._id]: '_config.yml', ...documentOrigins(plans, extracted)}
  const failed = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file))
  const byType: Record<string, number> = {}
  for (const doc of documents) byType[doc._type] = (byType[doc._type] ?? 0) + 1
  const blockLines: Record<string, Record<string, number>> = {}
  for (const [id, result] of converted) if (result.lines) blockLines[id] = result.lines
  return {
    documents,
    diagnostics,
    blockLines,
    failedFiles: [...failed].sort(),
    origins,
    stats: {
      files: read.pages.length + read.skipped.length + read.failed.length + unread.size,
      pages: read.pages.length,
      skipped: read.skipped.length,
      failed: read.failed.length + unread.size,
      documents: byType,
      warnings: diagnostics.filter((d) => d.severity === 'warning').length,
      errors: diagnostics.filter((d) => d.severity === 'error').length,
      theme: {...config.theme, legacy: config.legacy},
      ...(remembered ? {reused: remembered.stats.hits} : {}),
    },
  }
}
