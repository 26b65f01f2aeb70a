import {STYLE} from '../names.ts'
import type {State} from '../state.ts'
import {isTextOnly} from '../state.ts'
import {isTextBlock} from './text-block.ts'
import type {Item, TextBlock} from './text-block.ts'

/** What quoting did to a text block: its style before, and how many quotes it sits in. */
export interface Quoted {
  style: TextBlock['style']
  depth: number
}

/** Gives the text blocks of `items.slice(start)` style `blockquote`, remembering their own. */
export function quoteBlocks(items: Item[], start: number, state: State): void {
  if (isTextOnly(state)) return
  for (let i = start; i < items.length; i++) {
    const item = items[i]
    if (!isTextBlock(item)) continue
    const quoted = state.quoted.get(item)
    if (quoted) quoted.depth++
    else state.quoted.set(item, {style: item.style, depth: 1})
    item.style = STYLE.blockquote
  }
}

/**
 * Undoes one level of `quoteBlocks` on `items`: a quote that became a callout is the callout,
 * so its paragraphs and headings take back their own style (a quote inside it stays a quote).
 */
export function unquoteBlocks(items: Item[], state: State): void {
  for (const item of items) {
    const quoted = isTextBlock(item) ? state.quoted.get(item) : undefined
    if (!quoted || !isTextBlock(item)) continue
    quoted.depth--
    if (quoted.depth === 0) {
      item.style = quoted.style
      state.quoted.delete(item)
    }
  }
}
