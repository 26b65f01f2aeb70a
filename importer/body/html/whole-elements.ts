import type {PhrasingContent} from 'mdast'

import {isKeptAsText} from '../inline/html.ts'
import {VOID_ELEMENTS} from './kramdown-blocks.ts'
import {parseTag} from './tags.ts'

/** Text as HTML source again: the parser of the block path decodes it back to the same text. */
const asHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/**
 * The HTML of a paragraph made of whole HTML elements, with nothing but whitespace between
 * them, when one of them is an element a paragraph cannot hold: `<select>` and its `<option>`s
 * on lines of their own. kramdown reads span-level HTML there as a paragraph and its readers see
 * the element (a drop-down list); converted inline, its tags would be kept as visible text. Such
 * a paragraph is block HTML, as one made of tags alone is. Undefined for any other paragraph (a
 * `<kbd>` or `<a>` on its own line, text beside an element, markdown inside one), which converts
 * inline as before.
 */
export function wholeElementsHtml(children: readonly PhrasingContent[]): string | undefined {
  let depth = 0
  let kept = false
  let html = ''
  for (const child of children) {
    if (child.type === 'text') {
      if (depth === 0 && child.value.trim() !== '') return undefined
      html += asHtml(child.value)
      continue
    }
    if (child.type !== 'html') return undefined
    const tag = parseTag(child.value)
    if (tag === undefined) {
      // A comment may stand between elements; anything else that only looks like a tag is text.
      if (!child.value.startsWith('<!--')) return undefined
    } else if (tag.closing) {
      if (depth === 0) return undefined
      depth--
    } else if (!tag.selfClosing && !VOID_ELEMENTS.has(tag.name)) depth++
    kept ||= isKeptAsText(child.value)
    html += child.value
  }
  return depth === 0 && kept ? html : undefined
}
