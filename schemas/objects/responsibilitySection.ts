import {TiersIcon} from '@sanity/icons/Tiers'
import {defineArrayMember, defineField, defineType} from 'sanity'

import {BLOCK_TYPES, DOCUMENT_TYPES} from '../constants.ts'
import {titleWithEmoji, namesPreview} from '../fields.ts'

/** An area's heading, intro and its responsibilities, in the order the lesson lists them. */
export const responsibilitySection = defineType({
  name: BLOCK_TYPES.responsibilitySection,
  title: 'Responsibility section',
  type: 'object',
  icon: TiersIcon,
  fields: [
    defineField({
      name: 'area',
      title: 'Area',
      type: 'reference',
      to: [{type: DOCUMENT_TYPES.responsibilityArea}],
      validation: (rule) => rule.required().error('Choose the area this section presents.'),
    }),
    defineField({
      name: 'responsibilities',
      title: 'Responsibilities',
      type: 'array',
      of: [defineArrayMember({type: 'reference', to: [{type: DOCUMENT_TYPES.responsibility}]})],
      validation: (rule) =>
        rule.required().min(1).unique().error('List each responsibility once, at least one.'),
    }),
  ],
  preview: {
    select: {
      area: 'area.title',
      emoji: 'area.emoji',
      count: 'responsibilities.length',
      r0: 'responsibilities.0.name',
      r1: 'responsibilities.1.name',
      r2: 'responsibilities.2.name',
    },
    prepare: ({area, emoji, count, r0, r1, r2}) => ({
      title: titleWithEmoji(area ?? 'Responsibilities', emoji),
      subtitle: namesPreview([r0, r1, r2], count, 'responsibility', 'responsibilities'),
    }),
  },
})
