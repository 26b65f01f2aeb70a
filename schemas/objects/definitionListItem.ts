import {defineField, defineType} from 'sanity'

import {OBJECT_TYPES} from '../constants.ts'
import {richTextPlainText} from '../fields.ts'

/** One entry of a definition list: its term (one line per synonym) and its definition's blocks. */
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
      // kramdown reads a definition as blocks: paragraphs, code, lists, tables, quotes and
      // definition lists of its own, as a callout's content.
      type: OBJECT_TYPES.sectionBody,
      description: 'Paragraphs, lists, code, tables or a nested definition list.',
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
