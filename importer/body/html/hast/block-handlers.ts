import type {Element, ElementContent} from 'hast'

import {closeQuote} from '../../blocks/blockquote.ts'
import {mayBeTitle} from '../../blocks/heading.ts'
import {separateFromListBefore, settleItem, startAt} from '../../blocks/list-item.ts'
import {definitionListItem} from '../../blocks/definition-item.ts'
import {isTextBlock, type Item, type Span, type TextBlock} from '../../blocks/text-block.ts'
import {applyIal, isCalloutClass} from '../../ial.ts'
import {createInline} from '../../inline/index.ts'
import {linkAnnotation} from '../../inline/links.ts'
import {ANNOTATIONS, BLOCK_TYPES, LIST, OBJECT_TYPES, STYLE} from '../../names.ts'
import {plainLine, toCellBody, toRichText, toSectionBody, toTitleText} from '../../rich-text.ts'
import {convertWithin, isNested, isTextOnly} from '../../state.ts'
import {droppedButton} from '../buttons.ts'
import {emitParagraph} from './paragraph.ts'
import {convertPhrasing} from './phrasing.ts'
import type {HastScope} from './scope.ts'
import {locate, reportAt} from './scope.ts'
import {markdownContent} from './markdown-content.ts'
import {MAX_SPANNED_SLOTS, spansOf, tableGrid} from './table-grid.ts'
import {attribute, classesOf, textContent, urlAttribute, visibleText} from './text.ts'

type BlockHandler = (element: Element, scope: HastScope) => void

const elements = (nodes: ElementContent[], name?: string): Element[] =>
  nodes.filter(
    (node): node is Element => node.type === 'element' && (!name || node.tagName === name),
  )

/**
 * An element's classes as an attribute list on the blocks it became (`out` from `start`): a
 * callout class makes them a callout. On a paragraph or a quote only the callout classes count
 * (`p.note`, `blockquote.note` are the callouts just-the-docs styles; the other classes style
 * what the model does not keep). On a wrapper, `highlight` is Rouge's: its code blocks are
 * `<div class="highlight">` and `<figure class="highlight">`, which every theme styles as code,
 * and just-the-docs' `highlight` callout styles only a paragraph or a quote.
 */
function applyClasses(element: Element, scope: HastScope, start: number, wrapper: boolean) {
  const classes = classesOf(element).filter((name) =>
    wrapper ? name !== 'highlight' : isCalloutClass(name, scope.state),
  )
  if (classes.length > 0)
    applyIal(classes, scope.walk.out, start, locate(element, scope) as never, scope.state)
}

// A wrapper (`<div>`, `<center>`, `<section>` …) leaves its content.
const wrapper: BlockHandler = (element, scope) => {
  const start = scope.walk.out.length
  scope.all(element.children, scope)
  applyClasses(element, scope, start, true)
}

const paragraph =
  (style: (scope: HastScope) => string): BlockHandler =>
  (element, scope) => {
    if (element.children.some((child) => child.type === 'element' && isBlockChild(child))) {
      return wrapper(element, scope)
    }
    const start = scope.walk.out.length
    const inline = createInline()
    convertPhrasing(element.children, scope, inline)
    emitParagraph(inline, style(scope), scope)
    if (element.tagName === 'p') applyClasses(element, scope, start, false)
  }

function isBlockChild(element: Element): boolean {
  return element.tagName in blockHandlers && element.tagName !== 'br'
}

const normal = () => STYLE.normal

const lineBreak = (): Element => ({type: 'element', tagName: 'br', properties: {}, children: []})

const isShown = (node: ElementContent) =>
  node.type === 'element' || (node.type === 'text' && node.value.trim() !== '')

/** A block holding text only (a `<p>`, a `<div>` of phrasing): one line of what holds it. */
const isLine = (element: Element) =>
  (element.tagName === 'p' || blockHandlers[element.tagName] === wrapper) &&
  !element.children.some((child) => child.type === 'element' && isBlockChild(child))

/**
 * A heading holding paragraphs (`<h3>Name <p class="pronouns">she/her</p></h3>`, a staff card)
 * as one heading of several lines, as a browser shows each paragraph on a line of its own in the
 * heading's type; the heading itself when it holds no block, undefined when a block it holds is
 * more than a line of text (a list, a table).
 */
