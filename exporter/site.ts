import {DOCUMENT_TYPES, SITE_ID} from '../schemas/constants.ts'
import {splitTrailingEmoji} from '../importer/body/emoji.ts'
import {writeBlocks, type BodyState, type Item} from './body/index.ts'
import {escapeHtml} from './body/blocks.ts'
import {writeFrontMatter, type FrontMatterLine} from './frontMatter.ts'
import {navOrders, yamlNumber, type SortRules} from './navOrder.ts'
import {derivedPath, relativeLink} from './paths.ts'
import type {ExportDiagnostic, ExportedDocument, ExportOptions, ExportResult} from './types.ts'

const PAGE_TYPES: readonly string[] = [
  DOCUMENT_TYPES.course,
  DOCUMENT_TYPES.module,
  DOCUMENT_TYPES.lesson,
]

const PLACING_KEYS = ['parent', 'grand_parent', 'ancestor']

interface Source {
  path?: string
  hasSourcePage?: boolean
  navOrder?: string
  frontMatter?: Array<{key?: string; value?: string}>
}

/** A page to write: the document, its parent in the navigation, and its computed place. */
interface Page {
  doc: ExportedDocument
  parent?: Page
  path?: string
  navOrder?: number | string
  /** The title is written as a YAML number (the theme sorts it as one). */
  numericTitle?: boolean
}

function sourceOf(doc: ExportedDocument): Source {
  return (doc.source as Source | undefined) ?? {}
}

function refs(value: unknown): string[] {
  return Array.isArray(value)
    ? value.flatMap((ref: {_ref?: unknown}) => (typeof ref?._ref === 'string' ? [ref._ref] : []))
    : []
}

function childIds(doc: ExportedDocument): string[] {
  if (doc._type === DOCUMENT_TYPES.site) return refs(doc.courses)
  if (doc._type === DOCUMENT_TYPES.course) return refs(doc.contents)
  return refs(doc.lessons)
}

/** Pages in navigation order: every listed page after its parent, then pages nothing lists. */
function frontMatterValue(doc: ExportedDocument, key: string): unknown {
  const entry = sourceOf(doc).frontMatter?.find((item) => item.key === key)
  try {
    return entry?.value === undefined ? undefined : (JSON.parse(entry.value) as unknown)
  } catch {
    return entry?.value
  }
}

function childOrderReversed(doc: ExportedDocument): boolean {
  const value = frontMatterValue(doc, 'child_nav_order')
  return value === 'reversed' || value === 'desc'
}

function placePages(
  byId: ReadonlyMap<string, ExportedDocument>,
  navSort: SortRules['navSort'],
): Page[] {
  const pages = new Map<string, Page>()
  const ordered: Page[] = []
  const visit = (ids: string[], parent: Page | undefined) => {
    const children: Page[] = []
    for (const id of ids) {
      const doc = byId.get(id)
      if (!doc || !PAGE_TYPES.includes(doc._type) || pages.has(id)) continue
      const page: Page = {doc, parent}
      pages.set(id, page)
      ordered.push(page)
      children.push(page)
    }
    const orders = navOrders(
      children.map((page) => ({
        navOrder: sourceOf(page.doc).navOrder,
        title: String(page.doc.title ?? ''),
        path: sourceOf(page.doc).path,
        fresh: page.doc.source === undefined,
      })),
      {reversed: parent ? childOrderReversed(parent.doc) : false, navSort},
    )
    children.forEach((page, index) => {
      page.navOrder = orders.orders[index]
      page.numericTitle = orders.numericTitles[index]
    })
    for (const page of children) visit(childIds(page.doc), page)
  }
  const site = byId.get(SITE_ID)
  visit(site ? childIds(site) : [], undefined)
  // Courses the site does not list, then pages no parent lists, keep their own nav_order.
  const rest = [...byId.values()].filter(
    (doc) => PAGE_TYPES.includes(doc._type) && !pages.has(doc._id),
  )
  for (const doc of rest.filter((d) => d._type === DOCUMENT_TYPES.course))
    visit([doc._id], undefined)
  for (const doc of rest) {
    if (pages.has(doc._id)) continue
    const navOrder = sourceOf(doc).navOrder
    const page: Page = {doc, navOrder: navOrder === undefined ? undefined : yamlNumber(navOrder)}
    pages.set(doc._id, page)
    ordered.push(page)
    visit(childIds(doc), page)
  }
  return ordered
}

function assignPaths(pages: readonly Page[]): void {
  const taken = new Set(pages.flatMap((page) => sourceOf(page.doc).path ?? []))
  for (const page of pages) {
    const path = sourceOf(page.doc).path
    if (path) {
      page.path = path
      continue
    }
    page.path = derivedPath({
      slug: String((page.doc.slug as {current?: string} | undefined)?.current ?? page.doc._id),
      folder: page.doc._type !== DOCUMENT_TYPES.lesson || childIds(page.doc).length > 0,
      parentPath: page.parent?.path,
      taken,
    })
    taken.add(page.path)
  }
}

