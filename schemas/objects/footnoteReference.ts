import {NumberIcon} from '@sanity/icons/Number'
import {defineField, defineType} from 'sanity'

import {INLINE_TYPES} from '../constants.ts'

/** An inline footnote marker such as `[^1]`, pointing at a footnote block by label. */
export const footnoteReference = defineType({
  name: INLINE_TYPES.footnoteReference,
  title: 'Footnote reference',
  type: 'object',
  icon: NumberIcon,
  fields: [
    defineField({
      name: 'label',
      title: 'Label',
      type: 'string',
      validation: (rule) => rule.required().error('Give the label of the footnote, e.g. "1".'),
    }),
  ],
  preview: {select: {label: 'label'}, prepare: ({label}) => ({title: `[^${label}]`})},
})
