/**
 * hast-util-from-html's `fromHtml`, loaded the first time a page needs it: it brings parse5's
 * tree builder, hastscript and property-information (about a fifth of the body converter's
 * start-up), which a page without HTML to parse into a tree never uses, as in a one-page
 * re-import. Loaded with `require` (Node loads an ES module synchronously that way), since
 * the conversion is synchronous.
 */
import type {Nodes} from 'hast'
import type {fromHtml as FromHtml} from 'hast-util-from-html'

import {onFirstUse} from '../../onFirstUse.ts'
import {TEXT_LT, textClosersEscaped} from './tokens.ts'

const load = onFirstUse<{fromHtml: typeof FromHtml}>('hast-util-from-html')

/**
 * Parses HTML as browsers do (see hast-util-from-html), except that a `</` kramdown keeps as
 * text stays text, with the text after it.
 */
export function fromHtml(value: string, options?: Parameters<typeof FromHtml>[1]) {
  const escaped = textClosersEscaped(value)
  const root = load().fromHtml(escaped, options)
  if (escaped !== value) restoreLt(root)
  return root
}

const restore = (text: string) => text.replaceAll(TEXT_LT, '<')

function restoreLt(node: Nodes): void {
  if (node.type === 'text' || node.type === 'comment') node.value = restore(node.value)
  if (node.type === 'element') {
    for (const [key, property] of Object.entries(node.properties)) {
      if (typeof property === 'string') node.properties[key] = restore(property)
      else if (Array.isArray(property))
        node.properties[key] = property.map((item) =>
          typeof item === 'string' ? restore(item) : item,
        )
    }
    if (node.content) restoreLt(node.content)
  }
  if ('children' in node) for (const child of node.children) restoreLt(child as Nodes)
}
