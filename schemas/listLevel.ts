import {defineField} from 'sanity'

/**
 * The `level` field of a custom block that sits inside a list item: the block belongs to the
 * nearest list item above it at that level, so a numbered list keeps counting past it.
 */
export function listLevelField() {
  return defineField({
    name: 'level',
    title: 'Inside list item',
    type: 'number',
    description:
      'The list level of the item this block belongs to (1 = an item of the outer list). Leave empty when the block is not part of a list: a list then ends before it.',
    validation: (rule) =>
      rule.integer().min(1).error('Use a whole number of 1 or more, or leave it empty.'),
  })
}
