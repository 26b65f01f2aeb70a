import {defineArrayMember, defineType} from 'sanity'

import {
  BLOCK_STYLES,
  BLOCK_TYPES,
  OBJECT_TYPES,
  QUOTE_MEMBER_TYPES,
  SECTION_MEMBER_TYPES,
} from '../constants.ts'
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
  of: members(SECTION_MEMBER_TYPES),
})

/** The content of a quote of several blocks: a section's, and callouts. */
export const quoteBody = defineType({
  name: OBJECT_TYPES.quoteBody,
  title: 'Content',
  type: 'array',
  of: members(QUOTE_MEMBER_TYPES),
})

function members(types: readonly string[]) {
  return [
    textBlockMember(BLOCK_STYLES),
    ...types.map((type) =>
      type === BLOCK_TYPES.image ? bodyImageMember() : defineArrayMember({type}),
    ),
  ]
}
