import {splitTrailingEmoji} from '../importer/body/emoji.ts'
import {createLinkResolver, pageUrl as siteUrl, type LinkedPage} from '../importer/site/links.ts'
import type {LinkTarget} from '../importer/types.ts'
import {decodedOr} from '../importer/uri.ts'
import {writeBlocks, type BodyState, type Item} from './body/index.ts'
import {escapeHtml} from './body/blocks.ts'
import {writeFrontMatter, type FrontMatterLine} from './frontMatter.ts'
import {
  assignPaths,
  distinguishingAncestor,
  frontMatterValue,
  type Page,
  PLACING_KEYS,
  placePages,
  placesByTitles,
  sourceOf,
} from './navigation.ts'
import {withIncludeTags} from './includes.ts'
import {relativeLink} from './paths.ts'
import {HTML_FILE} from '../schemas/constants.ts'
import type {ExportDiagnostic, ExportedDocument, ExportOptions, ExportResult} from './types.ts'

function frontMatter(page: Page, places: ReadonlyMap<string, readonly Page[]>): string {
  const doc = page.doc
  const title = String(doc.title ?? '')
  // A collection document whose source had no `title:` keeps having none.
  const lines: FrontMatterLine[] = sourceOf(doc).titleFromFile
    ? []
    : [['title', (page.numericTitle ?? /^\d+$/.test(title)) ? Number(title) : title]]
  if (typeof doc.description === 'string') lines.push(['description', doc.description])
  // A placeholder parent (no page of its own) is still the title the theme matches.
  if (page.parent) lines.push(['parent', String(page.parent.doc.title ?? '')])
  if (page.parent?.parent) lines.push(['grand_parent', String(page.parent.parent.doc.title ?? '')])
  const ancestor = distinguishingAncestor(page, places)
  if (ancestor !== undefined) lines.push(['ancestor', ancestor])
  if (page.navOrder !== undefined) lines.push(['nav_order', page.navOrder])
  for (const entry of sourceOf(doc).frontMatter ?? []) {
    if (typeof entry.key !== 'string') continue
    // A listed page's place comes from the navigation; an unlisted one keeps what it had.
    if (page.parent && PLACING_KEYS.includes(entry.key)) continue
    let value: unknown = null
    try {
      value = JSON.parse(entry.value ?? 'null')
    } catch {
      value = entry.value
    }
    lines.push([entry.key, value])
  }
  return writeFrontMatter(lines)
}

function tocExclusions(body: readonly Item[], out = new Set<string>()): Set<string> {
  for (const item of body) {
    // A table of contents inside `<details>` or a callout (a folded "Table of contents").
    if (Array.isArray(item.body)) tocExclusions(item.body as Item[], out)
    if (item._type !== 'tableOfContents') continue
    for (const text of (item.exclude as unknown[] | undefined) ?? []) {
      if (typeof text === 'string') out.add(text)
    }
  }
  return out
}

/**
 * The attribute that keeps an element's content HTML on a site whose kramdown reads HTML
 * blocks as markdown (`markdown="0"`), else none: the nav buttons' indented link would be code.
 */
function htmlOnly(options: ExportOptions): string {
  return options.parseBlockHtml ? ' markdown="0"' : ''
}

function nextBlock(
  page: Page,
  pagesById: ReadonlyMap<string, Page>,
  options: ExportOptions,
): string {
  const next = page.doc.next as
    {label?: string; href?: string; lesson?: {_ref?: string}} | undefined
  if (!next || typeof next.label !== 'string') return ''
  const target = next.lesson?._ref ? pagesById.get(next.lesson._ref) : undefined
  const href = target?.path ? pageUrl(target, options) : next.href
  if (!href) return ''
  return [
    '---',
    '',
    `<div class="nav-buttons"${htmlOnly(options)}>`,
    `    <a href="${escapeHtml(href)}" class="btn btn-primary">${escapeHtml(next.label)}</a>`,
    '</div>',
  ].join('\n')
}

/** A page as the importer's link resolution sees it: its file and its `permalink`. */
function linkedPage(page: Page): LinkedPage {
  return {file: page.path ?? '', data: {permalink: frontMatterValue(page.doc, 'permalink')}}
}

/** The address Jekyll gives a page, with the site's `baseurl` (see `importer/site/links.ts`). */
function pageUrl(page: Page, options: ExportOptions): string {
  const base = (options.baseurl ?? '').replace(/\/+$/, '')
  return (
    base +
    siteUrl(linkedPage(page), {
      permalink: options.permalink ?? 'date',
      collections: options.collections,
    })
  )
}

/**
 * The H1 repeating the title, with the page emoji, when the page had it (`source.titleHeading`,
 * or, for documents imported before the importer recorded it, unless the page cannot have had
 * it: a title that ends with an emoji the page does not have, or a body that opens with an H1
 * of its own).
 */
