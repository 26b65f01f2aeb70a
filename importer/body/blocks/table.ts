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
  walk.out.push({
    _type: BLOCK_TYPES.table,
    rows: rows.map((row) => ({
      _type: OBJECT_TYPES.tableRow,
      cells: row.children.map((cell) => ({
        _type: OBJECT_TYPES.tableCell,
        content: richInline(cell.children, state),
      })),
    })),
    headerRows: 1,
    align: (node.align ?? []).map((align) => align ?? 'none'),
  })
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
