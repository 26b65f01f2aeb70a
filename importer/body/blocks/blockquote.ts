import type {Blockquote, Nodes} from 'mdast'

import {QUOTE_MEMBER_TYPES} from '../../../schemas/constants.ts'
import {applyIal} from '../ial.ts'
import {BLOCK_TYPES, STYLE} from '../names.ts'
import {toQuoteBody} from '../rich-text.ts'
import type {State} from '../state.ts'
import {isTextOnly} from '../state.ts'
import {convertBlocks} from './index.ts'
import {detachFromList} from './list-item.ts'
import {quoteBlocks} from './quote-style.ts'
import {isTextBlock} from './text-block.ts'
import type {Item} from './text-block.ts'
import type {ListContext, Walk} from './walk.ts'

/**
 * A quote of one paragraph is that paragraph in style `blockquote`. A longer one (paragraphs,
 * lists, headings, code, formulas) is a `quote` holding them, one frame around all of it as
 * kramdown renders it; a quote inside it, or in a callout, takes the style again. A callout
 * attribute list on a quote turns it into a `callout` instead (`ial.ts`).
 */
export function blockquote(node: Blockquote, state: State, walk: Walk): void {
  const start = walk.out.length
  state.quotes++
  try {
    convertBlocks(node.children, state, walk.out, walk.list)
  } finally {
    state.quotes--
  }
  const lazy = state.lazyQuoteIal
  state.lazyQuoteIal = undefined
  closeQuote(walk.out, start, state, walk.list, node)
  // `> text` over `{: .note }`: kramdown ends the quote at the attribute list, which styles it.
  if (lazy) applyIal(lazy.classes, walk.out, start, lazy.node, state, walk.list)
}

/**
 * Makes the blocks a quote produced (`out.slice(start)`) a quote: one `quote` holding them when
 * they need a frame, else each text block in style `blockquote`. `list` is the list item the
 * quote sits in; `node` is where diagnostics point.
 */
export function closeQuote(
  out: Item[],
  start: number,
  state: State,
  list: ListContext | undefined,
  node: Nodes | undefined,
): void {
  if (isTextOnly(state) || !needsFrame(out, start, list)) {
    quoteBlocks(out, start, state)
    return
  }
  const items = detachFromList(out.splice(start), list)
  out.push({_type: BLOCK_TYPES.quote, body: toQuoteBody(items, state, node)})
}

const FRAMED: ReadonlySet<string> = new Set([...QUOTE_MEMBER_TYPES, BLOCK_TYPES.quote])

/**
 * Whether the blocks a quote produced (`items.slice(start)`) need a frame of their own: more
 * than one paragraph, or a block that is no plain paragraph. Blocks a frame cannot hold (raw
 * HTML, a footnote) keep every block styled one by one instead, so nothing becomes mere text.
 */
function needsFrame(items: Item[], start: number, list: ListContext | undefined): boolean {
  if (items.length === start) return false
  const first = items[start]
  const paragraph =
    isTextBlock(first) &&
    first.style === STYLE.normal &&
    (first.listItem === undefined || first.level === list?.level)
  if (items.length === start + 1 && paragraph) return false
  return items.slice(start).every((item) => isTextBlock(item) || FRAMED.has(item._type))
}
