import {defineField, defineType} from 'sanity'

import {OBJECT_TYPES} from '../constants.ts'
import {richTextPlainText} from '../fields.ts'

/** One entry of a definition list: its term (one line per synonym) and its definition. */
export const definitionListItem = defineType({
  name: OBJECT_TYPES.definitionListItem,
  title: 'Term',
  type: 'object',
  fields: [
    defineField({
      name: 'term',
      title: 'Term',
      type: OBJECT_TYPES.richText,
      description: 'One paragraph per term when several terms share the definition.',
      validation: (rule) => rule.required().error('Write the term being defined.'),
    }),
    defineField({
      name: 'definition',
      title: 'Definition',
      type: OBJECT_TYPES.richText,
      description: 'Several paragraphs when the source gives several definitions.',
    }),
  ],
  preview: {
    select: {term: 'term', definition: 'definition'},
    prepare: ({term, definition}) => ({
      title: richTextPlainText(term) || '(no term)',
      subtitle: richTextPlainText(definition),
    }),
  },
})
