import {fromHtml} from './fromHtml.ts'
import {visibleText} from './hast/text.ts'
import {readTag} from './tokens.ts'

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
  // Obsolete, and still shown by browsers as text in a line.
  'acronym',
  'big',
  'blink',
  'nobr',
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

/**
 * Element names a browser knows, and custom elements (a hyphen in the name: `<ion-icon>`);
 * anything else in angle brackets (`List<String>`) is text.
 */
export const KNOWN_ELEMENTS = new Set([...BLOCK_NAMES, ...INLINE_NAMES])

/** A custom element's name (`<ion-icon>`, `<my-widget>`): a browser shows what it holds. */
export function isCustomElement(name: string): boolean {
  return /^[a-z][a-z0-9._]*-[a-z0-9._-]*$/.test(name)
}

/** Whether a browser reads `<name>` as an element rather than text. */
export function isElementName(name: string): boolean {
  return KNOWN_ELEMENTS.has(name) || isCustomElement(name)
}

/** Parses a single tag such as `<img src="x" alt="y">`, or returns `undefined` if `text` is not one. */
export function parseTag(text: string): Tag | undefined {
  const tag = readTag(text)
  return (
    tag && {
      name: tag.name,
      closing: tag.closing,
      selfClosing: tag.selfClosing,
      attributes: tag.attributes,
    }
  )
}

/** Text content of a fragment as a browser shows it: tags removed, entities decoded, whitespace collapsed. */
export function textOf(html: string): string {
  return visibleText(fromHtml(html, {fragment: true}))
}

/** A reference such as `&amp;`, `&#65;` or `&#x41;`, semicolon included. */
const REFERENCE = /&(?:[A-Za-z][A-Za-z0-9]{0,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});/g

/** A text with its character references decoded as a browser decodes them, nothing else changed. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(REFERENCE, (reference) => {
    const [decoded] = fromHtml(reference, {fragment: true}).children
    return decoded?.type === 'text' ? decoded.value : reference
  })
}
