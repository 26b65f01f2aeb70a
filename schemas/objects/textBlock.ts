import {defineArrayMember} from 'sanity'

import {
  ANNOTATIONS,
  DECORATORS,
  DECORATOR_TITLES,
  INLINE_TYPES,
  LIST_TITLES,
  LIST_TYPES,
  STYLE_TITLES,
  type BlockStyle,
} from '../constants.ts'
import {inlineImageMember} from './inlineImage.ts'

/** The annotation members every rich-text field allows. */
export function annotationMembers() {
  return [
    defineArrayMember({type: ANNOTATIONS.link}),
    defineArrayMember({type: ANNOTATIONS.internalLink}),
    defineArrayMember({type: ANNOTATIONS.label}),
  ]
}

/** The text block member of a Portable Text array, with the given styles and everything else shared. */
export function textBlockMember(styles: readonly BlockStyle[]) {
  return defineArrayMember({
    type: 'block',
    styles: styles.map((value) => ({title: STYLE_TITLES[value], value})),
    lists: LIST_TYPES.map((value) => ({title: LIST_TITLES[value], value})),
    marks: {
      decorators: DECORATORS.map((value) => ({title: DECORATOR_TITLES[value], value})),
      annotations: annotationMembers(),
    },
    of: [
      defineArrayMember({type: INLINE_TYPES.taskCheck}),
      defineArrayMember({type: INLINE_TYPES.footnoteReference}),
      defineArrayMember({type: INLINE_TYPES.inlineMath}),
      inlineImageMember(),
    ],
  })
}
