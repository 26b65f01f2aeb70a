import {NumberIcon} from '@sanity/icons/Number'
import {defineField, defineType} from 'sanity'

import {BLOCK_TYPES, OBJECT_TYPES} from '../constants.ts'
import {listLevelField} from '../listLevel.ts'

/** A footnote definition (`[^label]: text`), referenced by `footnoteReference` markers. */
export const footnote = defineType({
  name: BLOCK_TYPES.footnote,
  title: 'Footnote',
  type: 'object',
  icon: NumberIcon,
  fields: [
    defineField({
      name: 'label',
      title: 'Label',
      type: 'string',
      validation: (rule) => rule.required().error('Give the footnote a label, e.g. "1".'),
    }),
    defineField({
      name: 'body',
      title: 'Text',
      type: OBJECT_TYPES.richText,
      validation: (rule) => rule.required().error('Write the footnote text.'),
    }),
    listLevelField(),
  ],
  preview: {select: {label: 'label'}, prepare: ({label}) => ({title: `Footnote [^${label}]`})},
})