function titleOf(page: Page | undefined): string {
  return String(page?.doc.title ?? '')
}

function ancestors(page: Page): Page[] {
  const out: Page[] = []
  for (let up = page.parent; up; up = up.parent) out.push(up)
  return out
}

/**
 * `ancestor`, where `parent` and `grand_parent` name more than one place: another page has the
 * parent's title under a page with the grandparent's title. The nearest page above the
 * grandparent whose title no such other place has above it tells them apart.
 */
function distinguishingAncestor(
  page: Page,
  placesByTitles: ReadonlyMap<string, readonly Page[]>,
): string | undefined {
  const parent = page.parent
  const grand = parent?.parent
  if (!parent || !grand) return undefined
  const others = (placesByTitles.get(placeKey(parent)) ?? []).filter((other) => other !== parent)
  if (others.length === 0) return undefined
  const theirs = new Set(others.flatMap((other) => ancestors(other).map(titleOf)))
  return ancestors(grand)
    .map(titleOf)
    .find((title) => !theirs.has(title))
}

/** A page's title and its parent's, which `parent` and `grand_parent` name. */
function placeKey(page: Page): string {
  return JSON.stringify([titleOf(page), titleOf(page.parent)])
}

function placesByTitles(pages: readonly Page[]): Map<string, Page[]> {
  const out = new Map<string, Page[]>()
  for (const page of pages) {
    const key = placeKey(page)
    out.set(key, [...(out.get(key) ?? []), page])
  }
  return out
}

function frontMatter(page: Page, places: ReadonlyMap<string, readonly Page[]>): string {
  const doc = page.doc
  const title = String(doc.title ?? '')
  const lines: FrontMatterLine[] = [
    ['title', (page.numericTitle ?? /^\d+$/.test(title)) ? Number(title) : title],
  ]
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

function tocExclusions(body: readonly Item[]): Set<string> {
  const out = new Set<string>()
  for (const item of body) {
    if (item._type !== 'tableOfContents') continue
    for (const text of (item.exclude as unknown[] | undefined) ?? []) {
      if (typeof text === 'string') out.add(text)
    }
  }
  return out
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
    '<div class="nav-buttons">',
    `    <a href="${escapeHtml(href)}" class="btn btn-primary">${escapeHtml(next.label)}</a>`,
    '</div>',
  ].join('\n')
}

/** The address Jekyll gives a page: its `permalink`, else from its path and the site's style. */
function pageUrl(page: Page, options: ExportOptions): string {
  const base = (options.baseurl ?? '').replace(/\/+$/, '')
  const written = frontMatterValue(page.doc, 'permalink')
  if (typeof written === 'string' && written.startsWith('/')) return base + written
  const stem = (page.path ?? '').replace(/\.(?:md|markdown|mkd|mkdn)$/i, '')
  if (stem === 'index' || stem.endsWith('/index'))
    return `${base}/${stem.slice(0, -'index'.length)}`
  return options.permalink === 'pretty' ? `${base}/${stem}/` : `${base}/${stem}.html`
}

/**
 * The H1 repeating the title, with the page emoji. None when the page cannot have had it: a
 * title that ends with an emoji the page does not have (the importer would have taken it), or
 * a body that opens with an H1 of its own.
 */
function titleHeading(doc: ExportedDocument): string {
  const title = String(doc.title ?? '')
  if (!doc.emoji && splitTrailingEmoji(title).emoji) return ''
  // A body that opens with its own H1 is a page written without the title's.
  const first = (doc.body as Item[] | undefined)?.[0]
  if (first?._type === 'block' && first.style === 'h1' && !first.listItem) return ''
  const heading = `# ${[title, doc.emoji].filter(Boolean).join(' ')}`
  return tocExclusions((doc.body as Item[] | undefined) ?? []).has(title)
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
  const files = new Map<string, string>()
  const paths = new Map<string, string>()
  const diagnostics: ExportDiagnostic[] = []
  for (const page of pages) {
    const source = sourceOf(page.doc)
    if (source.hasSourcePage === false) continue
    const file = page.path!
    const body = (page.doc.body as Item[] | undefined) ?? []
    const state: BodyState = {
      blocks: (items) => writeBlocks(items, state),
      linkTo: (id, anchor) => {
        const target = pagesById.get(id)
        return target?.path ? relativeLink(file, target.path, anchor) : undefined
      },
      documents: byId,
      noToc: tocExclusions(body),
      report: (problem) => diagnostics.push({...problem, file, documentId: page.doc._id}),
    }
    const parts = [
      titleHeading(page.doc),
      writeBlocks(body, state),
      nextBlock(page, pagesById, options),
    ]
    paths.set(page.doc._id, file)
    files.set(file, `${frontMatter(page, places)}\n${parts.filter(Boolean).join('\n\n')}\n`)
  }
  return {files, paths, diagnostics}
}
