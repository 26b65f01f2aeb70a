import type {Blockquote} from 'mdast'

import {STYLE} from '../names.ts'
import type {State} from '../state.ts'
import {convertBlocks} from './index.ts'
import {isTextBlock} from './text-block.ts'
import type {Walk} from './walk.ts'

/**
 * A blockquote's text blocks take style `blockquote` (nested quotes flatten into one level);
 * a callout attribute list on it turns the whole quote into a `callout` instead.
 */
export function blockquote(node: Blockquote, state: State, walk: Walk): void {
  const start = walk.out.length
  convertBlocks(node.children, state, walk.out, walk.list)
  if (state.rich) return
  for (let i = start; i < walk.out.length; i++) {
    const item = walk.out[i]
    if (isTextBlock(item)) item.style = STYLE.blockquote
  }
}
