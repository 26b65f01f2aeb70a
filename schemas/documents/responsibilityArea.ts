import {TiersIcon} from '@sanity/icons/Tiers'
import {defineField, defineType} from 'sanity'

import {DOCUMENT_TYPES, OBJECT_TYPES} from '../constants.ts'
import {
  emojiField,
  richTextPlainText,
  slugField,
  sourceField,
  titleField,
  titleWithEmoji,
} from '../fields.ts'

/** An area of responsibilities ("Execution", …) with its emoji and rich-text intro. */
export const responsibilityArea = defineType({
  name: DOCUMENT_TYPES.responsibilityArea,
  title: 'Responsibility area',
  type: 'document',
  icon: TiersIcon,
  fields: [
    titleField(),
    slugField('title'),
    emojiField(),
    defineField({name: 'intro', title: 'Intro', type: OBJECT_TYPES.richText}),
    defineField({
      name: 'order',
      title: 'Order',
      type: 'number',
      description: 'Position among the areas; lower comes first.',
      validation: (rule) => rule.required().error('Give the area a position number, e.g. 1.'),
    }),
    sourceField(),
  ],
  orderings: [{title: 'Source order', name: 'order', by: [{field: 'order', direction: 'asc'}]}],
  preview: {
    select: {title: 'title', emoji: 'emoji', intro: 'intro'},
    prepare: ({title, emoji, intro}) => ({
      title: titleWithEmoji(title, emoji),
      subtitle: richTextPlainText(intro),
    }),
  },
})
