import {BulbOutlineIcon} from '@sanity/icons/BulbOutline'
import {defineField, defineType} from 'sanity'

import {BLOCK_TYPES, CALLOUT_TONES, OBJECT_TYPES} from '../constants.ts'
import {richTextTitle} from '../fields.ts'
import {listLevelField} from '../listLevel.ts'
import {lineText} from './richText.ts'

/**
 * A highlighted note, tip, warning or important message (kramdown `{: .note }` and friends).
 * Callouts imported before titles held marks have a title that is a string: it still shows.
 */
export const callout = defineType({
  name: BLOCK_TYPES.callout,
  title: 'Callout',
  type: 'object',
  icon: BulbOutlineIcon,
  fields: [
    defineField({
      name: 'tone',
      title: 'Tone',
      type: 'string',
      options: {list: [...CALLOUT_TONES], layout: 'radio', direction: 'horizontal'},
      initialValue: 'note',
      validation: (rule) => rule.required().error(`Choose a tone: ${CALLOUT_TONES.join(', ')}.`),
    }),
    defineField({
      name: 'title',
      title: 'Title',
      type: OBJECT_TYPES.titleText,
      description: 'Optional heading shown above the text.',
    }),
    defineField({
      name: 'body',
      title: 'Text',
      type: OBJECT_TYPES.sectionBody,
      validation: (rule) => rule.required().error('Write the callout text, or remove the callout.'),
    }),
    listLevelField(),
  ],
  preview: {
    select: {tone: 'tone', title: 'title', body: 'body'},
    prepare: ({tone, title, body}) => ({
      title: lineText(title) || firstText(body) || richTextTitle(body, '(empty callout)'),
      subtitle: `Callout · ${tone ?? 'note'}`,
    }),
  },
})

function firstText(blocks: unknown): string {
  if (!Array.isArray(blocks)) return ''
  const first = blocks.find((b) => b?._type === 'block')
  return Array.isArray(first?.children)
    ? first.children.map((c: {text?: string}) => c.text ?? '').join('')
    : ''
}
