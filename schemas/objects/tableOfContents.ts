import {OlistIcon} from '@sanity/icons/Olist'
import {defineArrayMember, defineField, defineType} from 'sanity'

import {BLOCK_TYPES} from '../constants.ts'

/** Where the page's table of contents goes, generated from its headings (kramdown `{:toc}`). */
export const tableOfContents = defineType({
  name: BLOCK_TYPES.tableOfContents,
  title: 'Table of contents',
  type: 'object',
  icon: OlistIcon,
  fields: [
    defineField({
      name: 'ordered',
      title: 'Numbered',
      type: 'boolean',
      initialValue: false,
      description: 'Number the entries (the source wrote the placeholder as a numbered list).',
    }),
    defineField({
      name: 'exclude',
      title: 'Headings left out',
      type: 'array',
      of: [defineArrayMember({type: 'string'})],
      description:
        'The text of headings not listed (marked `{: .no_toc }` in the source), such as the "Table of contents" heading itself.',
    }),
    defineField({
      name: 'minLevel',
      title: 'From heading level',
      type: 'number',
      description: 'The highest heading level listed (1 lists H1s; the source’s `toc_levels`).',
      validation: (rule) => rule.min(1).max(6).integer(),
    }),
    defineField({
      name: 'maxLevel',
      title: 'To heading level',
      type: 'number',
      description: 'The deepest heading level listed (6 lists every heading).',
      validation: (rule) => rule.min(1).max(6).integer(),
    }),
  ],
  preview: {
    select: {ordered: 'ordered'},
    prepare: ({ordered}) => ({
      title: 'Table of contents',
      subtitle: ordered ? 'Numbered, from the headings' : 'From the headings',
    }),
  },
})
