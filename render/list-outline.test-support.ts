import type {Element, Root} from 'hast'
import {fromHtml} from 'hast-util-from-html'

import {visibleText} from '../fidelity/features.ts'

/** Nested lists are their own lines, so an item's text leaves them out. */
const NESTED_LISTS = new Set(['ol', 'ul'])

/**
 * The lists of an HTML page as a reader sees them: a line where each list begins (`<ul>`,
 * `<ol>`), then one line per item, indented by nesting, with the number an `<ol>` shows (`start` + position) or `-` for `<ul>`, then the item's own
 * text (nested lists left out, read as the fidelity harness reads text) with whitespace collapsed.
 */
export function listOutline(html: string): string[] {
  const lines: string[] = []
  visit(fromHtml(html, {fragment: true}), 0, lines)
  return lines
}

function visit(node: Root | Element, depth: number, lines: string[]): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue
    if (NESTED_LISTS.has(child.tagName)) list(child, depth, lines)
    else visit(child, depth, lines)
  }
}

function list(node: Element, depth: number, lines: string[]): void {
  const start = Number(node.properties.start ?? 1)
  // Where a list begins: two lists one after another are not one longer list.
  lines.push(`${'  '.repeat(depth)}<${node.tagName}>`)
  let index = 0
  for (const item of node.children) {
    if (item.type !== 'element' || item.tagName !== 'li') continue
    const marker = node.tagName === 'ol' ? `${start + index}.` : '-'
    const text = visibleText(item, NESTED_LISTS).replace(/\s+/g, ' ').trim()
    lines.push(`${'  '.repeat(depth)}${marker} ${text}`)
    visit(item, depth + 1, lines)
    index++
  }
}
