import type {Html, Nodes, RootContent} from 'mdast'

import {splitTrailingEmoji} from './emoji.ts'
import {closingCut, closingEnd, findClosing, loneOpening} from './html/containers.ts'
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
  // A list with `{:toc}` on an unindented line after it is kramdown's TOC placeholder: the
  // generated table of contents is no body text. `{:toc}` anywhere else only disappears.
  children = children.filter(
    (node) =>
      !(
        node.type === 'list' &&
        /\n\{:toc\}$/.test(
          source.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0),
        )
      ),
  )
  return blocksText(children)
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

// The navigation block is `next`; what CommonMark put after its `</div>` in the same HTML block
// is markdown to Jekyll (kramdown), so it is read as markdown.
function blocksText(nodes: RootContent[]): string {
  const texts: string[] = []
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]
    if (node.type !== 'html' || !isNavButtons(node.value)) {
      texts.push(nodeText(node))
      continue
    }
    const closing = loneOpening(node.value) ? findClosing(nodes, i + 1, 'div') : -1
    const last = (closing === -1 ? node : nodes[closing]) as Html
    const cut =
      closing === -1 ? closingEnd(node.value, 'div') : closingCut(nodes, i + 1, closing, 'div')
    if (closing !== -1) i = closing
    if (cut !== -1) texts.push(blocksText(parseMarkdown(last.value.slice(cut)).children))
  }
  return texts.join('\n')
}

function nodeText(node: Nodes | RootContent, inline = false): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
    case 'code':
      return node.value
    case 'html': {
      // `</div>` then markdown lines, in one HTML block: the lines are markdown to kramdown.
      const closing = /^\s*<\/[a-zA-Z][\w-]*\s*>/.exec(node.value)
      if (!inline && closing && node.value.trim() !== closing[0].trim()) {
        return blocksText(parseMarkdown(node.value.slice(closing[0].length)).children)
      }
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
      if (!isPhrasingParent(node)) return blocksText(node.children as RootContent[])
      return (node.children as RootContent[]).map((child) => nodeText(child, true)).join('')
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
