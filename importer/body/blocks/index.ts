import type {RootContent} from 'mdast'

import {applyIal} from '../ial.ts'
import type {State} from '../state.ts'
import {report} from '../state.ts'
import {blockquote} from './blockquote.ts'
import {code} from './code.ts'
import {footnoteDefinition} from './footnote.ts'
import {heading} from './heading.ts'
import {html} from './html.ts'
import {list} from './list.ts'
import {paragraph} from './paragraph.ts'
import {table} from './table.ts'
import type {Item} from './text-block.ts'
import {BLOCK_TYPES, STYLE} from '../names.ts'
import {textBlock} from './text-block.ts'
import type {BlockHandler, ListContext, Walk} from './walk.ts'
import {walkBlocks} from './walk.ts'

/** One handler per mdast block node type. */
export const blockHandlers: Record<string, BlockHandler> = {
  heading,
  paragraph,
  list,
  blockquote,
  code,
  table,
  html,
  footnoteDefinition,
  thematicBreak: (_node, _state, walk) => {
    walk.out.push({_type: BLOCK_TYPES.divider, style: 'line'})
  },
  // Link reference definitions are read when a reference uses them; they render nothing.
  definition: (_node, _state, walk) => {
    walk.transparent = true
  },
}

// Quotes and lists nested deeper than any reader follows; past this, content is kept as text
// so that hostile nesting (`>>>>…` thousands deep) cannot exhaust the stack.
const MAX_DEPTH = 64

/** Converts sibling block nodes to Portable Text items, appended to `out`. */
export function convertBlocks(
  nodes: RootContent[],
  state: State,
  out: Item[] = [],
  list?: ListContext,
  topLevel = false,
): Item[] {
  if (state.depth >= MAX_DEPTH) return flattened(nodes, state, out)
  state.depth++
  try {
    return walkBlocks(blockHandlers, applyPending, nodes, state, out, list, topLevel)
  } finally {
    state.depth--
  }
}

function flattened(nodes: RootContent[], state: State, out: Item[]): Item[] {
  report(
    state,
    'warning',
    'too-deep',
    nodes[0],
    `Kept content nested more than ${MAX_DEPTH} levels deep as plain text.`,
    'Reduce the nesting of quotes and lists.',
  )
  const text = nodes.map(plainText).join(' ').trim()
  if (text !== '') out.push(textBlock(STYLE.normal, [{_type: 'span', text, marks: []}], []))
  return out
}

function plainText(node: RootContent): string {
  const parts: string[] = []
  const stack: unknown[] = [node]
  // Iterative, since the point is to survive nesting the recursive handlers cannot.
  while (stack.length > 0) {
    const current = stack.pop() as {value?: unknown; children?: unknown[]}
    if (typeof current.value === 'string') parts.push(current.value)
    if (current.children)
      for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i])
  }
  return parts.join(' ')
}

function applyPending(walk: Walk, start: number, state: State): void {
  const pending = walk.pendingIal
  if (pending) applyIal(pending.classes, walk.out, start, pending.node, state, walk.list)
}
