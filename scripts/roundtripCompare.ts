/**
 * The round trip of a site, measured: import → export → import again, then per page whether
 * the re-imported document is identical and whether kramdown renders the exported page as it
 * renders the original (identical HTML, and identical features as `fidelity/` compares them:
 * text, headings, lists, numbering, tables, code, links, images, footnotes). kramdown is passed
 * in, so the comparison itself does no I/O.
 */
import {compareFeatures} from '../fidelity/compare.ts'
import {extractFeatures, type PageFeatures} from '../fidelity/features.ts'
import {parseFragment} from '../fidelity/html.ts'
import {kramdownAddresses, prepareKramdown} from '../fidelity/intentional.ts'
import type {JekyllPage} from '../fidelity/jekyll.ts'
import type {KramdownRequest, KramdownResult} from '../fidelity/kramdown.ts'
import {calloutClasses, kramdownRequest} from '../fidelity/page.ts'
import {comparable, exportSite} from '../exporter/index.ts'
import {convertBody, type ConvertContext} from '../importer/body/index.ts'
import {
  importSite,
  type ImportedDocument,
  type ImportOptions,
  type SiteFile,
} from '../importer/index.ts'
import {HTML_FILE} from '../schemas/constants.ts'
import {readConfig} from '../importer/site/config.ts'

/** How one page came back. */
export interface PageRoundTrip {
  file: string
  documentId: string
  /** The re-imported document equals the first import (source hash aside). */
  sameDocument: boolean
  /** kramdown's HTML of the exported page equals that of the original. */
  sameHtml?: boolean
  /** The same, but for an H1 of the title the original did not have. */
  sameHtmlButTitle?: boolean
  /** The features `fidelity/` compares are equal, or the first that differs. */
  sameFeatures?: boolean
  firstDifference?: string
  /** The exported file equals the original byte for byte. */
  sameBytes: boolean
}

/** Every page of a site after one round trip, and the exported files. */
export interface SiteRoundTrip {
  pages: PageRoundTrip[]
  exported: Map<string, string>
}

interface Captured {
  markdown: string
  ctx: ConvertContext
}

function importCapturing(files: readonly SiteFile[], options: ImportOptions) {
  const captured = new Map<string, Captured>()
  const result = importSite(files, {
    ...options,
    convertBody: (markdown, ctx) => {
      captured.set(ctx.file, {markdown, ctx})
      return convertBody(markdown, ctx)
    },
  })
  return {documents: result.documents, captured}
}

function textOf(file: SiteFile | undefined): string | undefined {
  if (!file) return undefined
  return file.text ?? (file.bytes ? new TextDecoder().decode(file.bytes) : undefined)
}

function request(
  page: Captured,
  includes?: ReadonlyMap<string, string>,
  jekyll?: JekyllPage,
): KramdownRequest {
  return kramdownRequest({
    file: page.ctx.file,
    title: page.ctx.title,
    markdown: page.markdown,
    page: page.ctx.page,
    site: page.ctx.site,
    resolveLink: (href) => page.ctx.resolveLink(href, page.ctx.file)?._id ?? null,
    include: (name) => includes?.get(name),
    jekyll,
  }).request
}

function features(html: string, page: Captured): PageFeatures {
  const root = parseFragment(html)
  const footnotes = prepareKramdown(root, page.ctx.title)
  const out = extractFeatures(root, {
    ...kramdownAddresses(
      String(page.ctx.site.baseurl ?? ''),
      (href) => page.ctx.resolveLink(href, page.ctx.file)?._id ?? null,
    ),
    callout: calloutClasses(page.ctx.site.callouts),
  })
  out.footnotes = footnotes
  return out
}

/** A page read from HTML as its export leaves it: at the `.md` path written in its place. */
function asExported(doc: ImportedDocument): ImportedDocument {
  const source = doc.source as {path?: unknown} | undefined
  if (typeof source?.path !== 'string' || !HTML_FILE.test(source.path)) return doc
  return {...doc, source: {...source, path: source.path.replace(HTML_FILE, '.md')}}
}

