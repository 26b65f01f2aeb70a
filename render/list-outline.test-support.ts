import type {Element, ElementContent, Root, RootContent} from 'hast'
import {fromHtml} from 'hast-util-from-html'

/**
 * The lists of an HTML page as a reader sees them: one line per item, indented by nesting,
 * with the number an `<ol>` shows (`start` + position) or `-` for `<ul>`, then the item's own
 * text (nested lists left out) with whitespace collapsed.
 */
export function listOutline(html: string): string[] {
  const lines: string[] = []
  visit(fromHtml(html, {fragment: true}), 0, lines)
  return lines
}

function visit(node: Root | Element, depth: number, lines: string[]): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue
    if (child.tagName === 'ol' || child.tagName === 'ul') list(child, depth, lines)
    else visit(child, depth, lines)
  }
}

function list(node: Element, depth: number, lines: string[]): void {
  const start = Number(node.properties.start ?? 1)
  let index = 0
  for (const item of node.children) {
    if (item.type !== 'element' || item.tagName !== 'li') continue
    const marker = node.tagName === 'ol' ? `${start + index}.` : '-'
    lines.push(`${'  '.repeat(depth)}${marker} ${ownText(item).replace(/\s+/g, ' ').trim()}`)
    visit(item, depth + 1, lines)
    index++
  }
}

function ownText(node: Element | RootContent | ElementContent): string {
  if (node.type === 'text') return node.value
  if (node.type !== 'element') return ''
  if (node.tagName === 'ol' || node.tagName === 'ul' || node.tagName === 'br') return ' '
  const text = node.children.map(ownText).join('')
  return BLOCK.has(node.tagName) ? ` ${text} ` : text
}

const BLOCK = new Set([
  'p',
  'pre',
  'div',
  'aside',
  'table',
  'tr',
  'td',
  'th',
  'blockquote',
  'dl',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
])
