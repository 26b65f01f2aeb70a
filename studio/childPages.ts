import {DOCUMENT_TYPES} from '../schemas/constants.ts'
import type {ArrayItem, ChildArrayField} from './reorder.ts'

/** A page a course or module lists, merged from its draft and published documents. */
export interface PageInfo {
  id: string
  type: string
  title?: string
  emoji?: string
  /** Whether a published version exists (a page created in a pane has only a draft at first). */
  published: boolean
}

/** One line of a course or module pane: the stored array item and the page it points at. */
export interface ChildRow {
  key: string
  item: ArrayItem
  page?: PageInfo
  /** True while the pages of a changed array are being fetched (the page is not missing yet). */
  loading?: boolean
}

/** The ordered array a parent of this type keeps its children in. */
export function childField(parentType: string): ChildArrayField {
  return parentType === DOCUMENT_TYPES.module ? 'lessons' : 'contents'
}

/**
 * Pages by published id from raw documents (drafts have their own `drafts.` ids): the draft's
 * title wins, since that is what the editor sees in the form. Release versions are left out.
 */
export function pagesById(
  docs: readonly {_id: string; _type: string; title?: string | null; emoji?: string | null}[],
): Map<string, PageInfo> {
  const pages = new Map<string, PageInfo>()
  const fromDraft = new Set<string>()
  for (const doc of docs) {
    if (doc._id.startsWith('versions.')) continue
    const isDraft = doc._id.startsWith('drafts.')
    const id = isDraft ? doc._id.slice('drafts.'.length) : doc._id
    const known = pages.get(id)
    const published = (known?.published ?? false) || !isDraft
    if (known && fromDraft.has(id) && !isDraft) {
      pages.set(id, {...known, published})
      continue
    }
    if (isDraft) fromDraft.add(id)
    pages.set(id, {
      id,
      type: doc._type,
      published,
      ...(doc.title ? {title: doc.title} : {}),
      ...(doc.emoji ? {emoji: doc.emoji} : {}),
    })
  }
  return pages
}

/**
 * The pane's rows in array order: items that are not objects are dropped, and an item without
 * `_key` is keyed by its position so it can still be shown (a reorder then rewrites the keys).
 * `loaded` says whether `pages` was fetched for these items; if not, a page not in it is loading.
 */
export function childRows(
  items: unknown,
  pages: ReadonlyMap<string, PageInfo>,
  loaded = true,
): ChildRow[] {
  if (!Array.isArray(items)) return []
  return items.flatMap((item: unknown, index) => {
    if (!item || typeof item !== 'object') return []
    const value = item as ArrayItem
    const page = typeof value._ref === 'string' ? pages.get(value._ref) : undefined
    const state = page ? {page} : loaded ? {} : {loading: true}
    return [{key: value._key ?? `index-${index}`, item: value, ...state}]
  })
}

/** What a row shows: the title with its emoji, or why there is none. */
export function rowTitle(row: ChildRow): string {
  if (row.loading) return 'Loading…'
  if (!row.page) return row.item._ref ? 'Missing document' : 'Empty reference'
  const title =
    row.page.title ||
    (row.page.type === DOCUMENT_TYPES.module ? 'Untitled module' : 'Untitled lesson')
  return row.page.emoji ? `${title} ${row.page.emoji}` : title
}
