import type {Html, Nodes, RootContent, Table, TableRow} from 'mdast'

import {
  endsKramdownTable,
  FOOTER_SEPARATOR,
  SEPARATOR,
  startsKramdownTable,
  TABLE_LINE,
} from '../html/kramdown-table.ts'
import {shiftLines} from '../html/markdown.ts'
import {applyIal, IAL_BLOCK_LINE, IAL_LINE} from '../ial.ts'
import {ialClasses} from '../ial-classes.ts'
import {convertInline, createInline, flush} from '../inline/index.ts'
import {parseMarkdown} from '../parse.ts'
import {afterItemMarker, ITEM_MARKER} from '../kramdown-lines.ts'
import {BLOCK_TYPES, OBJECT_TYPES, STYLE} from '../names.ts'
import {report, type Located, type State} from '../state.ts'
import {richInline} from './rich-inline.ts'
import {emitSegments} from './segments.ts'
import {adjacent, lineAfter, lineBefore} from './source-lines.ts'
import type {Walk} from './walk.ts'

/** A GFM table becomes a `table` of rows of cells holding rich text; the first row is the header. */
export function table(node: Table, state: State, walk: Walk): void {
  const attributes = trailingAttributeLists(node, state.source)
  const start = walk.out.length
  if (!((walk.topLevel || walk.list) && rowsAsText(node, state, walk))) {
    // kramdown's separator lines (`|----+----|`, a footer's `|====|`) inside the body are
    // borders, where GFM reads a row of one cell.
    const rows = node.children.filter((row, index) => index === 0 || !isSeparatorRow(row))
    walk.out.push(
      tableBlock(
        rows.map((row) => row.children.map((cell) => richInline(cell.children, state))),
        1,
        (node.align ?? []).map((align) => align ?? 'none'),
      ),
    )
  }
  for (const classes of attributes) applyIal(classes, walk.out, start, node, state, walk.list)
}

/**
 * The attribute lists right under a table's rows (`{:.table .table-sm}`), each as its classes,
 * taken off the table: GFM reads such a line as one more row, kramdown ends the table above it
 * and gives the table its attributes.
 */
function trailingAttributeLists(node: Table, source: string): string[][] {
  const lists: string[][] = []
  for (
    let row = node.children.at(-1);
    row && node.children.length > 1;
    row = node.children.at(-1)
  ) {
    const {start, end} = row.position ?? {}
    if (start?.offset === undefined || end?.offset === undefined) break
    const line = source.slice(start.offset, end.offset)
    const match = IAL_BLOCK_LINE.test(line) ? IAL_LINE.exec(line.trim()) : null
    if (!match) break
    lists.unshift(ialClasses(match[1]))
    node.children.pop()
    const last = node.children.at(-1)?.position?.end
    if (node.position && last) node.position = {...node.position, end: last}
  }
  return lists
}

type CellContent = ReturnType<typeof richInline>
type Align = 'left' | 'right' | 'center' | 'none'

/**
 * A `table` block of rows of cells' content, each row as wide as the widest: kramdown adds empty
 * cells to a shorter row (`| www.csail.mit.edu | | | |` under five headers), the header too.
 */
export function tableBlock(rows: CellContent[][], headerRows: number, align: Align[]) {
  const width = Math.max(0, ...rows.map((cells) => cells.length))
  return {
    _type: BLOCK_TYPES.table,
    rows: rows.map((cells) => ({
      _type: OBJECT_TYPES.tableRow,
      cells: [...cells, ...Array.from({length: width - cells.length}, (): CellContent => [])].map(
        (content) => ({_type: OBJECT_TYPES.tableCell, content}),
      ),
    })),
    headerRows,
    align: [...align, ...Array.from({length: width - align.length}, (): Align => 'none')],
  }
}

function isSeparatorRow(row: TableRow): boolean {
  // Only plain text can be a separator; anything else (emphasis, code) makes the cell content.
  const texts = row.children.map((cell) =>
    cell.children
      .map((child) => (child.type === 'text' ? child.value : '\0'))
      .join('')
      .trim(),
  )
  const line = texts.join('|')
  return texts.some((text) => text !== '') && (SEPARATOR.test(line) || FOOTER_SEPARATOR.test(line))
}

