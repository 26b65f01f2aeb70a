import {FolderIcon} from '@sanity/icons/Folder'
import {defineField, defineType} from 'sanity'

import {DOCUMENT_TYPES, OBJECT_TYPES} from '../constants.ts'
import {childPagesField, counted} from '../fields.ts'

/**
 * A section of the site's navigation: a Jekyll collection that just-the-docs shows under its
 * own heading after the site's pages (`just_the_docs.collections` in `_config.yml`), with the
 * courses its documents make, in order.
 */
export const navCollection = defineType({
  name: OBJECT_TYPES.navCollection,
  title: 'Navigation section',
  type: 'object',
  icon: FolderIcon,
  fields: [
    defineField({
      name: 'name',
      title: 'Heading',
      type: 'string',
      description: 'Shown above the section in the navigation.',
    }),
    defineField({
      name: 'key',
      title: 'Collection',
      type: 'string',
      description: 'The Jekyll collection: its pages live in the `_<collection>` folder.',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'navFold',
      title: 'Folded',
      type: 'boolean',
      description: 'The section starts collapsed in the navigation.',
    }),
    {
      ...childPagesField({
        name: 'courses',
        title: 'Courses',
        description: 'In the order the section lists them; drag to reorder.',
        to: [DOCUMENT_TYPES.course],
        duplicateMessage: 'List each course once.',
      }),
      // An object has no field groups.
      group: undefined,
    },
  ],
  preview: {
    select: {name: 'name', key: 'key', count: 'courses.length'},
    prepare: ({name, key, count}) => ({
      title: name || key || 'Untitled section',
      subtitle: counted(count, 'course'),
    }),
  },
})
