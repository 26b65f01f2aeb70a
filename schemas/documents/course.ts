import {BookIcon} from '@sanity/icons/Book'
import {defineType} from 'sanity'

import {DOCUMENT_TYPES} from '../constants.ts'
import {
  childPagesField,
  pageContentFields,
  pageGroups,
  sourceField,
  titleWithEmoji,
  pageSubtitle,
  counted,
} from '../fields.ts'

/** A course: a top-level page of the site, holding modules (and lessons placed directly in it). */
export const course = defineType({
  name: DOCUMENT_TYPES.course,
  title: 'Course',
  type: 'document',
  icon: BookIcon,
  groups: pageGroups,
  fields: [
    ...pageContentFields({
      title: 'Page content',
      description: "The content of the course's own page, e.g. its home page text.",
    }),
    childPagesField({
      name: 'contents',
      title: 'Modules and lessons',
      description: 'In reading order; drag to reorder.',
      to: [DOCUMENT_TYPES.module, DOCUMENT_TYPES.lesson],
      duplicateMessage: 'List each module or lesson once.',
    }),
    sourceField('source'),
  ],
  preview: {
    select: {
      title: 'title',
      emoji: 'emoji',
      count: 'contents.length',
      hidden: 'source.notInNavigation',
    },
    prepare: ({title, emoji, count, hidden}) => ({
      title: titleWithEmoji(title, emoji),
      subtitle: pageSubtitle('Course', counted(count, 'item'), hidden),
    }),
  },
})
