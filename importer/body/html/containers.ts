import type {Html, RootContent} from 'mdast'

// Void elements never have content or a closing tag.
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
])

/** A lone opening tag (`<details markdown="1">`, `<div class="note">`) and its element name. */
export function loneOpening(html: string): {name: string; tag: string; rest: string} | undefined {
  const match = /^<([a-zA-Z][a-zA-Z0-9-]*)\b[^<>]*>/.exec(html.trim())
  if (!match) return undefined
  const name = match[1].toLowerCase()
  if (VOID.has(name) || match[0].endsWith('/>')) return undefined
  const rest = html.trim().slice(match[0].length)
  if (new RegExp(`</${name}\\s*>`, 'i').test(rest)) return undefined
  return {name, tag: match[0], rest}
}

/**
 * Finds the sibling html node closing `name` (counting nested openings), so that markdown
 * between an opening and a closing tag can be converted as the element's content.
 */
export function findClosing(nodes: RootContent[], from: number, name: string): number {
  const open = new RegExp(`<${name}\\b`, 'gi')
  const close = new RegExp(`</${name}\\s*>`, 'gi')
  let depth = 1
  for (let i = from; i < nodes.length; i++) {
    const node = nodes[i]
    if (node.type !== 'html') continue
    const value = (node as Html).value
    depth += (value.match(open)?.length ?? 0) - (value.match(close)?.length ?? 0)
    if (depth <= 0) return i
  }
  return -1
}

/**
 * The index just after the `</name>` that closes the element opened `depth` levels up (or the
 * first element opened in `html` when `depth` is 0), or -1 when `html` never closes it.
 */
export function closingEnd(html: string, name: string, depth = 0): number {
  for (const match of html.matchAll(new RegExp(`<(/?)${name}\\b[^<>]*>`, 'gi'))) {
    depth += match[1] === '/' ? -1 : 1
    if (depth <= 0) return match.index + match[0].length
  }
  return -1
}

/**
 * Where the element closes inside the `closing` node found by `findClosing`: the index just
 * after its `</name>` in that node's value, or -1.
 */
export function closingCut(
  nodes: RootContent[],
  from: number,
  closing: number,
  name: string,
): number {
  const open = new RegExp(`<${name}\\b`, 'gi')
  const close = new RegExp(`</${name}\\s*>`, 'gi')
  let depth = 1
  for (let i = from; i < closing; i++) {
    const node = nodes[i]
    if (node.type !== 'html') continue
    const value = (node as Html).value
    depth += (value.match(open)?.length ?? 0) - (value.match(close)?.length ?? 0)
  }
  return closingEnd((nodes[closing] as Html).value, name, depth)
}
