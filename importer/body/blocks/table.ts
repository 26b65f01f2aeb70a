import type {Table, TableRow} from 'mdast'

import {FOOTER_SEPARATOR, SEPARATOR} from '../html/kramdown-table.ts'
import {BLOCK_TYPES, OBJECT_TYPES} from '../names.ts'
import type {State} from '../state.ts'
import {richInline} from './rich-inline.ts'
import type {Walk} from './walk.ts'

/** A GFM table becomes a `table` of rows of cells holding rich text; the first row is the header. */
export function table(node: Table, state: State, walk: Walk): void {
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
