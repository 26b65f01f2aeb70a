import {ImageIcon} from '@sanity/icons/Image'
import {defineArrayMember} from 'sanity'

import {INLINE_TYPES} from '../constants.ts'
import {imageAltField, imageLinkField, imageSrcField, imageSubtitle} from '../fields.ts'

/**
 * An image inside a line of text: in a table cell, a definition, a footnote, where a page shows
 * an icon or a screenshot among words (kramdown keeps images there).
 */
export function inlineImageMember() {
  return defineArrayMember({
    type: 'image',
    name: INLINE_TYPES.inlineImage,
    title: 'Inline image',
    icon: ImageIcon,
    fields: [imageAltField(), imageLinkField(), imageSrcField()],
    preview: {
      select: {alt: 'alt', src: 'src', media: 'asset'},
      prepare: ({alt, src, media}) => ({
        title: alt || 'Image without a description',
        subtitle: imageSubtitle(src, Boolean(media)),
        media,
      }),
    },
  })
}
