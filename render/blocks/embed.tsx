import type {PortableTextTypeComponentProps} from '@portabletext/react'

import {isEmbedUrl, playerUrl} from '../../schemas/embedProviders.ts'
import type {EmbedProvider} from '../../schemas/embedProviders.ts'
import type {BodyItemOf} from '../types.ts'

/**
 * An embed as its provider's player: YouTube and Vimeo in a sandboxed frame of their own
 * origin, video and audio files in the browser's own player, anything else (gists, other
 * pages) as a link. Only `https:` addresses or site paths are ever used.
 */
export function EmbedBlock({value}: PortableTextTypeComponentProps<BodyItemOf<'embed'>>) {
  const url = value.url ?? ''
  const title = value.title ?? url
  if (!isEmbedUrl(url)) return <p className="embed-missing">{title}</p>
  const provider = (value.provider ?? 'iframe') as EmbedProvider
  const player = playerUrl(url, provider)
  if (player) {
    return (
      <iframe
        className="embed"
        src={player}
        title={title}
        sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"
        allow="fullscreen; picture-in-picture; encrypted-media"
        referrerPolicy="strict-origin-when-cross-origin"
        loading="lazy"
      />
    )
  }
  if (provider === 'video')
    return <video className="embed" src={url} controls preload="metadata" title={title} />
  if (provider === 'audio')
    return <audio className="embed" src={url} controls preload="metadata" title={title} />
  return (
    <p className="embed-link">
      <a href={url} rel="noopener noreferrer">
        {title}
      </a>
    </p>
  )
}
