import {FolderIcon} from '@sanity/icons/Folder'
import {defineField, defineType} from 'sanity'

import {DOCUMENT_TYPES, OBJECT_TYPES} from '../constants.ts'
import {emojiField, pageGroups, referenceTo, slugField, sourceField, titleField} from '../fields.ts'

/** A module: a second-level page with lessons below it. */
export const module = defineType({
  name: DOCUMENT_TYPES.module,
  title: 'Module',
  type: 'document',
  icon: FolderIcon,
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
      description: "The content of the module's own page, when the source has one.",
    }),
    defineField({
      name: 'lessons',
      title: 'Lessons',
      type: 'array',
      group: 'content',
      description: 'In reading order; drag to reorder.',
      of: [referenceTo([DOCUMENT_TYPES.lesson])],
      validation: (rule) => rule.unique().error('List each lesson once.'),
    }),
    sourceField('source'),
  ],
  preview: {
    select: {title: 'title', emoji: 'emoji', count: 'lessons.length'},
    prepare: ({title, emoji, count}) => ({
      title: [title, emoji].filter(Boolean).join(' '),
      subtitle: `Module · ${count ?? 0} lessons`,
    }),
  },
})
