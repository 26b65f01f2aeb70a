import {defineArrayMember, defineField} from 'sanity'

import {BLOCK_TYPES} from '../constants.ts'
import {imageAltField, imageLinkField, imageSrcField, imageSubtitle} from '../fields.ts'
import {listLevelField} from '../listLevel.ts'

/** An image between text blocks (a lesson body, a callout, a collapsible section). */
export function bodyImageMember() {
  return defineArrayMember({
    type: 'image',
    name: BLOCK_TYPES.image,
    options: {hotspot: true},
    fields: [
      imageAltField(),
      defineField({name: 'caption', title: 'Caption', type: 'string'}),
      imageLinkField(),
      imageSrcField(),
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
