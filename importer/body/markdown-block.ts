/**
 * Markdown placed where Liquid writes HTML (`{{ staffer }}` in a layout, `{{ x | markdownify }}`):
 * Jekyll converts it to HTML first; here it is wrapped in an element marked `markdown="1"`, so
 * the page's own converter reads it with everything it knows of kramdown (attribute lists,
 * definition lists, callouts) instead of a second, lesser markdown renderer. The wrapper itself
 * converts to nothing.
 */

import type {Nodes} from 'mdast'

import {parseMarkdown} from './parse.ts'

/**
 * `markdown` in a block the body's HTML converter reads as markdown. Its blank last lines go,
 * not the spaces ending its last line: `: ` is an empty definition, `:` is text.
 */
export function markdownBlock(markdown: string): string {
  return `<div markdown="1">\n\n${markdown.replace(/(?:\r?\n[ \t]*)+$/, '')}\n\n</div>\n`
}

const BLOCK = /<div markdown="1">\n\n([\s\S]*?)\n\n<\/div>\n/g

/**
 * `html` with every {@link markdownBlock} replaced by the words a reader sees in its markdown, so
 * filters that read text out of HTML (`strip_html | number_of_words`: a layout's reading time)
 * count what Jekyll's HTML would hold, not markdown's punctuation.
 */
export function markdownBlocksAsText(html: string): string {
  return html.replace(BLOCK, (_, markdown: string) => visibleText(parseMarkdown(markdown)))
}

function visibleText(node: Nodes): string {
  // Attribute lists (`{: .note }`) are markup kramdown removes.
  if ('value' in node && node.type !== 'html') return node.value.replace(/\{:[^}]*\}/g, '')
  if (!('children' in node)) return ''
  const parts = node.children.map((child) => visibleText(child))
  return parts.join(node.type === 'paragraph' || node.type === 'heading' ? '' : '\n')
}
