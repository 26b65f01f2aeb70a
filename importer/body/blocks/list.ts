import type {List} from 'mdast'

import {LIST} from '../names.ts'
import type {State} from '../state.ts'
import {convertBlocks} from './index.ts'
import type {Walk} from './walk.ts'

/**
 * Lists flatten to text blocks with `listItem` and `level` (nesting depth, from 1). A task
 * item's first block starts with a `taskCheck`. Other blocks in an item (code, tables) follow
 * as their own blocks.
 */
export function list(node: List, state: State, walk: Walk): void {
  const level = (walk.list?.level ?? 0) + 1
  for (const item of node.children) {
    const task = typeof item.checked === 'boolean'
    const type = task ? LIST.task : node.ordered ? LIST.number : LIST.bullet
    const context = {type, level, checked: task ? (item.checked as boolean) : undefined}
    convertBlocks(item.children, state, walk.out, context)
    if (context.checked !== undefined) {
      // An empty task item (`- [ ]`) still shows its checkbox.
      convertBlocks(
        [{type: 'paragraph', children: [], position: item.position}],
        state,
        walk.out,
        context,
      )
    }
  }
}
