import {defineArrayMember, defineType} from 'sanity'

import {
  DECORATORS,
  DECORATOR_TITLES,
  INLINE_TYPES,
  LIST_TITLES,
  LIST_TYPES,
  OBJECT_TYPES,
  RICH_TEXT_STYLES,
} from '../constants.ts'
import {annotationMembers} from './annotations.ts'

/** Short rich text: paragraphs, lists, decorators and links. Used inside callouts, cells, footnotes. */
export const richText = defineType({
  name: OBJECT_TYPES.richText,
  title: 'Rich text',
  type: 'array',
  of: [
    defineArrayMember({
      type: 'block',
      styles: RICH_TEXT_STYLES.map((value) => ({title: 'Normal', value})),
      lists: LIST_TYPES.map((value) => ({title: LIST_TITLES[value], value})),
      marks: {
        decorators: DECORATORS.map((value) => ({title: DECORATOR_TITLES[value], value})),
        annotations: annotationMembers(),
      },
      of: [
        defineArrayMember({type: INLINE_TYPES.taskCheck}),
        defineArrayMember({type: INLINE_TYPES.footnoteReference}),
      ],
    }),
  ],
})
