import {defineArrayMember, defineType} from 'sanity'

import {BLOCK_STYLES, BLOCK_TYPES, OBJECT_TYPES, SECTION_MEMBER_TYPES} from '../constants.ts'
import {bodyImageMember} from './bodyImage.ts'
import {textBlockMember} from './textBlock.ts'

/**
 * The content of a callout or collapsible section: text with headings and lists, and the
 * images, code, tables, embeds, dividers and definition lists kramdown renders inside them.
 */
export const sectionBody = defineType({
  name: OBJECT_TYPES.sectionBody,
  title: 'Content',
  type: 'array',
  of: [
    textBlockMember(BLOCK_STYLES),
    ...SECTION_MEMBER_TYPES.map((type) =>
      type === BLOCK_TYPES.image ? bodyImageMember() : defineArrayMember({type}),
    ),
  ],
})
