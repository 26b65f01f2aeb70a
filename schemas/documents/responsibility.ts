import {CheckmarkCircleIcon} from '@sanity/icons/CheckmarkCircle'
import {defineField, defineType} from 'sanity'

import {DOCUMENT_TYPES, OBJECT_TYPES} from '../constants.ts'
import {slugField, sourceField, titleField, titleWithEmoji} from '../fields.ts'

/** One responsibility ("Roadmapping"), shared by every lesson that lists it. */
export const responsibility = defineType({
  name: DOCUMENT_TYPES.responsibility,
  title: 'Responsibility',
  type: 'document',
  icon: CheckmarkCircleIcon,
  fields: [
    titleField('name'),
    slugField('name'),
    defineField({
      name: 'area',
      title: 'Area',
      type: 'reference',
      to: [{type: DOCUMENT_TYPES.responsibilityArea}],
      validation: (rule) =>
        rule.required().error('Choose the area this responsibility belongs to.'),
    }),
    defineField({
      name: 'order',
      title: 'Order',
      type: 'number',
      description: 'Position within its area; lower comes first.',
      validation: (rule) =>
        rule.required().error('Give it a position number within its area, e.g. 1.'),
    }),
    defineField({
      name: 'description',
      title: 'Description',
      type: OBJECT_TYPES.richText,
      validation: (rule) =>
        rule.required().error('Describe the responsibility in a sentence or two.'),
    }),
    sourceField(),
  ],
  orderings: [
    {
      title: 'Area, then source order',
      name: 'areaOrder',
      by: [
        {field: 'area.order', direction: 'asc'},
        {field: 'order', direction: 'asc'},
      ],
    },
  ],
  preview: {
    select: {title: 'name', area: 'area.title', emoji: 'area.emoji'},
    prepare: ({title, area, emoji}) => ({
      title,
      subtitle: area ? titleWithEmoji(area, emoji) : 'No area',
    }),
  },
})
