import {defineArrayMember, defineField} from 'sanity'

import {BLOCK_TYPES} from '../constants.ts'
import {imageLinkField, imageSubtitle} from '../fields.ts'
import {listLevelField} from '../listLevel.ts'

/** An image between text blocks (a lesson body, a callout, a collapsible section). */
export function bodyImageMember() {
  return defineArrayMember({
    type: 'image',
    name: BLOCK_TYPES.image,
    options: {hotspot: true},
    fields: [
      defineField({
        name: 'alt',
        title: 'Alternative text',
        type: 'string',
        description: 'What the image shows, for readers who cannot see it.',
        validation: (rule) =>
          rule.required().warning('Describe the image in a few words for screen readers.'),
      }),
      defineField({name: 'caption', title: 'Caption', type: 'string'}),
      imageLinkField(),
      defineField({
        name: 'src',
        title: 'Source address',
        type: 'string',
        readOnly: true,
        description:
          'Where the importer found the image. A remote image stays a link until someone uploads it.',
      }),
      listLevelField(),
    ],
    preview: {
      select: {alt: 'alt', caption: 'caption', src: 'src', media: 'asset'},
      prepare: ({alt, caption, src, media}) => ({
        title: alt || caption || 'Image without a description',
        subtitle: imageSubtitle(src, Boolean(media)),
        media,
      }),
    },
  })
}
