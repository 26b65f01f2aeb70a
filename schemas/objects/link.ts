import {LinkIcon} from '@sanity/icons/Link'
import {defineField, defineType} from 'sanity'

import {ANNOTATIONS, LINK_SCHEMES} from '../constants.ts'
import {checkLinkHref} from '../validation.ts'

/** External or relative link annotation; `javascript:` and other schemes are rejected. */
export const link = defineType({
  name: ANNOTATIONS.link,
  title: 'Link',
  type: 'object',
  icon: LinkIcon,
  fields: [
    defineField({
      name: 'href',
      title: 'URL',
      type: 'string',
      description: `${LINK_SCHEMES.join(', ')}, a relative path such as ../other-page/, or #anchor.`,
      validation: (rule) => rule.required().custom((href: unknown) => checkLinkHref(href)),
    }),
    defineField({name: 'title', title: 'Title', type: 'string'}),
  ],
})
