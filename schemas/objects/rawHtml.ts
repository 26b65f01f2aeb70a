import {CodeIcon} from '@sanity/icons/Code'
import {defineField, defineType} from 'sanity'

import {BLOCK_TYPES} from '../constants.ts'
import {listLevelField} from '../listLevel.ts'

/**
 * Source HTML or Liquid the importer could not convert. Kept verbatim for an editor to
 * rewrite; renderers show it as text and never execute it.
 */
export const rawHtml = defineType({
  name: BLOCK_TYPES.rawHtml,
  title: 'Unconverted HTML',
  type: 'object',
  icon: CodeIcon,
  // Only the importer writes it: imported blocks still display and validate, but the body's
  // insert menu leaves it out (sanity filters hidden types from it), as editors write rich text.
  hidden: true,
  fields: [
    defineField({
      name: 'html',
      title: 'Source',
      type: 'text',
      rows: 6,
      validation: (rule) => rule.required().error('Remove this block if it has no source left.'),
    }),
    defineField({
      name: 'reason',
      title: 'Why it was not converted',
      type: 'string',
      readOnly: true,
    }),
    listLevelField(),
  ],
  validation: (rule) =>
    rule
      .custom(() => 'Rewrite this unconverted HTML as rich text, then delete the block.')
      .warning(),
  preview: {
    select: {html: 'html', reason: 'reason'},
    prepare: ({html, reason}) => ({
      title: String(html ?? '').slice(0, 80),
      subtitle: reason ? `Unconverted HTML · ${reason}` : 'Unconverted HTML',
    }),
  },
})
