import type {Definition, FootnoteDefinition, Nodes} from 'mdast'

import {convertBlocks} from '../blocks/index.ts'
import type {Item} from '../blocks/text-block.ts'
import type {ListContext} from '../blocks/walk.ts'
import {parseMarkdown} from '../parse.ts'
import type {State} from '../state.ts'
import type {Point} from './hast/scope.ts'
import {kramdownListNesting} from '../list-nesting.ts'
import {kramdownLines} from '../kramdown-lines.ts'
import {prepareKramdownBlocks} from './prepare.ts'

/**
 * Converts markdown found inside HTML (a `markdown="1"` element's content, the text after a
 * closing tag) as kramdown does, appending to `out`. Lines and columns point into the page;
 * offsets point into the text this call parses, which is `state.source` while it converts, so
 * the handlers that look at the source around a node (indents, fences) read the right text.
 */
export function convertMarkdownAt(
  text: string,
  at: Point,
  state: State,
  out: Item[],
  list?: ListContext,
  /** Columns taken off the start of each line after the first (a list item's indentation). */
  indent = 0,
): void {
  if (text.trim() === '') return
  const prefix = pageDefinitions(text, state)
  const source =
    prefix.text + kramdownLines(kramdownListNesting(prepareKramdownBlocks(text, state, at, indent)))
  const root = parseMarkdown(source)
  // The page's own footnotes are converted where the page defines them, not here again.
  if (prefix.footnotes) {
    root.children = root.children.filter(
      (node) => node.type !== 'footnoteDefinition' || node.position!.start.line > prefix.lines,
    )
  }
  shiftLines(root, at, prefix.lines, indent)
  const outer = state.source
  state.source = source
  try {
    convertBlocks(root.children, state, out, list)
  } finally {
    state.source = outer
  }
}

/**
 * The page's link reference definitions and footnotes this text names, as markdown lines to read
 * before it: kramdown resolves `[guide]` and `[^1]` anywhere on the page, and CommonMark makes a
 * reference only when its definition is in the text it parses, which for markdown inside HTML or
 * a definition is not the page. A footnote's line only makes `[^1]` a reference: its content is
 * the page's definition's.
 */
function pageDefinitions(
  text: string,
  state: State,
): {text: string; lines: number; footnotes: boolean} {
  const none = {text: '', lines: 0, footnotes: false}
  if (!text.includes('[') || !state.root) return none
  const lower = text.toLowerCase()
  const lines: string[] = []
  for (const definition of collectDefinitions(state.root)) {
    const label = definition.label ?? definition.identifier
    if (definition.type === 'footnoteDefinition') {
      if (lower.includes(`[^${label.toLowerCase()}]`)) lines.push(`[^${label}]: .\n`)
      continue
    }
    if (!lower.includes(label.toLowerCase())) continue
    const url = definition.url.replace(/[<>\n]/g, encodeURIComponent)
    const title = definition.title
      ? ` "${definition.title.replace(/[\\"]/g, (char) => `\\${char}`)}"`
      : ''
    lines.push(`[${label}]: <${url}>${title}\n`)
  }
  if (lines.length === 0) return none
  const footnotes = lines.some((line) => line.startsWith('[^'))
  return {text: `${lines.join('')}\n`, lines: lines.length + 1, footnotes}
}

// The page's definitions and footnotes (each identifier once, the first wins as in CommonMark),
// kept per root.
const definitionsOf = new WeakMap<Nodes, Array<Definition | FootnoteDefinition>>()

function collectDefinitions(root: Nodes): Array<Definition | FootnoteDefinition> {
  let found = definitionsOf.get(root)
  if (found) return found
  found = []
  const seen = new Set<string>()
  const stack: Nodes[] = [root]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'definition' || node.type === 'footnoteDefinition') {
      const key = `${node.type === 'definition' ? '' : '^'}${node.identifier}`
      if (!seen.has(key)) found.push(node)
      seen.add(key)
    }
    if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading') {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i])
    }
  }
  definitionsOf.set(root, found)
  return found
}

/**
 * Moves the lines and columns of a text parsed on its own to the page's, the text starting at
 * `at`: its first `skip` lines are definitions read before it. Offsets stay the text's.
 */
export function shiftLines(root: Nodes, at: Point, skip: number, indent = 0): void {
  const stack: Nodes[] = [root]
  const shift = (point: {line: number; column: number; offset?: number}) => ({
    line: point.line - skip + at.line - 1,
    column: point.line === skip + 1 ? point.column + at.column - 1 : point.column + indent,
    offset: point.offset,
  })
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.position)
      node.position = {start: shift(node.position.start), end: shift(node.position.end)}
    if ('children' in node) for (const child of node.children) stack.push(child)
  }
}
