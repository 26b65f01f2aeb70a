import {defineType} from 'sanity'

import {OBJECT_TYPES, RICH_TEXT_STYLES} from '../constants.ts'
import {textBlockMember} from './textBlock.ts'

/** Short rich text: paragraphs, lists, decorators and links. Used inside callouts, cells, footnotes. */
export const richText = defineType({
  name: OBJECT_TYPES.richText,
  title: 'Rich text',
  type: 'array',
  of: [textBlockMember(RICH_TEXT_STYLES)],
})