function normalHtml(html: string): string {
  return html.replace(/>\s+</g, '><').replace(/\s+/g, ' ').trim()
}

/**
 * Imports `files`, exports the documents over them, imports the result, and compares every
 * page; with `kramdown`, also kramdown's rendering of each original and exported page.
 */
export async function roundTripSite(
  files: readonly SiteFile[],
  options: {
    import?: ImportOptions
    kramdown?: (requests: readonly KramdownRequest[]) => Promise<KramdownResult[]>
    /** `_includes/<name>` by name, for Liquid includes on kramdown's side. */
    includes?: ReadonlyMap<string, string>
    /** The original pages after Jekyll's own Liquid (`fidelity/jekyll.ts`), by file. */
    jekyll?: ReadonlyMap<string, JekyllPage>
    /**
     * The exported site's pages after Jekyll's Liquid, by file: the export writes Liquid back
     * (an `{% include %}`, a `{% raw %}`), which the emulation does not run as Jekyll does.
     */
    jekyllExported?: (
      files: readonly SiteFile[],
    ) => Promise<ReadonlyMap<string, JekyllPage> | undefined>
  } = {},
): Promise<SiteRoundTrip> {
  const first = importCapturing(files, options.import ?? {})
  const configFile = files.find((file) => file.path === '_config.yml')
  const {config} = readConfig(textOf(configFile))
  const {
    files: exported,
    paths,
    replaced,
  } = exportSite(first.documents, {
    permalink: config.permalink,
    baseurl: config.baseurl,
    navSort: config.navSort,
    collections: config.collections,
  })
  const byPath = new Map(files.map((file) => [file.path, file]))
  const merged: SiteFile[] = [
    // An HTML page is written as markdown in its place (the command removes the `.html`).
    ...files.filter((file) => !exported.has(file.path) && !replaced.has(file.path)),
    ...[...exported].map(([path, text]) => ({path, text})),
  ]
  const second = importCapturing(merged, options.import ?? {})
  const after = new Map(second.documents.map((doc) => [doc._id, JSON.stringify(comparable(doc))]))
  const pages: PageRoundTrip[] = []
  const compared: Array<{page: PageRoundTrip; before: Captured; after: Captured}> = []
  for (const doc of first.documents) {
    const file = paths.get(doc._id)
    if (!file) continue
    const page: PageRoundTrip = {
      file,
      documentId: doc._id,
      sameDocument: after.get(doc._id) === JSON.stringify(comparable(asExported(doc))),
      sameBytes: textOf(byPath.get(file)) === exported.get(file),
    }
    pages.push(page)
    const before = first.captured.get(file)
    const again = second.captured.get(file)
    if (before && again) compared.push({page, before, after: again})
  }
  if (options.kramdown && compared.length > 0) {
    const jekyllAfter = options.jekyll && (await options.jekyllExported?.(merged))
    const html = await options.kramdown(
      compared.flatMap(({before, after: again}) => [
        request(before, options.includes, options.jekyll?.get(before.ctx.file)),
        request(again, options.includes, jekyllAfter?.get(again.ctx.file)),
      ]),
    )
    compared.forEach(({page, before, after: again}, index) => {
      const original = html[2 * index]
      const written = html[2 * index + 1]
      if ('error' in original || 'error' in written) return
      page.sameHtml = normalHtml(original.html) === normalHtml(written.html)
      // The model does not say whether the page had the title's H1; the export always writes it.
      page.sameHtmlButTitle =
        page.sameHtml ||
        normalHtml(original.html) === normalHtml(written.html).replace(/^<h1[^>]*>.*?<\/h1>/, '')
      const differences = compareFeatures(
        features(original.html, before),
        features(written.html, again),
      ).differences
      page.sameFeatures = differences.length === 0
      if (differences[0]) {
        const d = differences[0]
        page.firstDifference = `${d.feature} #${d.at}: "${d.expected}" → "${d.actual}"`
      }
    })
  }
  return {pages, exported}
}
