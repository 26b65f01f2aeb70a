import {TagsIcon} from '@sanity/icons/Tags'
import {defineField, defineType} from 'sanity'

import {DOCUMENT_TYPES} from '../constants.ts'
import {slugField, sourceField, titleField} from '../fields.ts'

/** A kind of tool ("Project Management", "Analytics", …). */
export const toolCategory = defineType({
  name: DOCUMENT_TYPES.toolCategory,
  title: 'Tool category',
  type: 'document',
  icon: TagsIcon,
  fields: [
    titleField(),
    slugField('title'),
    defineField({name: 'description', title: 'Description', type: 'text', rows: 2}),
    defineField({
      name: 'order',
      title: 'Order',
      type: 'number',
      description: 'Position among the categories; lower comes first.',
    }),
    sourceField(),
  ],
  orderings: [{title: 'Source order', name: 'order', by: [{field: 'order', direction: 'asc'}]}],
  preview: {select: {title: 'title', subtitle: 'description'}},
})
