import {PlayIcon} from '@sanity/icons/Play'
import {defineField, defineType} from 'sanity'

import {BLOCK_TYPES} from '../constants.ts'
import {EMBED_PROVIDERS, isEmbedUrl} from '../embedProviders.ts'
import {listLevelField} from '../listLevel.ts'

/** A video, audio, gist or framed page (`<iframe>`, `<video>`, `<audio>`, `<embed>`, a gist script). */
export const embed = defineType({
  name: BLOCK_TYPES.embed,
  title: 'Embedded media',
  type: 'object',
  icon: PlayIcon,
  fields: [
    defineField({
      name: 'url',
      title: 'Address',
      type: 'string',
      description:
        'An https: address (a YouTube or Vimeo page, a video file, a gist) or a path in the site.',
      validation: (rule) =>
        rule
          .required()
          // A value that is not a string is left to the type check, which names its type.
          .custom((url: unknown) =>
            typeof url !== 'string' || isEmbedUrl(url)
              ? true
              : 'Use an https: address or a path in the site.',
          )
          .error(),
    }),
    defineField({name: 'title', title: 'Title', type: 'string'}),
    defineField({
      name: 'provider',
      title: 'Provider',
      type: 'string',
      options: {list: [...EMBED_PROVIDERS]},
      validation: (rule) => rule.required().error('Choose how the embed is shown.'),
    }),
    listLevelField(),
  ],
  preview: {
    select: {url: 'url', title: 'title', provider: 'provider'},
    prepare: ({url, title, provider}) => ({
      title: title || url,
      subtitle: `Embedded ${provider ?? 'media'}`,
    }),
  },
})
