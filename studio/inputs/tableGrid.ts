import {richTextPlainText} from '../../schemas/fields.ts'
import {OBJECT_TYPES} from '../../schemas/constants.ts'

/** A table as stored: rows of cells, each holding rich text and code blocks (`cellBody`). */
export type TableValue = {
  rows?: TableRow[]
  headerRows?: number
}
export type TableRow = {_key: string; _type?: string; cells?: TableCell[]}
export type TableCell = {
  _key: string
  _type?: string
  content?: Block[]
  colSpan?: number
  rowSpan?: number
}
type Block = {_key: string; _type: string; children?: Span[]; markDefs?: unknown[]}
type Span = {_key: string; _type: string; text?: string; marks?: string[]}

/** A fresh `_key` for a new row, cell, block or span. */
export function newKey(): string {
  return Math.random().toString(36).slice(2, 14).padEnd(12, '0')
}

/** A cell holding one paragraph of `text` (none when empty), as the importer writes plain cells. */
export function plainCell(text = ''): TableCell {
  return {
    _type: OBJECT_TYPES.tableCell,
    _key: newKey(),
    content: [
      {
        _type: 'block',
        _key: newKey(),
        style: 'normal',
        markDefs: [],
        children: [{_type: 'span', _key: newKey(), text, marks: []}],
      } as Block,
    ],
  }
}

/** A row of `columns` empty cells. */
export function emptyRow(columns: number): TableRow {
  return {
    _type: OBJECT_TYPES.tableRow,
    _key: newKey(),
    cells: Array.from({length: Math.max(1, columns)}, () => plainCell()),
  }
}

/** The number of columns: the longest row's cell count. */
export function columnCount(rows: readonly TableRow[]): number {
  return Math.max(0, ...rows.map((row) => row.cells?.length ?? 0))
}

/**
 * How a cell can be edited as text in the grid: `span` names the one unformatted span whose text
 * an edit replaces, `empty` a cell without content (an edit writes a paragraph), and `formatted`
 * a cell with marks, links or several spans or blocks, which the grid shows but leaves to the
 * rich-text editor so that no formatting is lost.
 */
export type CellEdit =
  {kind: 'span'; blockKey: string; spanKey: string} | {kind: 'empty'} | {kind: 'formatted'}

/** How `cell` can be edited in the grid (see CellEdit). */
export function cellEdit(cell: TableCell): CellEdit {
  const content = cell.content ?? []
  if (content.length === 0) return {kind: 'empty'}
  const [block] = content
  const spans = block?.children ?? []
  const [span] = spans
  const plain =
    content.length === 1 &&
    block?._type === 'block' &&
    (block.markDefs ?? []).length === 0 &&
    spans.length === 1 &&
    span?._type === 'span' &&
    (span.marks ?? []).length === 0
  return plain ? {kind: 'span', blockKey: block._key, spanKey: span._key} : {kind: 'formatted'}
}

/** A cell's text as the grid shows it. */
export function cellText(cell: TableCell): string {
  return richTextPlainText(cell.content)
}
