import {DocumentsIcon} from '@sanity/icons/Documents'
import {defineField, defineType} from 'sanity'

import {ANNOTATIONS, INTERNAL_LINK_TARGETS} from '../constants.ts'

/** Link to another course, module or lesson, kept valid when the target's slug changes. */
export const internalLink = defineType({
  name: ANNOTATIONS.internalLink,
  title: 'Internal link',
  type: 'object',
  icon: DocumentsIcon,
  fields: [
    defineField({
      name: 'reference',
      title: 'Page',
      type: 'reference',
      weak: true,
      to: INTERNAL_LINK_TARGETS.map((type) => ({type})),
      validation: (rule) =>
        rule.required().error('Choose the course, module or lesson to link to.'),
    }),
    defineField({
      name: 'anchor',
      title: 'Anchor',
      type: 'string',
      description: 'Optional heading anchor on the target page, without the #.',
    }),
    defineField({
      name: 'written',
      title: 'Written in the source as',
      type: 'string',
      readOnly: true,
      description:
        'The address as the markdown page wrote it ({% link … %}, a relative .md path…); an export writes it again while it still leads to this page.',
    }),
  ],
})
