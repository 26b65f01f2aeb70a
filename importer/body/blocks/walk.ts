import type {Nodes, RootContent} from 'mdast'

import type {State} from '../state.ts'
import {report} from '../state.ts'
import type {Item} from './text-block.ts'

/** The list item a block sits in: text blocks take its list type and level. */
export interface ListContext {
  type: string
  level: number
  /** Set for a task item until its first block has received the checkbox. */
  checked?: boolean
  /** Source column (0-based) where the item's content starts; a line indented less is not in it. */
  contentColumn?: number
  /** The item this item's list sits in. */
  outer?: ListContext
  /** The list this item belongs to, shared by its items. */
  list?: ListState
}

/** What a list learns while its items are converted. */
export interface ListState {
  /** A `{:toc}` attribute list attached to the list itself: the list is a TOC placeholder. */
  toc?: Nodes
  /** A `{: start="N"}` attached to the list: it counts from N. */
  start?: number
}

/** A pass over sibling nodes; handlers may consume following siblings by advancing `index`. */
export interface Walk {
  nodes: RootContent[]
  index: number
  out: Item[]
  list?: ListContext
  /** Where the previous node's items start in `out`, for attribute lists that follow a block. */
  lastStart?: number
  /** An attribute list (`{: .note }`) waiting for the next block. */
  pendingIal?: {classes: string[]; node: Nodes}
  /** Set by a handler that produced nothing the previous-block rules should point at. */
  transparent?: boolean
  /** True for the page's top level, where structured extraction may fire. */
  topLevel: boolean
}

/** Handles one block node, appending to `walk.out`. */
export type BlockHandler = (node: never, state: State, walk: Walk) => void

/** Converts sibling block nodes with the given handlers, in order. */
export function walkBlocks(
  handlers: Record<string, BlockHandler>,
  applyPending: (walk: Walk, start: number, state: State) => void,
  nodes: RootContent[],
  state: State,
  out: Item[],
  list: ListContext | undefined,
  topLevel: boolean,
): Item[] {
  const walk: Walk = {nodes, index: 0, out, list, topLevel}
  for (; walk.index < nodes.length; walk.index++) {
    const node = nodes[walk.index]
    const start = out.length
    const pending = walk.pendingIal
    walk.transparent = false
    if (!(topLevel && state.extractors.some((extract) => extract(walk, state)))) {
      const handler = handlers[node.type] as
        ((n: RootContent, s: State, w: Walk) => void) | undefined
      if (handler) handler(node, state, walk)
      else unknownBlock(node, state)
    }
    if (pending && walk.pendingIal === pending) {
      walk.pendingIal = undefined
      applyPending({...walk, pendingIal: pending}, start, state)
    }
    if (!walk.transparent) walk.lastStart = start
    // The innermost node's lines are a block's own: nested walks end before the outer one.
    // Those in lists only place includes (includes.ts): kept when the page has some.
    const spans = topLevel
      ? state.blockSpans
      : list && state.includeUses.length > 0
        ? state.itemSpans
        : undefined
    if (spans && node.position) {
      const {start: from, end: to} = node.position
      for (let i = start; i < out.length; i++)
        if (!spans.has(out[i])) spans.set(out[i], [from.line, to.line])
    }
  }
  if (walk.pendingIal) {
    report(
      state,
      'info',
      'ial-unattached',
      walk.pendingIal.node,
      'Dropped an attribute list that is not attached to any block.',
    )
  }
  return out
}

function unknownBlock(node: RootContent, state: State): void {
  report(
    state,
    'warning',
    'unknown-block',
    node,
    `Skipped an unsupported "${node.type}" node.`,
    'Report this construct so the importer can learn it.',
  )
}
