import {ThListIcon} from '@sanity/icons/ThList'
import {defineArrayMember, defineField, defineType} from 'sanity'

import {BLOCK_TYPES, OBJECT_TYPES} from '../constants.ts'
import {counted} from '../fields.ts'
import {listLevelField} from '../listLevel.ts'
import {rowText} from './tableRow.ts'

/** A table whose cells hold rich text; the first `headerRows` rows are headings. */
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
