import {TagIcon} from '@sanity/icons/Tag'
import {defineField, defineType} from 'sanity'

import {ANNOTATIONS, LABEL_COLORS} from '../constants.ts'
import {checkLabelColor} from '../validation.ts'

/**
 * A just-the-docs label: text shown as a coloured badge (`**Introduced 2.13**{: .label
 * .label-purple }`, `<span class="label">New</span>`). Each label is its own annotation, so two
 * side by side stay two badges.
 */
export const label = defineType({
  name: ANNOTATIONS.label,
  title: 'Label',
  type: 'object',
  icon: TagIcon,
  fields: [
    defineField({
      name: 'color',
      title: 'Colour',
      type: 'string',
      description: `The badge's colour: ${LABEL_COLORS.join(', ')} (just-the-docs' own; none is blue), or one the site's CSS defines as label-<colour>.`,
      validation: (rule) => rule.custom((color: unknown) => checkLabelColor(color)),
    }),
  ],
})
