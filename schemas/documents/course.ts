import {BookIcon} from '@sanity/icons/Book'
import {defineField, defineType} from 'sanity'

import {DOCUMENT_TYPES, OBJECT_TYPES} from '../constants.ts'
import {emojiField, pageGroups, referenceTo, slugField, sourceField, titleField} from '../fields.ts'

/** A course: a top-level page of the site, holding modules (and lessons placed directly in it). */
export const course = defineType({
  name: DOCUMENT_TYPES.course,
  title: 'Course',
  type: 'document',
  icon: BookIcon,
  groups: pageGroups,
  fields: [
    titleField('title', 'content'),
    slugField('title', 'content'),
    emojiField('content'),
    defineField({
      name: 'description',
      title: 'Description',
      type: 'text',
      rows: 3,
      group: 'content',
    }),
    defineField({
      name: 'body',
      title: 'Page content',
      type: OBJECT_TYPES.lessonBody,
      group: 'content',
      description: "The content of the course's own page, e.g. its home page text.",
    }),
    defineField({
      name: 'contents',
      title: 'Modules and lessons',
      type: 'array',
      group: 'content',
      description: 'In reading order; drag to reorder.',
      of: [referenceTo([DOCUMENT_TYPES.module, DOCUMENT_TYPES.lesson])],
      validation: (rule) => rule.unique().error('List each module or lesson once.'),
    }),
    sourceField('source'),
  ],
  preview: {
    select: {title: 'title', emoji: 'emoji', count: 'contents.length'},
    prepare: ({title, emoji, count}) => ({
      title: [title, emoji].filter(Boolean).join(' '),
      subtitle: `Course · ${count ?? 0} items`,
    }),
  },
})
