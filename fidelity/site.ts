/**
 * A whole site compared with kramdown: imported with the importer core, every page body
 * rendered by the project, every page's markdown rendered by kramdown (in one batch), and
 * each page compared. No file system here: the caller reads the files.
 */
import {convertBody as defaultConvertBody} from '../importer/body/index.ts'
import type {ConvertContext} from '../importer/body/index.ts'
import {importSite, type ImportedDocument, type SiteFile} from '../importer/index.ts'
import type {StoredDocument} from '../queries/memory.ts'
import {BLOCK_TYPES} from '../schemas/constants.ts'
import type {PageComparison} from './compare.ts'
import type {JekyllPage} from './jekyll.ts'
import type {KramdownRequest, KramdownResult} from './kramdown.ts'
import {comparePage, kramdownRequest, type PageSource} from './page.ts'
import {HTML_FILE} from '../schemas/constants.ts'
import {renderBodies} from './render.tsx'

/** How one page of a site compares; `error` names what could not be compared. */
export interface PageReport {
  file: string
  documentId: string
  comparison?: PageComparison
  error?: string
  /** Liquid the reference side approximated or did not evaluate (see `liquid.ts`). */
  notEmulated: string[]
  /** Types the renderer has no component for. */
  missingComponents: string[]
  /** Top-level body blocks, and how many of them are `rawHtml`. */
  blocks: number
  rawHtmlBlocks: number
  /** Both renderings compared, when asked for (`keepHtml`). */
  html?: {kramdown: string; project: string}
}

/** Every imported page of a site compared, plus the page files the importer skipped. */
export interface SiteReport {
  pages: PageReport[]
  skippedFiles: number
}

/** Phases reported while a site is compared. */
export type FidelityPhase = 'importing' | 'rendering' | 'kramdown' | 'comparing'

/** Options of {@link siteFidelity}. */
export interface SiteFidelityOptions {
  /** Renders a batch with kramdown; `renderWithKramdown` in `kramdown.ts`. */
  kramdown: (requests: readonly KramdownRequest[]) => Promise<KramdownResult[]>
  /** `_includes/<name>` by name, for Liquid includes. */
  includes?: ReadonlyMap<string, string>
  /** Each page after Jekyll's own Liquid (`jekyll.ts`), by file; pages missing here are emulated. */
  jekyll?: ReadonlyMap<string, JekyllPage>
  onProgress?: (phase: FidelityPhase, done: number, total: number, file: string) => void
  /** Keep both renderings of every page in its report, to read a difference in full. */
  keepHtml?: boolean
  /** Liquid's `site.time` on the project's side (ISO 8601): when Jekyll built the reference. */
  time?: string
  /** The site's files the importer does not read, by site path (`site.static_files`). */
  otherFiles?: readonly string[]
}

interface Captured {
  markdown: string
  ctx: ConvertContext
}

function bodyOf(document: ImportedDocument): Array<{_type: string}> {
  return Array.isArray(document.body) ? (document.body as Array<{_type: string}>) : []
}

function sourcePath(document: ImportedDocument): string | undefined {
  const source = document.source as {path?: unknown} | undefined
  return typeof source?.path === 'string' ? source.path : undefined
}

/** Imports, renders and compares every page of a site. */
export async function siteFidelity(
  files: readonly SiteFile[],
  options: SiteFidelityOptions,
): Promise<SiteReport> {
  const captured = new Map<string, Captured>()
  const result = importSite(files, {
    time: options.time,
    otherFiles: options.otherFiles,
    convertBody: (markdown, ctx) => {
      captured.set(ctx.file, {markdown, ctx})
      return defaultConvertBody(markdown, ctx)
    },
    onProgress: (done, total, file) => options.onProgress?.('importing', done, total, file),
  })
  const pages = result.documents.flatMap((document) => {
    const file = sourcePath(document)
    const page = file === undefined ? undefined : captured.get(file)
    return page && file ? [{document, file, page}] : []
  })
  options.onProgress?.('rendering', 0, pages.length, '')
  const rendered = await renderBodies(
    result.documents as StoredDocument[],
    pages.map(({document}) => document._id),
  )
  const sources = pages.map(({file, page}): PageSource => {
    const {ctx} = page
    return {
      file,
      title: ctx.title,
      markdown: page.markdown,
      page: ctx.page,
      site: ctx.site,
      resolveLink: (href) => ctx.resolveLink(href, file)?._id ?? null,
      include: (name) => options.includes?.get(name),
      jekyll: options.jekyll?.get(file),
    }
  })
  const requests = sources.map(kramdownRequest)
  options.onProgress?.('kramdown', 0, pages.length, '')
  // An HTML page is what its Liquid made: Jekyll hands it to no markdown converter.
  const html = (index: number) => HTML_FILE.test(sources[index].file)
  const converted = await options.kramdown(
    requests.filter((_, index) => !html(index)).map(({request}) => request),
  )
  let next = 0
  const references = requests.map(({request}, index) =>
    html(index) ? {html: request.markdown} : converted[next++],
  )
  const reports = pages.map(({document, file}, index): PageReport => {
    options.onProgress?.('comparing', index + 1, pages.length, file)
    const body = bodyOf(document)
    const html = rendered.get(document._id)
    const reference = references[index]
    const report: PageReport = {
      file,
      documentId: document._id,
      notEmulated: requests[index].notEmulated,
      missingComponents: html?.missingComponents ?? [],
      blocks: body.length,
      rawHtmlBlocks: body.filter((block) => block._type === BLOCK_TYPES.rawHtml).length,
    }
    if ('error' in reference) return {...report, error: `kramdown failed: ${reference.error}`}
    if (options.keepHtml) report.html = {kramdown: reference.html, project: html?.html ?? ''}
    try {
      return {...report, comparison: comparePage(sources[index], reference.html, html?.html ?? '')}
    } catch (error) {
      return {...report, error: `comparison failed: ${(error as Error).message}`}
    }
  })
  return {pages: reports, skippedFiles: result.stats.skipped + result.stats.failed}
}
