import {defineArrayMember, defineType} from 'sanity'

import {BLOCK_STYLES, BLOCK_TYPES, OBJECT_TYPES} from '../constants.ts'
import {bodyImageMember} from './bodyImage.ts'
import {textBlockMember} from './textBlock.ts'

/** Portable Text of a lesson (and of a module's own page): text blocks plus the custom blocks. */
export const lessonBody = defineType({
  name: OBJECT_TYPES.lessonBody,
  title: 'Body',
  type: 'array',
  of: [
    textBlockMember(BLOCK_STYLES),
    bodyImageMember(),
    defineArrayMember({type: BLOCK_TYPES.code}),
    defineArrayMember({type: BLOCK_TYPES.table}),
    defineArrayMember({type: BLOCK_TYPES.callout}),
    defineArrayMember({type: BLOCK_TYPES.quote}),
    defineArrayMember({type: BLOCK_TYPES.details}),
    defineArrayMember({type: BLOCK_TYPES.footnote}),
    defineArrayMember({type: BLOCK_TYPES.divider}),
    defineArrayMember({type: BLOCK_TYPES.embed}),
    defineArrayMember({type: BLOCK_TYPES.rawHtml}),
    defineArrayMember({type: BLOCK_TYPES.responsibilitySection}),
    defineArrayMember({type: BLOCK_TYPES.toolTable}),
    defineArrayMember({type: BLOCK_TYPES.tableOfContents}),
    defineArrayMember({type: BLOCK_TYPES.definitionList}),
    defineArrayMember({type: BLOCK_TYPES.math}),
  ],
})
