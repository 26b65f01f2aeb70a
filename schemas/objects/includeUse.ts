import {defineField, defineType} from 'sanity'

import {OBJECT_TYPES} from '../constants.ts'

/**
 * An `{% include %}` of the source page and the body blocks it made, so an export writes the
 * tag again while those blocks are as the include made them (an editor's change to them is
 * written out in full instead); or, for an include that made no block (hidden HTML), the block
 * it followed, so an export writes it there again.
 */
export const includeUse = defineType({
  name: OBJECT_TYPES.includeUse,
  title: 'Include',
  type: 'object',
  fields: [
    defineField({name: 'tag', title: 'Tag', type: 'string', validation: (rule) => rule.required()}),
    defineField({name: 'firstKey', title: 'First block', type: 'string'}),
    defineField({name: 'lastKey', title: 'Last block', type: 'string'}),
    defineField({name: 'contentHash', title: 'Hash of the blocks it made', type: 'string'}),
    defineField({name: 'afterKey', title: 'Block it followed (made none)', type: 'string'}),
    defineField({name: 'inList', title: 'In that block’s list item', type: 'boolean'}),
  ],
  preview: {select: {title: 'tag'}},
})
