import {defineArrayMember, defineField, defineType} from 'sanity'

import {OBJECT_TYPES} from '../constants.ts'
import {richTextPlainText} from '../fields.ts'

/** One table row. */
export const tableRow = defineType({
  name: OBJECT_TYPES.tableRow,
  title: 'Row',
  type: 'object',
  fields: [
    defineField({
      name: 'cells',
      title: 'Cells',
      type: 'array',
      of: [defineArrayMember({type: OBJECT_TYPES.tableCell})],
      validation: (rule) => rule.required().min(1).error('A row needs at least one cell.'),
    }),
  ],
  preview: {
    select: {cells: 'cells'},
    prepare: ({cells}) => ({title: rowText(cells) || '(empty row)'}),
  },
})

/** A row's cells as plain text, `one | two | three`, for previews. */
export function rowText(cells: unknown): string {
  if (!Array.isArray(cells)) return ''
  return cells
    .map((cell: {content?: unknown}) => richTextPlainText(cell?.content).trim())
    .join(' | ')
}
