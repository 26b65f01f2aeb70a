import type {List} from 'mdast'

import {LIST} from '../names.ts'
import type {State} from '../state.ts'
import {convertBlocks} from './index.ts'
import type {Item, TextBlock} from './text-block.ts'
import {isTextBlock} from './text-block.ts'
import type {Walk} from './walk.ts'

/**
 * Lists flatten to text blocks with `listItem` and `level` (nesting depth, from 1). A task
 * item's first block starts with a `taskCheck`. An item's further paragraphs join its block
 * after a blank line (`\n\n`), so they do not show as items of their own; other blocks in an
 * item (code, tables, images) follow as their own blocks.
 */
export function list(node: List, state: State, walk: Walk): void {
  const level = (walk.list?.level ?? 0) + 1
  for (const item of node.children) {
    const task = typeof item.checked === 'boolean'
    const type = task ? LIST.task : node.ordered ? LIST.number : LIST.bullet
    const context = {type, level, checked: task ? (item.checked as boolean) : undefined}
    const start = walk.out.length
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
    joinParagraphs(walk.out, start, type, level)
  }
}

// Adjacent blocks of one item at its own level are its paragraphs: nested lists sit deeper,
// and code, images and tables are not text blocks.
function joinParagraphs(out: Item[], start: number, type: string, level: number): void {
  const own = (item: Item | undefined): item is TextBlock =>
    isTextBlock(item) && item.listItem === type && item.level === level
  for (let i = out.length - 1; i > start; i--) {
    const previous = out[i - 1]
    const block = out[i]
    if (!own(previous) || !own(block) || previous.style !== block.style) continue
    previous.children.push({_type: 'span', text: '\n\n', marks: []}, ...block.children)
    for (const def of block.markDefs)
      if (!previous.markDefs.some((other) => other._key === def._key)) previous.markDefs.push(def)
    out.splice(i, 1)
  }
}
