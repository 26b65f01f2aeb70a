import {CheckmarkIcon} from '@sanity/icons/Checkmark'
import {defineField, defineType} from 'sanity'

import {INLINE_TYPES} from '../constants.ts'

/** The checkbox that starts a task-list item. */
export const taskCheck = defineType({
  name: INLINE_TYPES.taskCheck,
  title: 'Task checkbox',
  type: 'object',
  icon: CheckmarkIcon,
  fields: [defineField({name: 'checked', title: 'Done', type: 'boolean', initialValue: false})],
  preview: {
    select: {checked: 'checked'},
    prepare: ({checked}) => ({title: checked ? '☑ done' : '☐ to do'}),
  },
})
