import {WrenchIcon} from '@sanity/icons/Wrench'
import {defineField, defineType} from 'sanity'

import {DOCUMENT_TYPES} from '../constants.ts'
import {slugField, sourceField, titleField} from '../fields.ts'

/** A tool ("Jira"), one document however many lessons mention it. */
export const tool = defineType({
  name: DOCUMENT_TYPES.tool,
  title: 'Tool',
  type: 'document',
  icon: WrenchIcon,
  fields: [
    titleField('name'),
    slugField('name'),
    defineField({
      name: 'category',
      title: 'Category',
      type: 'reference',
      to: [{type: DOCUMENT_TYPES.toolCategory}],
      validation: (rule) => rule.required().error('Choose the category this tool belongs to.'),
    }),
    defineField({
      name: 'url',
      title: 'Website',
      type: 'url',
      validation: (rule) => rule.uri({scheme: ['http', 'https']}).error('Use an http(s) address.'),
    }),
    defineField({name: 'description', title: 'Description', type: 'text', rows: 2}),
    sourceField(),
  ],
  preview: {
    select: {title: 'name', category: 'category.title'},
    prepare: ({title, category}) => ({title, subtitle: category ?? 'No category'}),
  },
})
