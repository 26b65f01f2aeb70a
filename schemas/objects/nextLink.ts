import {ArrowRightIcon} from '@sanity/icons/ArrowRight'
import {defineField, defineType} from 'sanity'

import {DOCUMENT_TYPES, OBJECT_TYPES} from '../constants.ts'
import {checkLinkHref} from '../validation.ts'

/** The "Next: …" button at the end of a lesson. */
export const nextLink = defineType({
  name: OBJECT_TYPES.nextLink,
  title: 'Next lesson link',
  type: 'object',
  icon: ArrowRightIcon,
  fields: [
    defineField({
      name: 'label',
      title: 'Label',
      type: 'string',
      validation: (rule) =>
        rule.required().error('Write the button label, e.g. "Next: Types of PMs".'),
    }),
    defineField({
      name: 'lesson',
      title: 'Lesson',
      type: 'reference',
      weak: true,
      to: [{type: DOCUMENT_TYPES.lesson}],
    }),
    defineField({
      name: 'href',
      title: 'Address',
      type: 'string',
      description:
        'Kept when the target page is not in the site yet. Choose a lesson instead when it is.',
      validation: (rule) => rule.custom((href: unknown) => (href ? checkLinkHref(href) : true)),
    }),
  ],
  validation: (rule) =>
    rule.custom((value: {lesson?: unknown; href?: string} | undefined) =>
      !value || value.lesson || value.href ? true : 'Choose the next lesson or give its address.',
    ),
})