function titleHeading(doc: ExportedDocument): string {
  const title = String(doc.title ?? '')
  // What the importer saw; documents imported before it recorded this are guessed at below.
  const had = (doc.source as {titleHeading?: unknown} | undefined)?.titleHeading
  if (had === false) return ''
  if (had !== true && !doc.emoji && splitTrailingEmoji(title).emoji) return ''
  // A body that opens with its own H1 is a page written without the title's.
  const first = (doc.body as Item[] | undefined)?.[0]
  if (had !== true && first?._type === 'block' && first.style === 'h1' && !first.listItem) return ''
  const heading = `# ${[title, doc.emoji].filter(Boolean).join(' ')}`
  const source = doc.source as {titleNoToc?: unknown} | undefined
  return source?.titleNoToc === true ||
    tocExclusions((doc.body as Item[] | undefined) ?? []).has(title)
    ? `${heading}\n{: .no_toc }`
    : heading
}

/**
 * Writes a just-the-docs site from dataset documents: one markdown file per course, module
 * and lesson that has a page (at `source.path`, or a path derived from its place and slug),
 * with its front matter from the navigation and its body as kramdown. Pure: documents in,
 * files out; problems are returned, never thrown.
 */
export function exportSite(
  documents: readonly ExportedDocument[],
  options: ExportOptions = {},
): ExportResult {
  const byId = new Map(documents.map((doc) => [doc._id, doc]))
  const pages = placePages(byId, options.navSort ?? 'case_sensitive')
  assignPaths(pages)
  const pagesById = new Map(pages.map((page) => [page.doc._id, page]))
  const places = placesByTitles(pages)
  const resolveLink = createLinkResolver(
    pages
      .filter((page) => page.path !== undefined)
      .map((page) => ({
        page: linkedPage(page),
        target: {_id: page.doc._id, _type: page.doc._type as LinkTarget['_type']},
      })),
    {
      permalink: options.permalink ?? 'date',
      baseurl: (options.baseurl ?? '').replace(/\/+$/, ''),
      collections: options.collections,
    },
  )
  const files = new Map<string, string>()
  const paths = new Map<string, string>()
  const diagnostics: ExportDiagnostic[] = []
  const uploads = new Map<string, string>()
  const replaced = new Map<string, string>()
  const keptHtml = new Set<string>()
  for (const page of pages) {
    const source = sourceOf(page.doc)
    if (source.hasSourcePage === false) continue
    const file = page.path!
    if (page.keepHtml) {
      paths.set(page.doc._id, file)
      keptHtml.add(file)
      continue
    }
    const body = (page.doc.body as Item[] | undefined) ?? []
    const state: BodyState = {
      blocks: (items) => writeBlocks(items, state),
      // Resolved as the importer resolves links, so what it read as this page still is.
      stillLeadsTo: (written, id) => resolveLink(written, file)?._id === id,
      linkTo: (id, anchor) => {
        const target = pagesById.get(id)
        return target?.path ? relativeLink(file, target.path, anchor) : undefined
      },
      documents: byId,
      noToc: tocExclusions(body),
      report: (problem) => diagnostics.push({...problem, file, documentId: page.doc._id}),
      upload: (assetId) => {
        const upload = uploadPath(byId.get(assetId))
        if (!upload) return undefined
        uploads.set(upload.path, upload.url)
        return relativeLink(file, upload.path)
      },
      htmlOnly: htmlOnly(options),
    }
    const parts = [
      titleHeading(page.doc),
      writeBlocks(withIncludeTags(body, source.includes), state),
      nextBlock(page, pagesById, options),
    ]
    if (source.path !== undefined && source.path !== file && HTML_FILE.test(source.path)) {
      replaced.set(source.path, file)
      diagnostics.push({
        severity: 'warning',
        code: 'html-page-as-markdown',
        file,
        documentId: page.doc._id,
        message: `Wrote the page read from ${source.path} as markdown, in its place, since it was edited: Jekyll publishes it at the same address, without the scripts, styles and forms of the HTML file, which the import left out.`,
        hint: `Nothing to do if the page needs none; otherwise restore ${source.path} from version control and make the edit there.`,
      })
    }
    paths.set(page.doc._id, file)
    files.set(file, `${frontMatter(page, places)}\n${parts.filter(Boolean).join('\n\n')}\n`)
  }
  return {files, paths, diagnostics, uploads, replaced, keptHtml}
}

/** Where an uploaded image asset's file goes in the site: `assets/uploads/<its file name>`. */
function uploadPath(asset: ExportedDocument | undefined): {path: string; url: string} | undefined {
  const url = asset?.url
  if (typeof url !== 'string' || !url) return undefined
  // The asset's own file name (`<sha1>-<w>x<h>.<ext>`): the same upload is the same file.
  const name = decodedOr(
    url
      .replace(/[?#].*$/, '')
      .split('/')
      .pop() ?? '',
  )
  if (!/^[\w.-]+$/.test(name)) return undefined
  return {path: `assets/uploads/${name}`, url}
}
