/** An HTML tag as written: name, attributes, and whether it opens, closes or is self-closing. */
export interface Tag {
  name: string
  closing: boolean
  selfClosing: boolean
  attributes: Record<string, string>
}

const BLOCK_NAMES = [
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'col',
  'colgroup',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'frame',
  'frameset',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'head',
  'header',
  'hr',
  'html',
  'iframe',
  'legend',
  'li',
  'link',
  'main',
  'menu',
  'nav',
  'ol',
  'optgroup',
  'option',
  'p',
  'param',
  'pre',
  'search',
  'section',
  'source',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'title',
  'tr',
  'track',
  'ul',
  'meta',
  'base',
  'noscript',
  'textarea',
]

const INLINE_NAMES = [
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'br',
  'button',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'embed',
  'font',
  'i',
  'iframe',
  'img',
  'input',
  'ins',
  'kbd',
  'label',
  'map',
  'mark',
  'meter',
  'object',
  'output',
  'picture',
  'progress',
  'q',
  'ruby',
  's',
  'samp',
  'script',
  'select',
  'slot',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'svg',
  'template',
  'textarea',
  'time',
  'tt',
  'u',
  'var',
  'video',
  'audio',
  'canvas',
  'wbr',
  'style',
  'center',
  'img',
]

/** Element names a browser knows; anything else in angle brackets (`List<String>`) is text. */
export const KNOWN_ELEMENTS = new Set([...BLOCK_NAMES, ...INLINE_NAMES])

const TAG =
  /^<(\/)?([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/)?>$/
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g

/** Parses a single tag such as `<img src="x" alt="y">`, or returns `undefined` if `text` is not one. */
export function parseTag(text: string): Tag | undefined {
  const match = TAG.exec(text.trim())
  if (!match) return undefined
  const attributes: Record<string, string> = {}
  for (const [, name, double, single, bare] of (match[3] ?? '').matchAll(ATTRIBUTE)) {
    attributes[name.toLowerCase()] = decodeEntities(double ?? single ?? bare ?? '')
  }
  return {
    name: match[2].toLowerCase(),
    closing: match[1] === '/',
    selfClosing: match[4] === '/',
    attributes,
  }
}

/** Every tag in a fragment, in order. */
export function tagsIn(html: string): Tag[] {
  const tags: Tag[] = []
  for (const [text] of html.matchAll(/<\/?[a-zA-Z][^<>]*>/g)) {
    const tag = parseTag(text)
    if (tag) tags.push(tag)
  }
  return tags
}

/** Text content of a fragment: tags removed, entities decoded, whitespace collapsed. */
export function textOf(html: string): string {
  const withoutTags = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\/?(?:summary|p|div|br|li|tr|td|th|h[1-6]|dt|dd|section|figcaption)\b[^<>]*>/gi, ' ')
    .replace(/<[^<>]*>/g, '')
  return decodeEntities(withoutTags).replace(/\s+/g, ' ').trim()
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
}

/** Decodes the named entities common in attributes plus numeric references. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X'
          ? parseInt(body.slice(2), 16)
          : parseInt(body.slice(1), 10)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity
    }
    return ENTITIES[body.toLowerCase()] ?? entity
  })
}
