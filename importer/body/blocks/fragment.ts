import type {Html, Nodes} from 'mdast'
import type {Position} from 'unist'

import {parseMarkdown} from '../parse.ts'
import type {State} from '../state.ts'
import {convertBlocks} from './index.ts'
import type {Walk} from './walk.ts'

type Shift = {line: number; column: number; offset: number}

/**
 * Converts the markdown CommonMark swallowed into an HTML block after its closing tag
 * (`</div>` then the lines up to the next blank line). Kramdown, which Jekyll uses, renders
 * those lines as markdown, so this tail alone is parsed (only when there is one) and converted
 * in place, with positions pointing into the page.
 */
export function convertTail(node: Html, cut: number, state: State, walk: Walk): void {
  const tail = node.value.slice(cut)
  if (tail.trim() === '') return
  const root = parseMarkdown(tail)
  const start = node.position?.start
  if (start) {
    const before = node.value.slice(0, cut)
    const newline = before.lastIndexOf('\n')
    shiftPositions(root, {
      line: start.line - 1 + (before.split('\n').length - 1),
      column: newline === -1 ? start.column - 1 + cut : cut - newline - 1,
      offset: (start.offset ?? 0) + cut,
    })
  }
  convertBlocks(root.children, state, walk.out, walk.list)
}

function shiftPositions(root: Nodes, by: Shift): void {
  const stack: Nodes[] = [root]
  while (stack.length > 0) {
    const node = stack.pop() as Nodes
    if (node.position) node.position = shift(node.position, by)
    if ('children' in node) for (const child of node.children) stack.push(child)
  }
}

function shift(position: Position, by: Shift): Position {
  const point = (p: Position['start']) => ({
    line: p.line + by.line,
    column: p.line === 1 ? p.column + by.column : p.column,
    offset: (p.offset ?? 0) + by.offset,
  })
  return {start: point(position.start), end: point(position.end)}
}
