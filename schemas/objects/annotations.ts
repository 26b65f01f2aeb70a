import {defineArrayMember} from 'sanity'

import {ANNOTATIONS} from '../constants.ts'

/** The annotation members every rich-text field allows. */
export function annotationMembers() {
  return [
    defineArrayMember({type: ANNOTATIONS.link}),
    defineArrayMember({type: ANNOTATIONS.internalLink}),
  ]
}
