import {SplitVerticalIcon} from '@sanity/icons/SplitVertical'
import {defineField, defineType} from 'sanity'

import {BLOCK_TYPES} from '../constants.ts'
import {listLevelField} from '../listLevel.ts'

/** A thematic break (`---`). */
export const divider = defineType({
  name: BLOCK_TYPES.divider,
  title: 'Divider',
  type: 'object',
  icon: SplitVerticalIcon,
  fields: [
    defineField({
      name: 'style',
      title: 'Style',
      type: 'string',
      options: {list: ['line']},
      initialValue: 'line',
    }),
    listLevelField(),
  ],
  preview: {prepare: () => ({title: '———'})},
})
