/**
 * The import's stages around the page bodies' conversion: prepare (read the site, plan its
 * documents), convert each page (here or on a worker thread), finish (assemble, check, count).
 * No body converter is loaded here: a caller that converts nothing (every page cached) or
 * converts elsewhere never pays for it.
 */
import type {ConvertContext, ConvertResult} from '../body/index.ts'
import type {PageLimits} from '../body/limits.ts'
import {assembleDocuments, mergeExtracted} from '../documents/assemble.ts'
import {planDocuments, type PlannedDocument} from '../documents/plan.ts'
import {siteDocument} from '../documents/site.ts'
import {pageFailed} from '../report/error-text.ts'
import type {Diagnostic, ImportedDocument, LinkTarget} from '../types.ts'
import {readConfig} from './config.ts'
import {otherGenerator} from './otherGenerator.ts'
import {siteInFolder} from './siteFolder.ts'
import type {BlockLines} from './blockLines.ts'
import type {ImportOptions, ImportResult} from './importSite.ts'
import {readIncludes, readRelativeIncludes} from './includes.ts'
import {createLinkResolver, pageUrl, type LinkedPage} from './links.ts'
import {readLiquidSite} from './liquidSite.ts'
import {buildSiteNav} from './nav/build.ts'
import {readPages, type ReadPages} from './pages.ts'
import {HTML_FILE} from '../../schemas/constants.ts'
import type {SiteConfig, SiteFile} from './types.ts'

function fileText(files: readonly SiteFile[], path: string): string | undefined {
  const file = files.find((f) => f.path === path)
  if (!file) return undefined
  return file.text ?? new TextDecoder().decode(file.bytes)
}

/** One page body to convert, as plain data (it can be sent to a worker thread). */
export interface PageJob {
  /** The id of the page's document. */
  id: string
  markdown: string
  file: string
  title: string
  lineOffset: number
  /** The page's front matter. */
  page: Record<string, unknown>
}

/** What every page's conversion shares: the site, its links and includes, the limits. */
export type SiteContext = Omit<ConvertContext, 'file' | 'title' | 'lineOffset' | 'page'>

/** The plain data a {@link SiteContext} is made from, so a worker thread can make its own. */
export interface SiteContextData {
  config: SiteConfig
  /** Each page's path and front matter: not its text, which a worker has no use for. */
  linkPages: Array<{page: LinkedPage; target: LinkTarget}>
  includes: Record<string, string>
  /** The files `{% include_relative %}` reads, by site path; absent when no page uses it. */
  relativeIncludes?: Record<string, string>
  /** What Liquid control flow reads; absent when no page uses it. */
  liquid?: ConvertContext['liquid']
  extraction?: ConvertContext['extraction']
  limits?: Partial<PageLimits>
}

/** The context of every page's conversion, made from its data. */
export function siteContext(data: SiteContextData, clock?: () => number): SiteContext {
  const {config, linkPages, includes, relativeIncludes, liquid, extraction, limits} = data
  const resolveLink = createLinkResolver(linkPages, config)
  return {
    site: config.raw,
    resolveLink,
    extraction,
    includes,
    relativeIncludes,
    liquid,
    limits,
    clock,
  }
}

/** Converts one page's body; a converter that throws fails that page only. */
export function convertJob(
  job: PageJob,
  ctx: SiteContext,
  convert: NonNullable<ImportOptions['convertBody']>,
): ConvertResult {
  try {
    return convert(job.markdown, {
      ...ctx,
      file: job.file,
      title: job.title,
      lineOffset: job.lineOffset,
      page: job.page,
    })
  } catch (error) {
    return {
      body: [],
      documents: [],
      diagnostics: [
        pageFailed('body-failed', job.file, job.lineOffset + 1, 'converting its body', error),
      ],
    }
  }
}

