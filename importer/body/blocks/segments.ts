import type {Inline} from '../inline/index.ts'
import {INLINE_TYPES} from '../names.ts'
import type {Walk} from './walk.ts'
import type {Child, Span, TextBlock} from './text-block.ts'
import {textBlock} from './text-block.ts'

/**
 * Emits the segments of converted inline content: text runs as blocks of `style` (in the
 * current list item, if any), images between them as their own blocks.
 */
export function emitSegments(inline: Inline, style: string, walk: Walk): TextBlock[] {
  const blocks: TextBlock[] = []
  for (const segment of inline.segments) {
    if ('item' in segment) {
      walk.out.push(segment.item)
      continue
    }
    const children = trimRun(segment.children)
    if (children.length === 0) continue
    const block = textBlock(style, children, segment.markDefs)
    placeInList(block, walk)
    walk.out.push(block)
    blocks.push(block)
  }
  if (blocks.length === 0 && walk.list?.checked !== undefined) {
    // An empty task item still shows its checkbox.
    const block = textBlock(style, [{_type: 'span', text: '', marks: []}], [])
    placeInList(block, walk)
    walk.out.push(block)
    blocks.push(block)
  }
  return blocks
}

/** Gives a text block its list type and level, and a task item's first block its checkbox. */
function placeInList(block: TextBlock, walk: Walk): void {
  const list = walk.list
  if (!list) return
  block.listItem = list.type
  block.level = list.level
  if (list.checked !== undefined) {
    block.children.unshift({_type: INLINE_TYPES.taskCheck, checked: list.checked})
    list.checked = undefined
  }
}

// Whitespace-only runs around an image are layout, not content.
function trimRun(children: Child[]): Child[] {
  let hasContent = false
  for (const child of children) {
    if (child._type !== 'span' || (child as Span).text.trim() !== '') {
      hasContent = true
      break
    }
  }
  return hasContent ? children : []
}
