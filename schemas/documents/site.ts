import {HomeIcon} from '@sanity/icons/Home'
import {defineField, defineType} from 'sanity'

import {DOCUMENT_TYPES, OBJECT_TYPES} from '../constants.ts'
import {childPagesField, counted, pageGroups, sourceField, titleField} from '../fields.ts'

/** The site itself (one document, id `site`): its title and the order of its courses. */
export const site = defineType({
  name: DOCUMENT_TYPES.site,
  title: 'Site',
  type: 'document',
  icon: HomeIcon,
  groups: pageGroups,
  fields: [
    titleField('title', 'content'),
    childPagesField({
      name: 'courses',
      title: 'Courses',
      description: 'In the order the site lists them; drag to reorder.',
      to: [DOCUMENT_TYPES.course],
      duplicateMessage: 'List each course once.',
    }),
    defineField({
      name: 'collections',
      title: 'Navigation sections',
      description:
        'Jekyll collections the theme shows after the courses, each under its own heading.',
      type: 'array',
      group: 'content',
      of: [{type: OBJECT_TYPES.navCollection}],
      validation: (rule) => rule.unique(),
    }),
    sourceField('source'),
  ],
  preview: {
    select: {title: 'title', count: 'courses.length'},
    prepare: ({title, count}) => ({
      title: title || 'Untitled site',
      subtitle: `Site · ${counted(count, 'course')}`,
    }),
  },
})
