import {EyeClosedIcon} from '@sanity/icons/EyeClosed'
import {defineField, defineType} from 'sanity'

import {BLOCK_TYPES, OBJECT_TYPES} from '../constants.ts'
import {listLevelField} from '../listLevel.ts'
import {lineText} from './richText.ts'

/**
 * A collapsible section (`<details><summary>…</summary>…</details>`). Its summary is one line of
 * rich text; one an earlier import stored as a string still shows.
 */
export const details = defineType({
  name: BLOCK_TYPES.details,
  title: 'Collapsible section',
  type: 'object',
  icon: EyeClosedIcon,
  fields: [
    defineField({
      name: 'summary',
      title: 'Summary',
      type: OBJECT_TYPES.titleText,
      validation: (rule) =>
        rule.required().error('Write the line readers click to open the section.'),
    }),
    defineField({name: 'body', title: 'Content', type: OBJECT_TYPES.sectionBody}),
    listLevelField(),
  ],
  preview: {
    select: {summary: 'summary'},
    prepare: ({summary}) => ({title: lineText(summary), subtitle: 'Collapsible'}),
  },
})
