import type {Table} from 'mdast'

import {BLOCK_TYPES, OBJECT_TYPES} from '../names.ts'
import type {State} from '../state.ts'
import {richInline} from './rich-inline.ts'
import type {Walk} from './walk.ts'

/** A GFM table becomes a `table` of rows of cells holding rich text; the first row is the header. */
export function table(node: Table, state: State, walk: Walk): void {
  walk.out.push({
    _type: BLOCK_TYPES.table,
    rows: node.children.map((row) => ({
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
