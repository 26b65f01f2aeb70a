import type {Nodes} from 'mdast'

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
): void {
  if (text.trim() === '') return
  const source = kramdownLines(kramdownListNesting(prepareKramdownBlocks(text, state, at)))
  const root = parseMarkdown(source)
  shiftLines(root, at)
  const outer = state.source
  state.source = source
  try {
    convertBlocks(root.children, state, out, list)
  } finally {
    state.source = outer
  }
}

function shiftLines(root: Nodes, at: Point): void {
  const stack: Nodes[] = [root]
  const shift = (point: {line: number; column: number; offset?: number}) => ({
    line: point.line + at.line - 1,
    column: point.line === 1 ? point.column + at.column - 1 : point.column,
    offset: point.offset,
  })
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.position)
      node.position = {start: shift(node.position.start), end: shift(node.position.end)}
    if ('children' in node) for (const child of node.children) stack.push(child)
  }
}