/**
 * kramdown reads a table only between block boundaries: a blank line, an attribute list or the
 * start of the page before it, and a blank line, an attribute list or the end after it (in a list
 * item, the item's end: the next item of its list or of a list around it). GFM's table right
 * under a heading, a comment or a fence (`<!-- vale off -->` over the rows), or with a line under
 * it (`![The form](form.png)` under a step's rows), is a paragraph of its lines for kramdown,
 * pipes and all, and so for the site's readers: it becomes that paragraph, with a warning.
 * Comment lines right under the rows are in that paragraph for kramdown, and show nothing. (Rows
 * right under a paragraph's text are that paragraph's already: `kramdown-lines.ts`.) True when
 * the table was taken as text.
 */
function rowsAsText(node: Table, state: State, walk: Walk): boolean {
  const start = node.position?.start
  const end = node.position?.end.offset
  if (start?.offset === undefined || end === undefined) return false
  const {source} = state
  const lineStart = source.lastIndexOf('\n', start.offset - 1) + 1
  if (source.slice(lineStart, start.offset).trim() !== '') return false
  const before = lineBeforeTable(source, lineStart)
  const after = end >= source.length ? '' : lineAfter(source, end)
  const lines = source.slice(start.offset, end).split('\n')
  if (
    startsKramdownTable(before) &&
    (endsKramdownTable(after) || (walk.list !== undefined && endsItem(after, start.column - 1))) &&
    // A line without a pipe is a row for GFM; kramdown's table ends above it, at no boundary.
    lines.every((line) => TABLE_LINE.test(line.trimStart()))
  )
    return false
  // Read again as the paragraph kramdown reads: GFM sees no table once its delimiter rows' first
  // pipe or colon is escaped (the escape shows nothing).
  const text = lines
    .map((line) => (SEPARATOR.test(line.trim()) ? line.replace(/[|:]/, (c) => `\\${c}`) : line))
    .join('\n')
  const root = parseMarkdown(text)
  const [paragraph] = root.children
  if (root.children.length !== 1 || paragraph.type !== 'paragraph') return false
  shiftLines(root, {line: start.line, column: start.column, offset: start.offset}, 0)
  const inline = createInline()
  convertInline(paragraph.children, state, inline)
  flush(inline)
  emitSegments(inline, STYLE.normal, walk)
  reportRowsAsText(state, node)
  // Comment lines right under the rows are in kramdown's paragraph: nothing of them shows.
  let last: Nodes = node
  for (let next; isCommentOnly((next = walk.nodes[walk.index + 1])) && adjacent(last, next);) {
    last = next
    walk.index++
  }
  return true
}

/**
 * The line before kramdown's table whose GFM rows start at `lineStart`: before the border lines
 * right above them (`|-----+-----|`), which are the table's for kramdown (see `isTableBorder`).
 * Empty (a boundary) when a border line is a list item's first: the item's text starts there.
 */
function lineBeforeTable(source: string, lineStart: number): string {
  let start = lineStart
  while (start > 0) {
    const line = lineBefore(source, start)
    const text = afterItemMarker(line).trim()
    if (!text.startsWith('|') || !SEPARATOR.test(text)) return line
    if (ITEM_MARKER.test(line)) return ''
    start = source.lastIndexOf('\n', start - 2) + 1
  }
  return ''
}

/** Says that the site shows the table lines at `at` as a paragraph of text. */
export function reportRowsAsText(state: State, at: Located): void {
  report(
    state,
    'warning',
    'table-as-text',
    at,
    'The site shows these table lines as a paragraph, pipes and all: kramdown reads a table only with a blank line (or an attribute list) before and after it.',
    'Add a blank line above and below the table.',
  )
}

/** A list item's line that ends the item whose text starts at `column`: its own list's next. */
function endsItem(line: string, column: number): boolean {
  return ITEM_MARKER.test(line) && line.length - line.trimStart().length < column
}

function isCommentOnly(node: RootContent | undefined): node is Html {
  return node?.type === 'html' && /^(?:<!--[\s\S]*?-->\s*)+$/.test(node.value.trim())
}
