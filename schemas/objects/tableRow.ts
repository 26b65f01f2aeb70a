import {defineArrayMember, defineField, defineType} from 'sanity'

import {OBJECT_TYPES} from '../constants.ts'

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
})
