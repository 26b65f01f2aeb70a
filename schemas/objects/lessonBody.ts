import {defineArrayMember, defineField, defineType} from 'sanity'

import {BLOCK_STYLES, BLOCK_TYPES, OBJECT_TYPES} from '../constants.ts'
import {imageSubtitle} from '../fields.ts'
import {listLevelField} from '../listLevel.ts'
import {textBlockMember} from './textBlock.ts'

/** Portable Text of a lesson (and of a module's own page): text blocks plus the custom blocks. */
export const lessonBody = defineType({
  name: OBJECT_TYPES.lessonBody,
  title: 'Body',
  type: 'array',
  of: [
    textBlockMember(BLOCK_STYLES),
    defineArrayMember({
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
    }),
    defineArrayMember({type: BLOCK_TYPES.code}),
    defineArrayMember({type: BLOCK_TYPES.table}),
    defineArrayMember({type: BLOCK_TYPES.callout}),
    defineArrayMember({type: BLOCK_TYPES.details}),
    defineArrayMember({type: BLOCK_TYPES.footnote}),
    defineArrayMember({type: BLOCK_TYPES.divider}),
    defineArrayMember({type: BLOCK_TYPES.embed}),
    defineArrayMember({type: BLOCK_TYPES.rawHtml}),
    defineArrayMember({type: BLOCK_TYPES.responsibilitySection}),
    defineArrayMember({type: BLOCK_TYPES.toolTable}),
    defineArrayMember({type: BLOCK_TYPES.tableOfContents}),
    defineArrayMember({type: BLOCK_TYPES.definitionList}),
  ],
})
