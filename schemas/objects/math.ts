import {TextIcon} from '@sanity/icons/Text'
import {defineField, defineType} from 'sanity'

import {BLOCK_TYPES, INLINE_TYPES} from '../constants.ts'
import {imageLinkField} from '../fields.ts'
import {listLevelField} from '../listLevel.ts'

/** The TeX source of a formula, as written between kramdown's `$$` delimiters. */
function texField(rows: number) {
  return defineField({
    name: 'tex',
    title: 'TeX',
    type: 'text',
    rows,
    description: 'The formula in TeX (as MathJax reads it), without the $$ around it.',
    validation: (rule) => rule.required().error('Write the formula, or remove it.'),
  })
}

const firstLine = (tex: unknown) =>
  String(tex ?? '')
    .trim()
    .split('\n')[0] || '(empty formula)'

/** A formula on its own lines (`$$` … `$$` as a paragraph of its own). */
export const math = defineType({
  name: BLOCK_TYPES.math,
  title: 'Formula',
  type: 'object',
  icon: TextIcon,
  fields: [texField(4), listLevelField()],
  preview: {
    select: {tex: 'tex'},
    prepare: ({tex}) => ({title: firstLine(tex), subtitle: 'Formula'}),
  },
})

/** A formula inside a sentence (`$$…$$` among other text). */
export const inlineMath = defineType({
  name: INLINE_TYPES.inlineMath,
  title: 'Inline formula',
  type: 'object',
  icon: TextIcon,
  fields: [texField(1), imageLinkField()],
  preview: {select: {tex: 'tex'}, prepare: ({tex}) => ({title: firstLine(tex)})},
})
