import type {RootContent, ThematicBreak} from 'mdast'

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
  thematicBreak: (node: ThematicBreak, state, walk) => {
    const divider: Item = {_type: BLOCK_TYPES.divider, style: 'line'}
    if (walk.list && ruleInItem(node, state, walk.list)) divider.level = walk.list.level
    walk.out.push(divider)
  },
  // Link reference definitions are read when a reference uses them; they render nothing.
  definition: (_node, _state, walk) => {
    walk.transparent = true
  },
}

/**
 * Whether kramdown keeps a rule inside the list item CommonMark put it in: when it is the item's
 * first line (`1.  ***`) or indented four columns past the list's own, where kramdown's check
 * for a rule that ends the list (`HR_START`, up to three spaces) does not match.
 */
function ruleInItem(node: ThematicBreak, state: State, item: ListContext): boolean {
  const offset = node.position?.start.offset
  if (offset === undefined) return false
  const lineStart = state.source.lastIndexOf('\n', offset - 1) + 1
  const before = state.source.slice(lineStart, offset)
  if (/\S/.test(before)) return true
  return before.length - (item.outer?.contentColumn ?? 0) >= 4
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
