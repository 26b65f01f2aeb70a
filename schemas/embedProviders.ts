/** Where an embedded player comes from; decides how renderers show it. */
export const EMBED_PROVIDERS = ['youtube', 'vimeo', 'gist', 'video', 'audio', 'iframe'] as const

/** One of `EMBED_PROVIDERS`. */
export type EmbedProvider = (typeof EMBED_PROVIDERS)[number]

const YOUTUBE =
  /^https:\/\/(?:www\.|m\.)?(?:youtube(?:-nocookie)?\.com\/(?:embed\/|watch\?(?:.*&)?v=|shorts\/)|youtu\.be\/)([\w-]{6,})/
const VIMEO = /^https:\/\/(?:player\.)?vimeo\.com\/(?:video\/)?(\d+)/
const GIST = /^https:\/\/gist\.github\.com\/[\w-]+\/[\da-f]+/

/** The provider of an embed, from its address and the element that embedded it. */
export function embedProvider(url: string, element: string): EmbedProvider {
  if (YOUTUBE.test(url)) return 'youtube'
  if (VIMEO.test(url)) return 'vimeo'
  if (GIST.test(url)) return 'gist'
  if (element === 'video' || element === 'audio') return element
  return 'iframe'
}

/** True for an address an embed may hold: `https:` or a path in the site. */
export function isEmbedUrl(url: string): boolean {
  if (/^https:\/\/[^\s/]/i.test(url)) return true
  return !/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(url) && !url.startsWith('//') && url.trim() !== ''
}

/** The player address a renderer frames for YouTube and Vimeo, or undefined for other providers. */
export function playerUrl(url: string, provider: EmbedProvider): string | undefined {
  if (provider === 'youtube') {
    const id = YOUTUBE.exec(url)?.[1]
    return id && `https://www.youtube-nocookie.com/embed/${id}`
  }
  if (provider === 'vimeo') {
    const id = VIMEO.exec(url)?.[1]
    return id && `https://player.vimeo.com/video/${id}`
  }
  return undefined
}
