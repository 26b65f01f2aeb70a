import {WrenchIcon} from '@sanity/icons/Wrench'
import {defineArrayMember, defineField, defineType} from 'sanity'

import {BLOCK_TYPES, OBJECT_TYPES} from '../constants.ts'
import {namesPreview} from '../fields.ts'

/** A table of tool categories and the tools in each, referencing shared tool documents. */
export const toolTable = defineType({
  name: BLOCK_TYPES.toolTable,
  title: 'Tool table',
  type: 'object',
  icon: WrenchIcon,
  fields: [
    defineField({
      name: 'columnTitles',
      title: 'Column titles',
      type: 'array',
      of: [defineArrayMember({type: 'string'})],
      description: 'The header row as the source wrote it, e.g. "Tool Type", "Examples".',
      validation: (rule) => rule.max(2).error('A tool table has two columns: category and tools.'),
    }),
    defineField({
      name: 'rows',
      title: 'Rows',
      type: 'array',
      of: [defineArrayMember({type: OBJECT_TYPES.toolTableRow})],
      validation: (rule) => rule.required().min(1).error('Add at least one category row.'),
    }),
  ],
  preview: {
    select: {
      count: 'rows.length',
      c0: 'rows.0.category.title',
      c1: 'rows.1.category.title',
      c2: 'rows.2.category.title',
    },
    prepare: ({count, c0, c1, c2}) => ({
      title: 'Tool table',
      subtitle: namesPreview([c0, c1, c2], count, 'category', 'categories'),
    }),
  },
})