function headingLines(element: Element): Element | undefined {
  if (!element.children.some((child) => child.type === 'element' && isBlockChild(child))) {
    return element
  }
  const children: ElementContent[] = []
  let breakDue = false
  for (const child of element.children) {
    if (child.type === 'element' && isBlockChild(child)) {
      if (!isLine(child)) return undefined
      if (children.some(isShown)) children.push(lineBreak())
      children.push(...child.children)
      breakDue = true
    } else {
      if (breakDue && isShown(child)) {
        children.push(lineBreak())
        breakDue = false
      }
      children.push(child)
    }
  }
  return {...element, children}
}

const heading = (depth: number): BlockHandler => {
  const style = paragraph((scope) =>
    isTextOnly(scope.state) ? STYLE.normal : STYLE.heading(depth),
  )
  return (element, scope) => {
    const {state} = scope
    if (depth === 1 && mayBeTitle(state, scope.walk)) {
      if (visibleText(element) === state.ctx.title.replace(/\s+/g, ' ').trim()) {
        state.titleSeen = true
        return
      }
    }
    if (!isNested(state)) state.headingSeen = true
    // kramdown's table of contents lists its own headers only, never an HTML <h2>.
    if (!isTextOnly(state)) state.noTocHeadings.push(visibleText(element))
    style(headingLines(element) ?? element, scope)
  }
}

const list: BlockHandler = (element, scope) => {
  const level = (scope.walk.list?.level ?? 0) + 1
  const first = scope.walk.out.length
  for (const item of element.children) {
    // Text between the items (`…</li> The delay stays 0.3ns.</ol>`) shows where it stands.
    if (item.type === 'text' && item.value.trim() !== '') scope.all([item], scope)
    if (item.type !== 'element') continue
    if (item.tagName !== 'li') {
      scope.all([item], scope)
      continue
    }
    const box = elements(item.children, 'input').find(
      (input) => attribute(input, 'type') === 'checkbox',
    )
    const type = box ? LIST.task : element.tagName === 'ol' ? LIST.number : LIST.bullet
    const context = {
      type,
      level,
      checked: box ? attribute(box, 'checked') !== undefined : undefined,
    }
    const content = item.children.filter((child) => child !== box)
    const before = scope.walk.out.length
    scope.all(content, {...scope, walk: {...scope.walk, list: context}})
    if (scope.walk.out.length === before) {
      // An empty item still shows its bullet (or checkbox).
      const inline = createInline()
      inline.children.push({_type: 'span', text: '', marks: []})
      emitParagraph(inline, STYLE.normal, {...scope, walk: {...scope.walk, list: context}})
    }
    // Code, images and further paragraphs stay in the item, so the list keeps counting.
    settleItem(scope.walk.out, before, context)
  }
  if (element.tagName === 'ol') startAt(scope.walk.out[first], Number(attribute(element, 'start')))
  // An HTML list is a list of its own, also right after a markdown list of the same kind.
  separateFromListBefore(scope.walk.out, first, level)
}

/** How each place narrows what it is given (see rich-text.ts). */
const NARROW = {text: toRichText, cell: toCellBody, section: toSectionBody}

/**
 * Converts hast content to `richText` (a summary, a term), a `cellBody` (table cells) or a
 * `sectionBody` (details bodies); with `ownMarkdown`, the markdown of an element marked
 * `markdown="1"` (`<td markdown="block">` over a code fence) as kramdown reads it.
 */
function nestedContent(
  within: keyof typeof NARROW,
  nodes: ElementContent[],
  element: Element,
  scope: HastScope,
  ownMarkdown = false,
): Item[] {
  // A cell holds text as rich text does (no headings), and code blocks besides.
  return convertWithin(scope.state, within === 'section' ? 'section' : 'text', () => {
    const out: Item[] = []
    const inner = {...scope, walk: {...scope.walk, out, list: undefined}}
    if (!ownMarkdown || !markdownContent(element, inner)) scope.all(nodes, inner)
    return NARROW[within](out, scope.state, locate(element, scope) as never)
  })
}

