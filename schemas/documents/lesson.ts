import {DocumentTextIcon} from '@sanity/icons/DocumentText'
import {defineField, defineType} from 'sanity'

import {DOCUMENT_TYPES, OBJECT_TYPES} from '../constants.ts'
import {
  childPagesField,
  pageContentFields,
  pageGroups,
  sourceField,
  titleWithEmoji,
  pageSubtitle,
} from '../fields.ts'

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
    ...pageContentFields({title: 'Body'}),
    defineField({
      name: 'next',
      title: 'Next lesson link',
      type: OBJECT_TYPES.nextLink,
      group: 'content',
      // Closed until opened: rarely edited, and its three inputs are drawn on every load otherwise.
      options: {collapsible: true, collapsed: true},
    }),
    childPagesField({
      name: 'lessons',
      title: 'Sub-lessons',
      description: 'Pages nested below this lesson in the source, in reading order.',
      to: [DOCUMENT_TYPES.lesson],
      duplicateMessage: 'List each sub-lesson once.',
    }),
    sourceField('source'),
  ],
  preview: {
    select: {title: 'title', emoji: 'emoji', path: 'source.path', hidden: 'source.notInNavigation'},
    prepare: ({title, emoji, path, hidden}) => ({
      title: titleWithEmoji(title, emoji),
      subtitle: pageSubtitle('Lesson', path ?? 'no source file', hidden),
    }),
  },
})
