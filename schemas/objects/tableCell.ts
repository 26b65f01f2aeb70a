import {defineField, defineType} from 'sanity'

import {OBJECT_TYPES} from '../constants.ts'
import {richTextTitle} from '../fields.ts'
import {MAX_COLSPAN, MAX_ROWSPAN} from '../tableSpans.ts'

const spanField = (name: 'colSpan' | 'rowSpan', what: 'columns' | 'rows', max: number) =>
  defineField({
    name,
    title: `Merged ${what}`,
    description: `How many ${what} this cell spans, itself included (empty: 1). The cells it covers are not shown; leave them empty.`,
    type: 'number',
    validation: (rule) =>
      rule
        .integer()
        .min(1)
        .max(max)
        .error(`Use a whole number of ${what} from 1 to ${max.toLocaleString('en')}.`),
  })

/**
 * One table cell holding rich text and code blocks (`cellBody`); it may span several columns or
 * rows (see tableSpans.ts).
 */
export const tableCell = defineType({
  name: OBJECT_TYPES.tableCell,
  title: 'Cell',
  type: 'object',
  fields: [
    defineField({name: 'content', title: 'Content', type: OBJECT_TYPES.cellBody}),
    spanField('colSpan', 'columns', MAX_COLSPAN),
    spanField('rowSpan', 'rows', MAX_ROWSPAN),
  ],
  preview: {
    select: {content: 'content', colSpan: 'colSpan', rowSpan: 'rowSpan'},
    prepare: ({content, colSpan, rowSpan}) => {
      const merged = [
        typeof colSpan === 'number' && colSpan > 1 ? `${colSpan} columns` : '',
        typeof rowSpan === 'number' && rowSpan > 1 ? `${rowSpan} rows` : '',
      ].filter(Boolean)
      return {
        title: richTextTitle(content, '(empty cell)'),
        ...(merged.length > 0 ? {subtitle: `Merged: ${merged.join(' × ')}`} : {}),
      }
    },
  },
})
