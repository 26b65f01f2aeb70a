import {UlistIcon} from '@sanity/icons/Ulist'
import {defineArrayMember, defineField, defineType} from 'sanity'

import {BLOCK_TYPES, OBJECT_TYPES} from '../constants.ts'
import {listLevelField} from '../listLevel.ts'
import {counted, richTextPlainText} from '../fields.ts'

/** A kramdown definition list: terms, each with a rich-text definition. */
export const definitionList = defineType({
  name: BLOCK_TYPES.definitionList,
  title: 'Definition list',
  type: 'object',
  icon: UlistIcon,
  fields: [
    defineField({
      name: 'items',
      title: 'Terms',
      type: 'array',
      of: [defineArrayMember({type: OBJECT_TYPES.definitionListItem})],
      validation: (rule) =>
        rule.required().min(1).error('Add at least one term, or remove the definition list.'),
    }),
    listLevelField(),
  ],
  preview: {
    select: {items: 'items'},
    prepare: ({items}) => {
      const terms = Array.isArray(items) ? items : []
      return {
        title: terms.map((item) => richTextPlainText(item?.term)).join(', ') || '(no terms)',
        subtitle: `Definition list · ${counted(terms.length, 'term')}`,
      }
    },
  },
})
