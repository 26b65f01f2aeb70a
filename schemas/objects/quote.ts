import {BlockquoteIcon} from '@sanity/icons/Blockquote'
import {defineField, defineType} from 'sanity'

import {BLOCK_TYPES, OBJECT_TYPES} from '../constants.ts'
import {richTextTitle} from '../fields.ts'
import {listLevelField} from '../listLevel.ts'

/**
 * A quote of more than one paragraph, or holding a list, a heading, code or a formula: one frame
 * around all of it, as kramdown renders `> …` lines. A quote of one paragraph is a text block of
 * style Quote.
 */
export const quote = defineType({
  name: BLOCK_TYPES.quote,
  title: 'Quote',
  type: 'object',
  icon: BlockquoteIcon,
  fields: [
    defineField({
      name: 'body',
      title: 'Content',
      type: OBJECT_TYPES.quoteBody,
      validation: (rule) => rule.required().error('Write what the quote says, or remove it.'),
    }),
    listLevelField(),
  ],
  preview: {
    select: {body: 'body'},
    prepare: ({body}) => ({title: richTextTitle(body, '(empty quote)'), subtitle: 'Quote'}),
  },
})
