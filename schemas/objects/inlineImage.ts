import {ImageIcon} from '@sanity/icons/Image'
import {defineArrayMember, defineField} from 'sanity'

import {INLINE_TYPES} from '../constants.ts'
import {imageLinkField, imageSubtitle} from '../fields.ts'

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
    fields: [
      defineField({
        name: 'alt',
        title: 'Alternative text',
        type: 'string',
        description: 'What the image shows, for readers who cannot see it.',
        validation: (rule) =>
          rule.required().warning('Describe the image in a few words for screen readers.'),
      }),
      imageLinkField(),
      defineField({
        name: 'src',
        title: 'Source address',
        type: 'string',
        readOnly: true,
        description:
          'Where the importer found the image. A remote image stays a link until someone uploads it.',
      }),
    ],
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
