import {defineField, defineType} from 'sanity'

import {OBJECT_TYPES} from '../constants.ts'

/** One table cell holding rich text. */
export const tableCell = defineType({
  name: OBJECT_TYPES.tableCell,
  title: 'Cell',
  type: 'object',
  fields: [defineField({name: 'content', title: 'Content', type: OBJECT_TYPES.richText})],
})