const table: BlockHandler = (element, scope) => {
  // Rows with their row group: a `<thead>`, `<tbody>` or `<tfoot>`, or a run of bare `<tr>`s.
  const rows: Array<{row: Element; head: boolean; group: number}> = []
  let groups = 0
  let bare = false
  for (const child of elements(element.children)) {
    if (child.tagName === 'tr') {
      if (!bare) groups++
      rows.push({row: child, head: false, group: groups})
    } else if (['thead', 'tbody', 'tfoot'].includes(child.tagName)) {
      groups++
      for (const row of elements(child.children, 'tr'))
        rows.push({row, head: child.tagName === 'thead', group: groups})
    } else if (child.tagName === 'caption') paragraph(normal)(child, scope)
    bare = child.tagName === 'tr'
  }
  if (rows.length === 0) return
  const cells = rows.map(({row}) =>
    elements(row.children).filter((cell) => cell.tagName === 'td' || cell.tagName === 'th'),
  )
  let headerRows = rows.filter((row) => row.head).length
  if (headerRows === 0) {
    while (
      headerRows < rows.length &&
      cells[headerRows].every((cell) => cell.tagName === 'th') &&
      cells[headerRows].length > 0
    )
      headerRows++
  }
  const grid = tableGrid(
    rows.map(({group}, r) => ({
      group,
      cells: cells[r].map((cell) =>
        spansOf(attribute(cell, 'colSpan'), attribute(cell, 'rowSpan')),
      ),
    })),
  )
  if (grid.spans === 'ignored') reportSpansIgnored(element, scope)
  scope.walk.out.push({
    _type: BLOCK_TYPES.table,
    rows: grid.slots.map((slots, r) => ({
      _type: OBJECT_TYPES.tableRow,
      cells: slots.map((slot) => {
        if (slot === null || !('cell' in slot)) return {_type: OBJECT_TYPES.tableCell, content: []}
        const cell = cells[r][slot.cell]
        // A head row's span stops at the head's end, as the table model reads it.
        const rowSpan = Math.min(slot.rows, (r < headerRows ? headerRows : rows.length) - r)
        return {
          _type: OBJECT_TYPES.tableCell,
          content: nestedContent('cell', cell.children, cell, scope, true),
          ...(slot.columns > 1 ? {colSpan: slot.columns} : {}),
          ...(rowSpan > 1 ? {rowSpan} : {}),
        }
      }),
    })),
    headerRows,
    // A column's alignment is the first row's cell there, or the one whose colspan covers it.
    align: grid.slots[0].map((slot) =>
      alignOf(slot ? cells[0]['cell' in slot ? slot.cell : slot.covered.cell] : undefined),
    ),
  })
}

/** The warning for a table whose merged cells would add too many slots to keep. */
function reportSpansIgnored(element: Element, scope: HastScope) {
  reportAt(
    scope,
    'warning',
    'table-span',
    element,
    `Took this table's cells in order, without their colspan and rowspan: its merged cells would add more than ${MAX_SPANNED_SLOTS.toLocaleString('en')} covered cells.`,
    'Check that the cells sit under the right headings; merge fewer cells, or split the table.',
  )
}

function alignOf(cell: Element | undefined): string {
  const value =
    (cell &&
      (attribute(cell, 'align') ??
        /text-align:\s*(\w+)/.exec(attribute(cell, 'style') ?? '')?.[1])) ??
    ''
  return ['left', 'center', 'right'].includes(value.toLowerCase()) ? value.toLowerCase() : 'none'
}

const pre: BlockHandler = (element, scope) => {
  const code = elements(element.children, 'code')[0]
  const language = [...classesOf(element), ...(code ? classesOf(code) : [])]
    .find((name) => /^(?:language|lang)-/.test(name))
    ?.replace(/^(?:language|lang)-/, '')
  scope.walk.out.push({
    _type: BLOCK_TYPES.code,
    ...(language ? {language} : {}),
    code: textContent(element).replace(/\n$/, ''),
  })
}

const details: BlockHandler = (element, scope) => {
  const summaryElement = elements(element.children, 'summary')[0]
  // One line of rich text: `<summary><strong>…</strong></summary>` stays bold.
  let summary = summaryElement
    ? toTitleText(nestedContent('text', summaryElement.children, summaryElement, scope))
    : []
  if (summary.length === 0) {
    reportAt(
      scope,
      'warning',
      'details-summary-missing',
      element,
      'The <details> element has no <summary>; used "Details".',
      'Add <summary>…</summary> after <details>.',
    )
    summary = plainLine('Details')
  }
  const rest = element.children.filter((child) => child !== summaryElement)
  scope.walk.out.push({
    _type: BLOCK_TYPES.details,
    summary,
    body: nestedContent('section', rest, element, scope),
  })
}

