/**
 * The one definition of every name the content model and the importer share:
 * document types, Portable Text styles, decorators, lists, annotations and
 * custom block types. Schemas, importer, queries and renderer all import these.
 */

/**
 * A file Jekyll reads as markdown: its default `markdown_ext` (`markdown,mkdown,mkdn,mkd,md`),
 * in any case. The one definition the site reader, the importer, the renderer's paths, the export
 * and the differential test use.
 */
export const MARKDOWN_FILE = /\.(?:markdown|mkdown|mkdn|mkd|md)$/i

/**
 * A file Jekyll publishes as an HTML page when it starts with front matter (its
 * `HTML_EXTENSIONS`): its Liquid is rendered and no markdown converter reads it. just-the-docs
 * lists it in the navigation as any page with a `title`. Without front matter it is a static file.
 */
export const HTML_FILE = /\.(?:html?|xhtml)$/i

/** A page's file, markdown or HTML: what a page path loses to become its document's stem. */
export const PAGE_FILE = new RegExp(
  `(?:${MARKDOWN_FILE.source.slice(0, -1)}|${HTML_FILE.source.slice(0, -1)})$`,
  MARKDOWN_FILE.flags,
)

/** Document type names. */
export const DOCUMENT_TYPES = {
  course: 'course',
  module: 'module',
  lesson: 'lesson',
  responsibility: 'responsibility',
  responsibilityArea: 'responsibilityArea',
  tool: 'tool',
  toolCategory: 'toolCategory',
  site: 'site',
} as const

/** The `_id` of the one `site` document (the importer writes it; Studio opens only it). */
export const SITE_ID = 'site'

/**
 * Block styles allowed in lesson bodies. The title is shown as the page's first H1; a body h1 is
 * a further top-level section, as sites that use `#` for their sections have it.
 */
