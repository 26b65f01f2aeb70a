import {defineArrayMember, defineField, defineType} from 'sanity'

import {DOCUMENT_TYPES, OBJECT_TYPES} from '../constants.ts'
import {namesPreview} from '../fields.ts'

/** One tool-table row: a category and its tools in the order the lesson lists them. */
export const toolTableRow = defineType({
  name: OBJECT_TYPES.toolTableRow,
  title: 'Category row',
  type: 'object',
  fields: [
    defineField({
      name: 'category',
      title: 'Category',
      type: 'reference',
      to: [{type: DOCUMENT_TYPES.toolCategory}],
      validation: (rule) => rule.required().error('Choose the tool category for this row.'),
    }),
    defineField({
      name: 'tools',
      title: 'Tools',
      type: 'array',
      of: [defineArrayMember({type: 'reference', to: [{type: DOCUMENT_TYPES.tool}]})],
      validation: (rule) =>
        rule.required().min(1).unique().error('List each tool once, at least one.'),
    }),
  ],
  preview: {
    select: {
      category: 'category.title',
      count: 'tools.length',
      t0: 'tools.0.name',
      t1: 'tools.1.name',
      t2: 'tools.2.name',
    },
    prepare: ({category, count, t0, t1, t2}) => ({
      title: category ?? 'Category',
      subtitle: namesPreview([t0, t1, t2], count, 'tool', 'tools'),
    }),
  },
})
