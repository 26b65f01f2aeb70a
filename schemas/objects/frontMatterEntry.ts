import {defineField, defineType} from 'sanity'

import {OBJECT_TYPES} from '../constants.ts'

/** A front-matter key the model has no field for, kept so nothing from the source is lost. */
export const frontMatterEntry = defineType({
  name: OBJECT_TYPES.frontMatterEntry,
  title: 'Front-matter entry',
  type: 'object',
  fields: [
    defineField({name: 'key', title: 'Key', type: 'string', validation: (rule) => rule.required()}),
    defineField({
      name: 'value',
      title: 'Value (JSON)',
      type: 'text',
      rows: 2,
      description: 'The YAML value as JSON, e.g. "true", "\\"/about/\\"" or "[1,2]".',
      validation: (rule) => rule.required(),
    }),
  ],
  preview: {select: {title: 'key', subtitle: 'value'}},
})