export const BLOCK_STYLES = ['normal', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote'] as const

/** Block styles allowed in short rich text (callouts, table cells, footnotes, descriptions). */
export const RICH_TEXT_STYLES = ['normal'] as const

/** Decorators (inline marks without data). */
export const DECORATORS = ['strong', 'em', 'code', 'strike-through'] as const

/** List item kinds; a task item starts with a `taskCheck` inline object. */
export const LIST_TYPES = ['bullet', 'number', 'task'] as const

/**
 * The HTML list an item of a kind belongs in. Task items and bullets share one `<ul>`, as in
 * kramdown: items one after another with the same element are one list unless one begins a list
 * of its own (`start`).
 */
export function listElementOf(listItem: unknown): 'ol' | 'ul' {
  return listItem === 'number' ? 'ol' : 'ul'
}

/** The fields that mark a list item as beginning a list of its own (see {@link beginsOwnList}). */
export type ListMarks = {start?: unknown; listId?: unknown}

/** An item's `start` (a whole number) and `listId` (a string), each only when it is one. */
function marksOf(item: ListMarks): [start: number | undefined, listId: string | undefined] {
  return [
    Number.isInteger(item.start) ? (item.start as number) : undefined,
    typeof item.listId === 'string' ? item.listId : undefined,
  ]
}

/**
 * Whether a list item begins a list of its own rather than continuing the one whose last item at
 * its level, of the same list element, is `before`. An item with neither `start` nor `listId`
 * continues it. One with either begins a list of its own unless it has the same of both as
 * `before`: an item an editor splits in two leaves both halves with the fields it had, so they
 * stay one list. `start` is the number a list counts from; `listId` tells apart two lists in a
 * row that count from the same number (kramdown's `1.` `<!-- -->` `1.`), where `start` alone
 * would read as a split item.
 */
export function beginsOwnList(item: ListMarks, before: ListMarks): boolean {
  const [start, listId] = marksOf(item)
  if (start === undefined && listId === undefined) return false
  const [beforeStart, beforeListId] = marksOf(before)
  return start !== beforeStart || listId !== beforeListId
}

/**
 * Whether a body item belongs to a list: a list item (a text block with `listItem`), or a block
 * inside one (any item with a `level`), as the renderer and the export group them.
 */
export function inListRegion(item: {
  _type?: unknown
  listItem?: unknown
  level?: unknown
}): boolean {
  return (
    (item._type === 'block' && typeof item.listItem === 'string') || typeof item.level === 'number'
  )
}

/** Annotation (mark definition) type names. */
export const ANNOTATIONS = {
  link: 'link',
  internalLink: 'internalLink',
  label: 'label',
} as const

/**
 * The label colours just-the-docs styles (`label-blue` … `label-yellow`; a bare `.label` is blue).
 * A site's own CSS may add others (`label-orange`): a label's colour is any class-name suffix.
 */
export const LABEL_COLORS = ['blue', 'green', 'purple', 'red', 'yellow'] as const

/** A label colour as a class-name suffix (`purple` for `label-purple`). */
const LABEL_COLOR_PATTERN = /^[A-Za-z][\w-]{0,39}$/

/** A label's stored colour when it can be a class name; none is just-the-docs' blue. */
export function labelColor(color: unknown): string | undefined {
  return typeof color === 'string' && LABEL_COLOR_PATTERN.test(color) ? color : undefined
}

/** The classes a label is drawn with, as just-the-docs styles it: `label`, `label-<colour>`. */
export function labelClasses(color: unknown): string[] {
  const named = labelColor(color)
  return named ? ['label', `label-${named}`] : ['label']
}

/** Inline object type names (children of a block other than spans). */
export const INLINE_TYPES = {
  taskCheck: 'taskCheck',
  footnoteReference: 'footnoteReference',
  inlineMath: 'inlineMath',
  inlineImage: 'inlineImage',
} as const

/** Custom block type names allowed between text blocks in a lesson body. */
export const BLOCK_TYPES = {
  table: 'table',
  code: 'codeBlock',
  image: 'image',
  callout: 'callout',
  quote: 'quote',
  footnote: 'footnote',
  rawHtml: 'rawHtml',
  divider: 'divider',
  details: 'details',
  responsibilitySection: 'responsibilitySection',
  toolTable: 'toolTable',
  embed: 'embed',
  tableOfContents: 'tableOfContents',
  definitionList: 'definitionList',
  math: 'math',
} as const

/** The types that hold an image (an `asset` once uploaded, a `src` before): blocks, and in lines. */
export const IMAGE_TYPES: ReadonlySet<unknown> = new Set([
  BLOCK_TYPES.image,
  INLINE_TYPES.inlineImage,
])

/**
 * Custom block types that may sit inside a list item: they carry the `level` of the item
 * they belong to (see `schemas/listLevel.ts`), so a numbered list keeps counting past them.
 */
export const LIST_MEMBER_TYPES = [
  BLOCK_TYPES.code,
  BLOCK_TYPES.image,
  BLOCK_TYPES.table,
  BLOCK_TYPES.callout,
  BLOCK_TYPES.quote,
  BLOCK_TYPES.details,
  BLOCK_TYPES.divider,
  BLOCK_TYPES.rawHtml,
  BLOCK_TYPES.footnote,
  BLOCK_TYPES.definitionList,
  BLOCK_TYPES.embed,
  BLOCK_TYPES.math,
] as const

/**
 * Custom block types a callout's or collapsible section's content may hold besides text
 * (kramdown renders whatever markdown is inside them); anything else is kept as its text.
 */
export const SECTION_MEMBER_TYPES = [
  BLOCK_TYPES.image,
  BLOCK_TYPES.code,
  BLOCK_TYPES.table,
  BLOCK_TYPES.embed,
  BLOCK_TYPES.divider,
  BLOCK_TYPES.definitionList,
  BLOCK_TYPES.math,
  // just-the-docs documents a table of contents inside `<details>` as its collapsible TOC.
  BLOCK_TYPES.tableOfContents,
  // A collapsible section inside another (OpenSearch's "Steps" holding each step's "Request").
  BLOCK_TYPES.details,
  // A quote of several blocks inside a quote or a callout (`> > first` … `> > second`).
  BLOCK_TYPES.quote,
] as const

/**
 * Custom block types a quote of several blocks may hold: a section's, and a callout (kramdown
 * renders `> {: .note }` over a paragraph as a callout inside the quote).
 */
export const QUOTE_MEMBER_TYPES = [...SECTION_MEMBER_TYPES, BLOCK_TYPES.callout] as const

/**
 * Custom block types a table cell may hold besides text: kramdown reads an HTML cell's markdown
 * as blocks (`<td markdown="1">` over a code fence), and keeps `<pre><code>` in a cell.
 */
export const CELL_MEMBER_TYPES = [BLOCK_TYPES.code] as const

/** Object types used inside custom blocks. */
export const OBJECT_TYPES = {
  tableRow: 'tableRow',
  tableCell: 'tableCell',
  toolTableRow: 'toolTableRow',
  sourceInfo: 'sourceInfo',
  frontMatterEntry: 'frontMatterEntry',
  includeUse: 'includeUse',
  nextLink: 'nextLink',
  richText: 'richText',
  titleText: 'titleText',
  cellBody: 'cellBody',
  lessonBody: 'lessonBody',
  sectionBody: 'sectionBody',
  quoteBody: 'quoteBody',
  definitionListItem: 'definitionListItem',
  navCollection: 'navCollection',
} as const

/** Callout tones, from kramdown attribute lists such as `{: .note }`. */
export const CALLOUT_TONES = ['note', 'tip', 'warning', 'important'] as const

/**
 * URL schemes a `link` annotation may use; relative paths and `#anchors` are allowed too. Besides
 * the web and mail: file servers (kramdown links `<ftp://…>`; a course sends students to
 * `smb://` to mount their drive) and phone numbers. None of them runs code in the page.
 */
export const LINK_SCHEMES = [
  'http',
  'https',
  'mailto',
  'ftp',
  'ftps',
  'sftp',
  'smb',
  'tel',
] as const

/** Document types an internal link may point at. */
export const INTERNAL_LINK_TARGETS = [
  DOCUMENT_TYPES.course,
  DOCUMENT_TYPES.module,
  DOCUMENT_TYPES.lesson,
] as const

export type BlockStyle = (typeof BLOCK_STYLES)[number]
export type Decorator = (typeof DECORATORS)[number]
export type ListType = (typeof LIST_TYPES)[number]
export type CalloutTone = (typeof CALLOUT_TONES)[number]
export type BlockTypeName = (typeof BLOCK_TYPES)[keyof typeof BLOCK_TYPES]
export type DocumentTypeName = (typeof DOCUMENT_TYPES)[keyof typeof DOCUMENT_TYPES]

/** Human titles for styles, decorators and lists, used by the Studio toolbar. */
export const STYLE_TITLES: Record<BlockStyle, string> = {
  normal: 'Normal',
  h1: 'Heading 1',
  h2: 'Heading 2',
  h3: 'Heading 3',
  h4: 'Heading 4',
  h5: 'Heading 5',
  h6: 'Heading 6',
  blockquote: 'Quote',
}

export const DECORATOR_TITLES: Record<Decorator, string> = {
  strong: 'Strong',
  em: 'Emphasis',
  code: 'Code',
  'strike-through': 'Strike',
}

export const LIST_TITLES: Record<ListType, string> = {
  bullet: 'Bullets',
  number: 'Numbers',
  task: 'Tasks',
}
