import {DOCUMENT_TYPES, SITE_ID} from '../schemas/constants.ts'
import {navOrders, yamlNumber, type SortRules} from './navOrder.ts'
import {derivedPath} from './paths.ts'
import {HTML_FILE} from '../schemas/constants.ts'
import {isUnchangedSinceImport} from '../sync/hash.ts'
import type {ExportedDocument} from './types.ts'

/**
 * The navigation as the dataset holds it (site → courses → contents → lessons arrays), turned
 * into the pages to write: each with its parent, its path and its `nav_order`.
 */

const PAGE_TYPES: readonly string[] = [
  DOCUMENT_TYPES.course,
  DOCUMENT_TYPES.module,
  DOCUMENT_TYPES.lesson,
]

/** Front-matter keys that place a page; the navigation writes them for a listed page. */
export const PLACING_KEYS = ['parent', 'grand_parent', 'ancestor']

interface Source {
  path?: string
  hasSourcePage?: boolean
  navOrder?: string
  frontMatter?: Array<{key?: string; value?: string}>
  /** The `{% include %}` tags of the page and the blocks each made (`source.includes`). */
  includes?: unknown
  /** The file has no `title:` (a collection document): the title is not written back. */
  titleFromFile?: boolean
}

/** A page to write: the document, its parent in the navigation, and its computed place. */
export interface Page {
  doc: ExportedDocument
  parent?: Page
  path?: string
  navOrder?: number | string
  /** The title is written as a YAML number (the theme sorts it as one). */
  numericTitle?: boolean
  /** An HTML page nobody edited since its import: its file is left as it is, not written. */
  keepHtml?: boolean
}

/** A document's `source` (empty for a page made in the Studio). */
export function sourceOf(doc: ExportedDocument): Source {
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
/** The value of a front-matter key the document keeps in `source.frontMatter`. */
export function frontMatterValue(doc: ExportedDocument, key: string): unknown {
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

export function placePages(
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
  // Each navigation section (a collection the theme shows) orders its own courses.
  const sections = Array.isArray(site?.collections) ? site.collections : []
  for (const section of sections as Array<{courses?: unknown}>)
    visit(refs(section?.courses), undefined)
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

/**
 * Gives each page its file: `source.path`, or one derived from its parent's folder and slug. A
 * page read from HTML keeps its file while its document is as the import wrote it (the file
 * holds its scripts and styles, which the document does not); once edited, it is written as
 * markdown in its place (`tools/index.html` → `tools/index.md`, which Jekyll publishes at the
 * same address), since its body is written as kramdown.
 */
export function assignPaths(pages: readonly Page[]): void {
  const taken = new Set(pages.flatMap((page) => sourceOf(page.doc).path ?? []))
  for (const page of pages) {
    const source = sourceOf(page.doc).path
    const html = source !== undefined && HTML_FILE.test(source)
    if (html && isUnchangedSinceImport(page.doc)) page.keepHtml = true
    const path = html && !page.keepHtml ? source.replace(HTML_FILE, '.md') : source
    if (path && (path === source || !taken.has(path))) {
      page.path = path
      taken.add(path)
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

/** A page's title as text (empty for none). */
export function titleOf(page: Page | undefined): string {
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
export function distinguishingAncestor(
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

/** Pages by their title and their parent's title, the pair `parent` and `grand_parent` name. */
export function placesByTitles(pages: readonly Page[]): Map<string, Page[]> {
  const out = new Map<string, Page[]>()
  for (const page of pages) {
    const key = placeKey(page)
    out.set(key, [...(out.get(key) ?? []), page])
  }
  return out
}
