import {DocumentTextIcon} from '@sanity/icons/DocumentText'
import {defineField, defineType} from 'sanity'

import {DOCUMENT_TYPES, OBJECT_TYPES} from '../constants.ts'
import {emojiField, pageGroups, referenceTo, slugField, sourceField, titleField} from '../fields.ts'

/**
 * A lesson: a page in a module or directly in a course. Pages four or more levels deep
 * become lessons too, listed in their parent lesson's `lessons`.
 */
export const lesson = defineType({
  name: DOCUMENT_TYPES.lesson,
  title: 'Lesson',
  type: 'document',
  icon: DocumentTextIcon,
  groups: pageGroups,
  fields: [
    titleField('title', 'content'),
    slugField('title', 'content'),
    emojiField('content'),
    defineField({
      name: 'description',
      title: 'Description',
      type: 'text',
      rows: 2,
      group: 'content',
    }),
    defineField({
      name: 'body',
      title: 'Body',
      type: OBJECT_TYPES.lessonBody,
      group: 'content',
    }),
    defineField({
      name: 'next',
      title: 'Next lesson link',
      type: OBJECT_TYPES.nextLink,
      group: 'content',
    }),
    defineField({
      name: 'lessons',
      title: 'Sub-lessons',
      type: 'array',
      group: 'content',
      description: 'Pages nested below this lesson in the source, in reading order.',
      of: [referenceTo([DOCUMENT_TYPES.lesson])],
      validation: (rule) => rule.unique().error('List each sub-lesson once.'),
    }),
    sourceField('source'),
  ],
  preview: {
    select: {title: 'title', emoji: 'emoji', path: 'source.path'},
    prepare: ({title, emoji, path}) => ({
      title: [title, emoji].filter(Boolean).join(' '),
      subtitle: path ? `Lesson · ${path}` : 'Lesson',
    }),
  },
})