/** How many of the files read as pages are HTML, when any is. */
function htmlFiles(read: ReadPages): {htmlFiles?: number} {
  const paths = [...read.pages.map((page) => page.file), ...read.skipped, ...read.failed]
  const count = paths.filter((path) => HTML_FILE.test(path)).length
  return count > 0 ? {htmlFiles: count} : {}
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

/** The files with an error (sorted), and the warnings and errors among `diagnostics`. */
export function problemCounts(diagnostics: readonly Diagnostic[]) {
  const failed = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file))
  return {
    failedFiles: [...failed].sort(),
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    errors: diagnostics.filter((d) => d.severity === 'error').length,
  }
}

/** A site read and planned, its page bodies not converted yet. */
export interface PreparedSite {
  /** The page bodies to convert, in navigation order. */
  jobs: PageJob[]
  /** Everything their conversion shares, and the plain data it was made from. */
  context: SiteContext
  contextData: SiteContextData
  plans: PlannedDocument[]
  config: SiteConfig
  configText: string | undefined
  read: ReadPages
  unread: Set<string>
  /** Problems found so far: reading, `_config.yml`, front matter, navigation, includes. */
  diagnostics: Diagnostic[]
  /** Each plan's slug by id, when known already (a site restored from its snapshot). */
  slugs?: ReadonlyMap<string, string>
  /** The pages whose bodies read the Liquid site (site paths), when it has one. */
  liquidReaders?: readonly string[]
}

/** What links resolve to: each planned page's path and front matter, and its document. */
export function linkPagesOf(plans: readonly PlannedDocument[]): SiteContextData['linkPages'] {
  return plans.flatMap((plan) =>
    plan.page
      ? [
          {
            page: {file: plan.page.file, data: plan.page.data},
            target: {_id: plan.id, _type: plan.type},
          },
        ]
      : [],
  )
}

/** The page bodies to convert, one for each planned page, in plan order. */
export function jobsOf(plans: readonly PlannedDocument[]): PageJob[] {
  return plans.flatMap(({id, title, page}) =>
    page
      ? [
          {
            id,
            markdown: page.body,
            file: page.file,
            title,
            lineOffset: page.lineOffset,
            page: page.data,
          },
        ]
      : [],
  )
}

/** Reads the site's files and plans its documents: everything before page bodies are converted. */
export function prepareSite(
  files: readonly SiteFile[],
  options: Omit<ImportOptions, 'convertBody' | 'cache' | 'onProgress'> = {},
): PreparedSite {
  const configText = fileText(files, '_config.yml')
  const {config, diagnostics: configProblems} = readConfig(configText, {
    gemfileLock: fileText(files, 'Gemfile.lock'),
    gemfile: fileText(files, 'Gemfile') ?? null,
    legacy: options.legacy,
    themeVersion: options.themeVersion,
  })
  const diagnostics = [...(options.readProblems ?? []), ...configProblems]
  const paths = [...files.map((file) => file.path), ...(options.otherFiles ?? [])]
  const generator = otherGenerator(configText, paths)
  if (generator) diagnostics.push(generator)
  const inFolder = siteInFolder(configText, paths)
  if (inFolder) diagnostics.push(inFolder)
  const unread = new Set(
    options.readProblems?.filter((d) => d.severity === 'error').map((d) => d.file),
  )
  const read = readPages(files, config, {
    maxYamlNodes: options.maxYamlNodes,
    frontMatter: options.frontMatter,
    otherFiles: options.otherFiles,
  })
  diagnostics.push(...read.diagnostics)
  const nav = buildSiteNav(read.pages, config, {
    placeholders: options.placeholders,
    notPages: read.notPages,
  })
  diagnostics.push(...nav.diagnostics)
  const plans = planDocuments(nav.tree)
  const {includes, diagnostics: includeProblems} = readIncludes(files)
  diagnostics.push(...includeProblems)
  const relativeIncludes = readRelativeIncludes(files, read.pages, includes)
  const liquid = readLiquidSite(files, read.pages, config, {
    time: options.time,
    otherFiles: options.otherFiles,
  })
  diagnostics.push(...liquid.diagnostics)
  const contextData: SiteContextData = {
    config,
    linkPages: linkPagesOf(plans),
    includes,
    ...(Object.keys(relativeIncludes).length > 0 ? {relativeIncludes} : {}),
    ...(liquid.site ? {liquid: liquid.site} : {}),
    extraction: options.extraction,
    limits: options.limits,
  }
  return {
    jobs: jobsOf(plans),
    context: siteContext(contextData, options.clock),
    contextData,
    plans,
    config,
    configText,
    read,
    unread,
    diagnostics,
    ...(liquid.site ? {liquidReaders: liquid.readers} : {}),
  }
}

