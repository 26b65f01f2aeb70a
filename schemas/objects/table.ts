import {ThListIcon} from '@sanity/icons/ThList'
import {defineArrayMember, defineField, defineType} from 'sanity'

import {BLOCK_TYPES, OBJECT_TYPES} from '../constants.ts'
import {counted, richTextPlainText} from '../fields.ts'
import {listLevelField} from '../listLevel.ts'
import {rowText} from './tableRow.ts'
import {slotKey, tableSpans} from '../tableSpans.ts'

/**
 * A table whose cells hold rich text and code blocks (`cellBody`); the first `headerRows` rows
 * are headings.
 */
export const table = defineType({
  name: BLOCK_TYPES.table,
  title: 'Table',
  type: 'object',
  icon: ThListIcon,
  fields: [
    defineField({
      name: 'rows',
      title: 'Rows',
      type: 'array',
      of: [defineArrayMember({type: OBJECT_TYPES.tableRow})],
      validation: (rule) =>
        rule.required().min(1).error('Add at least one row, or remove the table.'),
    }),
    defineField({
      name: 'headerRows',
      title: 'Header rows',
      type: 'number',
      initialValue: 1,
      validation: (rule) =>
        rule.integer().min(0).error('Use a whole number of header rows (0 or more).'),
    }),
    defineField({
      name: 'align',
      title: 'Column alignment',
      type: 'array',
      of: [defineArrayMember({type: 'string'})],
      options: {list: ['left', 'center', 'right', 'none']},
    }),
    listLevelField(),
  ],
  // A cell a merged cell covers is not shown: text left in it would be hidden from readers.
  validation: (rule) => rule.custom((value) => hiddenCellProblem(value)).warning(),
  preview: {
    select: {rows: 'rows'},
    prepare: ({rows}) => {
      const list = Array.isArray(rows) ? (rows as {cells?: unknown[]}[]) : []
      const columns = Math.max(0, ...list.map((row) => row.cells?.length ?? 0))
      return {
        title: rowText(list[0]?.cells) || 'Table',
        subtitle: `Table · ${counted(list.length, 'row')} × ${counted(columns, 'column')}`,
      }
    },
  },
})

type TableValue = {
  rows?: Array<{cells?: Array<{content?: unknown; colSpan?: number; rowSpan?: number}>}>
  headerRows?: number
}

/** The first cell a merged cell covers that still holds text, as a problem; true when none. */
function hiddenCellProblem(value: unknown): string | true {
  const table = (value ?? {}) as TableValue
  const rows = Array.isArray(table.rows) ? table.rows : []
  const {covered} = tableSpans(rows, table.headerRows ?? 1)
  for (const [row, entry] of rows.entries()) {
    const cells = Array.isArray(entry?.cells) ? entry.cells : []
    for (const [column, cell] of cells.entries()) {
      const owner = covered.get(slotKey(row, column))
      const text = owner ? richTextPlainText(cell?.content).trim() : ''
      if (owner && text)
        return `Row ${row + 1}, column ${column + 1} ("${text.slice(0, 40)}") is covered by the merged cell at row ${owner.row + 1}, column ${owner.column + 1}, so readers do not see it: move its text, or merge fewer cells.`
    }
  }
  return true
}
