import type {RootContent} from 'mdast'

import {applyIal} from '../ial.ts'
import type {State} from '../state.ts'
import {blockquote} from './blockquote.ts'
import {code} from './code.ts'
import {footnoteDefinition} from './footnote.ts'
import {heading} from './heading.ts'
import {html} from './html.ts'
import {list} from './list.ts'
import {paragraph} from './paragraph.ts'
import {table} from './table.ts'
import type {Item} from './text-block.ts'
import {BLOCK_TYPES} from '../names.ts'
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

/** Converts sibling block nodes to Portable Text items, appended to `out`. */
export function convertBlocks(
  nodes: RootContent[],
  state: State,
  out: Item[] = [],
  list?: ListContext,
  topLevel = false,
): Item[] {
  return walkBlocks(blockHandlers, applyPending, nodes, state, out, list, topLevel)
}

function applyPending(walk: Walk, start: number, state: State): void {
  const pending = walk.pendingIal
  if (pending) applyIal(pending.classes, walk.out, start, pending.node, state)
}