const blockquote: BlockHandler = (element, scope) => {
  const start = scope.walk.out.length
  scope.all(element.children, scope)
  closeQuote(scope.walk.out, start, scope.state, scope.walk.list, locate(element, scope) as never)
  applyClasses(element, scope, start, false)
}

/**
 * `<dl>`: a `definitionList`, as kramdown's `term` / `: definition` lines convert. The `<dt>`s in
 * a row are one entry's terms and the `<dd>`s after them its definition; a `<div>` grouping a
 * term with its definitions (as HTML allows) is read through.
 */
const definitionList: BlockHandler = (element, scope) => {
  const entries: Array<{term: TextBlock[]; definition: Item[]}> = []
  let afterDefinition = true
  const read = (children: ElementContent[]) => {
    for (const child of elements(children)) {
      if (child.tagName === 'div') read(child.children)
      else if (child.tagName === 'dt') {
        if (afterDefinition) entries.push({term: [], definition: []})
        const term = nestedContent('text', child.children, child, scope, true)
        entries[entries.length - 1].term.push(...term.filter(isTextBlock))
        afterDefinition = false
      } else if (child.tagName === 'dd') {
        if (entries.length === 0) entries.push({term: [], definition: []})
        const definition = nestedContent('section', child.children, child, scope, true)
        entries[entries.length - 1].definition.push(...definition)
        afterDefinition = true
      }
    }
  }
  read(element.children)
  if (entries.length === 0) return
  scope.walk.out.push({
    _type: BLOCK_TYPES.definitionList,
    items: entries.map(({term, definition}) => definitionListItem(term, definition)),
  })
}

const LINKS = new Set<string>([ANNOTATIONS.link, ANNOTATIONS.internalLink])

/**
 * A link wrapping blocks (`<a href="…"><div class="menu-card">…</div></a>`, a card): the blocks,
 * their text linked to its address, as readers click anywhere on the card. Text that links
 * elsewhere keeps its own link. Not among `blockHandlers`: a link is no block of its own (a
 * heading holding one stays a heading).
 */
export const linkAroundBlocks: BlockHandler = (element, scope) => {
  const start = scope.walk.out.length
  wrapper(element, scope)
  const href = urlAttribute(element, 'href')
  const def =
    href === undefined
      ? undefined
      : linkAnnotation(href, attribute(element, 'title'), locate(element, scope), scope.state)
  if (!def) return
  for (const item of scope.walk.out.slice(start)) {
    if (!isTextBlock(item)) continue
    const linked = new Set(
      item.markDefs.filter((other) => LINKS.has(other._type)).map((other) => other._key),
    )
    const spans = item.children.filter(
      (child): child is Span =>
        child._type === 'span' && !(child as Span).marks.some((mark) => linked.has(mark)),
    )
    if (spans.length === 0) continue
    item.markDefs.push({...def})
    for (const span of spans) span.marks.push(def._key)
  }
}

/** One handler per block element name; `div` is the default for unknown elements wrapping blocks. */
export const blockHandlers: Record<string, BlockHandler> = {
  ...Object.fromEntries(
    'div center section article header footer main nav aside figure address hgroup body html fieldset li dd dt tbody thead tfoot tr td th dialog'
      .split(' ')
      .map((name) => [name, wrapper]),
  ),
  p: paragraph(normal),
  summary: paragraph(normal),
  figcaption: paragraph(normal),
  caption: paragraph(normal),
  legend: paragraph(normal),
  h1: heading(1),
  h2: heading(2),
  h3: heading(3),
  h4: heading(4),
  h5: heading(5),
  h6: heading(6),
  ul: list,
  ol: list,
  menu: list,
  dir: list,
  dl: definitionList,
  pre,
  blockquote,
  table,
  details,
  hr: (_element, scope) => {
    scope.walk.out.push({_type: BLOCK_TYPES.divider, style: 'line'})
  },
  // A button wrapping blocks: dropped when it stands on its own, else its content.
  button: (element, scope) => {
    if (!droppedButton(element, scope)) wrapper(element, scope)
  },
}
