import type {Nodes, RootContent} from 'mdast'

import {splitTrailingEmoji} from './emoji.ts'
import {isNavButtons} from './html/next-link.ts'
import {KNOWN_ELEMENTS, parseTag, textOf} from './html/tags.ts'
import {inlineHtmlIsText} from './inline/html.ts'
import {parseMarkdown} from './parse.ts'

/**
 * The text a reader sees in a markdown body (after Liquid), for comparing with the converted
 * Portable Text. Deliberate differences are removed here, so the comparison stays strict:
 * the H1 repeating the title (it is the title), the navigation block (it is `next`),
 * kramdown attribute lists, header ids (`{#id}`) and `{:toc}` placeholders, definition-list `: ` markers,
 * image alt text (it is a field, not body text), and HTML tags (their text is kept).
 */
export function markdownPlainText(source: string, title: string): string {
  const root = parseMarkdown(source)
  let children = root.children
  const h1 = children.findIndex((node) => node.type === 'heading' && node.depth === 1)
  if (h1 !== -1 && sameTitle(nodeText(children[h1]), title)) {
    children = [...children.slice(0, h1), ...children.slice(h1 + 1)]
  }
  return children
    .map((node) => nodeText(node))
    .join('\n')
    .replace(/[^\n]*\n\{:toc\}/g, '')
    .replace(/\{:[^{}\n]*\}/g, '')
    .replace(/\{#[\w-]+\}/g, '')
    .replace(/(^|\n): /g, '$1')
}

/** Collapses whitespace so that line wrapping and block separation do not count. */
export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function sameTitle(heading: string, title: string): boolean {
  const plain = normaliseWhitespace(splitTrailingEmoji(heading).text)
  return (
    plain === normaliseWhitespace(title) ||
    normaliseWhitespace(heading) === normaliseWhitespace(title)
  )
}

function nodeText(node: Nodes | RootContent, inline = false): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
    case 'code':
      return node.value
    case 'html': {
      if (isNavButtons(node.value)) return ''
      if (parseTag(node.value)?.name === 'br') return '\n'
      if (inline && inlineHtmlIsText(node.value)) return node.value
      const tag = parseTag(node.value)
      if (tag && !KNOWN_ELEMENTS.has(tag.name)) return node.value
      return textOf(node.value)
    }
    case 'break':
      return '\n'
    case 'image':
    case 'imageReference':
    case 'definition':
    case 'thematicBreak':
      return ''
    case 'footnoteReference':
      return node.label ?? node.identifier
    default:
      if (!('children' in node)) return ''
      if (node.type === 'paragraph' && node.children.every(isBlockLikeHtml)) {
        return node.children.map((child) => nodeText(child)).join('')
      }
      return (node.children as RootContent[])
        .map((child) => nodeText(child, inline || isPhrasingParent(node)))
        .join(isPhrasingParent(node) ? '' : '\n')
  }
}

// A paragraph of tags only (`<video …></video>`) converts as block HTML.
function isBlockLikeHtml(node: RootContent): boolean {
  return node.type === 'html' || (node.type === 'text' && node.value.trim() === '')
}

function isPhrasingParent(node: Nodes): boolean {
  return [
    'paragraph',
    'heading',
    'strong',
    'emphasis',
    'delete',
    'link',
    'linkReference',
    'tableCell',
  ].includes(node.type)
}