/**
 * Each page file's address on the site (with `only`, of those documents' pages): what a relative
 * link or image source in it is resolved against, as the readers' browsers do.
 */
export function pageAddresses(
  {plans, config}: Pick<PreparedSite, 'plans' | 'config'>,
  only?: ReadonlySet<string>,
): Record<string, string> {
  return Object.fromEntries(
    plans.flatMap((plan) =>
      plan.page && (!only || only.has(plan.id))
        ? [[plan.page.file, pageUrl(plan.page, config)]]
        : [],
    ),
  )
}

/**
 * The documents, problems and counts of a prepared site once every page body is converted
 * (`converted` by document id); `reused` counts the conversions a cache gave back. With `only`,
 * just those documents (and their pages' addresses) are made in full, the others being their
 * `_id`, `_type` and `slug` (see `assembleDocuments`); problems and counts are the whole site's.
 */
export function finishSite(
  prepared: PreparedSite,
  converted: ReadonlyMap<string, ConvertResult>,
  reused?: number,
  only?: ReadonlySet<string>,
): ImportResult {
  const {plans, config, configText, read, unread} = prepared
  const diagnostics = [...prepared.diagnostics]
  const extracted: Array<{file: string; documents: ImportedDocument[]}> = []
  const blockLines: Record<string, BlockLines> = {}
  // In page order, whatever order the conversions finished in.
  for (const job of prepared.jobs) {
    const result = converted.get(job.id)!
    diagnostics.push(...result.diagnostics)
    extracted.push({file: job.file, documents: result.documents})
    if (result.lines) blockLines[job.id] = {body: result.body, lines: result.lines}
  }
  const pagesDocs = assembleDocuments(plans, converted, {only, slugs: prepared.slugs})
  const site = siteDocument(plans, {
    raw: config.raw,
    text: configText,
    collections: config.collections,
  })
  const extras = mergeExtracted(extracted)
  diagnostics.push(...pagesDocs.diagnostics, ...site.diagnostics, ...extras.diagnostics)
  const documents = [...pagesDocs.documents, site.document, ...extras.documents]
  diagnostics.push(...duplicateIds(documents, plans))
  const origins = {[site.document._id]: '_config.yml', ...documentOrigins(plans, extracted)}
  const {failedFiles, warnings, errors} = problemCounts(diagnostics)
  const byType: Record<string, number> = {}
  for (const doc of documents) byType[doc._type] = (byType[doc._type] ?? 0) + 1
  return {
    documents,
    diagnostics,
    blockLines,
    failedFiles,
    origins,
    addresses: pageAddresses(prepared, only),
    stats: {
      files: read.pages.length + read.skipped.length + read.failed.length + unread.size,
      pages: read.pages.length,
      skipped: read.skipped.length,
      ...(read.noFrontMatter ? {noFrontMatter: read.noFrontMatter} : {}),
      ...htmlFiles(read),
      failed: read.failed.length + unread.size,
      documents: byType,
      warnings,
      errors,
      theme: {...config.theme, legacy: config.legacy},
      ...(config.pagePlugins.from
        ? {
            headingTitles: {
              pages: read.pages.filter((page) => page.titleFromFile && !page.collection).length,
              from: config.pagePlugins.from,
            },
          }
        : {}),
      ...(reused === undefined ? {} : {reused}),
    },
  }
}
