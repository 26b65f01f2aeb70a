import {defineField, defineType} from 'sanity'

import {OBJECT_TYPES} from '../constants.ts'
import {richTextPlainText} from '../fields.ts'

/** One table cell holding rich text. */
export const tableCell = defineType({
  name: OBJECT_TYPES.tableCell,
  title: 'Cell',
  type: 'object',
  fields: [defineField({name: 'content', title: 'Content', type: OBJECT_TYPES.richText})],
  preview: {
    select: {content: 'content'},
    prepare: ({content}) => ({title: richTextPlainText(content) || '(empty cell)'}),
  },
})
