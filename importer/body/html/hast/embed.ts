import type {Element} from 'hast'

import {withoutBaseurl} from '../../../uri.ts'
import {embedProvider, isEmbedUrl} from '../../../../schemas/embedProviders.ts'
import {BLOCK_TYPES} from '../../names.ts'
import type {HastScope} from './scope.ts'
import {reportAt} from './scope.ts'
import {attribute} from './text.ts'

/** An `embed` block before its key is assigned. */
export interface EmbedItem {
  _type: typeof BLOCK_TYPES.embed
  url: string
  title?: string
  provider: string
  [key: string]: unknown
}

/** Elements that embed a player: they become an `embed` block. */
export const EMBED_ELEMENTS = new Set(['iframe', 'video', 'audio', 'embed', 'object'])

/**
 * An `embed` block for `<iframe>`, `<video>`, `<audio>`, `<embed>`, `<object>` or a gist
 * `<script src>`: the address (`http:` upgraded to `https:`), title and provider. Undefined,
 * with a warning, when the address is missing or not allowed.
 */
export function embedItem(element: Element, scope: HastScope): EmbedItem | undefined {
  const name = element.tagName
  const raw = (
    attribute(element, 'src') ??
    attribute(element, 'data') ??
    firstSource(element) ??
    ''
  ).trim()
  let url = raw.startsWith('//') ? `https:${raw}` : raw.replace(/^http:\/\//i, 'https://')
  if (name === 'script') url = url.replace(/\.js(?=$|\?)/, '')
  url = withoutBaseurl(url, scope.state.ctx.site.baseurl)
  if (!isEmbedUrl(url)) {
    reportAt(
      scope,
      'warning',
      'unsafe-embed',
      element,
      `Dropped a <${name}> with the address "${raw.slice(0, 80)}": embeds need an https: address or a path in the site.`,
      'Fix the address, or remove the element.',
    )
    return undefined
  }
  if (raw !== url && /^http:/i.test(raw)) {
    reportAt(scope, 'info', 'embed-https', element, `Embedded "${raw}" over https.`)
  }
  const title = attribute(element, 'title') ?? attribute(element, 'aria-label')
  return {
    _type: BLOCK_TYPES.embed,
    url,
    ...(title ? {title} : {}),
    provider: embedProvider(url, name),
  }
}

/** True for a `<script>` that embeds a GitHub gist. */
export function isGistScript(element: Element): boolean {
  return /^(?:https?:)?\/\/gist\.github\.com\//i.test(attribute(element, 'src') ?? '')
}

function firstSource(element: Element): string | undefined {
  for (const child of element.children) {
    if (child.type === 'element' && child.tagName === 'source') {
      const src = attribute(child, 'src')
      if (src) return src
    }
  }
  return undefined
}
