import {FolderIcon} from '@sanity/icons/Folder'
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

/** A module: a second-level page with lessons below it. */
export const module = defineType({
  name: DOCUMENT_TYPES.module,
  title: 'Module',
  type: 'document',
  icon: FolderIcon,
  groups: pageGroups,
  fields: [
    ...pageContentFields({
      title: 'Page content',
      description: "The content of the module's own page, when the source has one.",
    }),
    childPagesField({
      name: 'lessons',
      title: 'Lessons',
      description: 'In reading order; drag to reorder.',
      to: [DOCUMENT_TYPES.lesson],
      duplicateMessage: 'List each lesson once.',
    }),
    sourceField('source'),
  ],
  preview: {
    select: {
      title: 'title',
      emoji: 'emoji',
      count: 'lessons.length',
      hidden: 'source.notInNavigation',
    },
    prepare: ({title, emoji, count, hidden}) => ({
      title: titleWithEmoji(title, emoji),
      subtitle: pageSubtitle('Module', counted(count, 'lesson'), hidden),
    }),
  },
})
