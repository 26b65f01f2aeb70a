import {CodeBlockIcon} from '@sanity/icons/CodeBlock'
import {defineField, defineType} from 'sanity'

import {BLOCK_TYPES} from '../constants.ts'
import {listLevelField} from '../listLevel.ts'

/** A fenced code block with its language. */
export const codeBlock = defineType({
  name: BLOCK_TYPES.code,
  title: 'Code',
  type: 'object',
  icon: CodeBlockIcon,
  fields: [
    defineField({
      name: 'language',
      title: 'Language',
      type: 'string',
      description: 'As written after the fence, e.g. "js" or "bash". Leave empty for plain text.',
    }),
    defineField({
      name: 'code',
      title: 'Code',
      type: 'text',
      rows: 8,
      // An empty fence is what the author wrote; the importer keeps it, so it is valid here too.
      description: 'The code as written. An empty code block is allowed.',
    }),
    listLevelField(),
  ],
  preview: {
    select: {language: 'language', code: 'code'},
    prepare: ({language, code}) => ({
      title: String(code ?? '').split('\n')[0] || '(empty)',
      subtitle: language ? `Code · ${language}` : 'Code',
    }),
  },
})
