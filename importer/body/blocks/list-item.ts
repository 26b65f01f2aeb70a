import {
  beginsOwnList,
  LIST_MEMBER_TYPES,
  listElementOf,
  type ListMarks,
} from '../../../schemas/constants.ts'
import {BLOCK_TYPES, INLINE_TYPES, STYLE} from '../names.ts'
import type {Item, TextBlock} from './text-block.ts'
import {isTextBlock, textBlock} from './text-block.ts'
import type {ListContext} from './walk.ts'

const MEMBERS: ReadonlySet<string> = new Set(LIST_MEMBER_TYPES)

/**
 * Makes `out.slice(start)`, the blocks one list item produced, read as one item: the first is
 * a text block with the item's `listItem` (an empty one is added when the item starts with
 * something else or is empty, so the item keeps its number), and every later block of the
 * item carries its `level` without `listItem`, which renderers read as "still in this item".
 * Blocks of nested items already carry a deeper level and are left alone.
 */
export function settleItem(out: Item[], start: number, item: ListContext): void {
  const {type, level} = item
  const own = (block: Item | undefined): block is TextBlock =>
    isTextBlock(block) && block.listItem === type && block.level === level
  if (!own(out[start])) out.splice(start, 0, emptyHead(item))
  for (let i = start + 1; i < out.length; i++) {
    const block = out[i]
    if (block._type === BLOCK_TYPES.divider && block.level === undefined) {
      // kramdown ends the list at this rule: what the item holds after it is outside the list.
      return outsideList(out, i + 1, level)
    }
    if (own(block)) delete block.listItem
    else if (block.level === undefined && (isTextBlock(block) || MEMBERS.has(block._type))) {
      block.level = level
    }
  }
}

function outsideList(out: Item[], from: number, level: number): void {
  for (let i = from; i < out.length; i++) {
    const block = out[i]
    if (block.level !== level) continue
    delete block.level
    if (isTextBlock(block)) delete block.listItem
  }
}

/** Marks a numbered list's first item as counting from `start` (HTML `<ol start>`, `{: start }`). */
export function startAt(head: Item | undefined, start: number): void {
  if (isTextBlock(head) && Number.isInteger(start) && start !== 1) head.start = start
}

/**
 * Marks the list whose first item is `out[index]` as a list of its own (`start`, 1 unless it is
 * set) when the blocks before it end with an item of the same list element at its level (a
 * bullet or task item before bullets or tasks, a number before numbers): Portable Text
 * items of one kind and level read as one list, where kramdown ended the list before at what
 * stood between them (a comment, an attribute list) or began an HTML list. A numbered list then
 * counts from 1 again; a bullet list shows as a list of its own.
 */
export function separateFromListBefore(out: readonly Item[], index: number, level: number): void {
  const head = out[index]
  if (!isTextBlock(head)) return
  for (let i = index - 1; i >= 0; i--) {
    const block = out[i] as ListMarks & {listItem?: unknown; level?: unknown}
    if (typeof block.level !== 'number' || block.level < level) return
    if (block.level === level && typeof block.listItem === 'string') {
      if (listElementOf(block.listItem) !== listElementOf(head.listItem)) return
      // A bullet list shows no number: its `start` only differs from the item's before, so the
      // third of three such lists in a row does not read as an item split from the second.
      head.start ??=
        listElementOf(head.listItem) === 'ul' && (block as {start?: unknown}).start === 1 ? 2 : 1
      // Numbered lists in a row that count from the same number (Google Docs' export writes
      // `1.` `<!-- -->` `1.` `<!-- -->` `1.`): `start` alone would read as one item split in two.
      if (!beginsOwnList(head, block)) head.listId = block.listId === 'a' ? 'b' : 'a'
      return
    }
  }
}

/**
 * Makes blocks that move out of a list item into a block of their own (a callout, a quote) leave
 * the item: their levels count from that block, so the item's own paragraphs become plain ones.
 */
export function detachFromList(items: Item[], list: ListContext | undefined): Item[] {
  if (!list) return items
  for (const item of items) {
    if (typeof item.level !== 'number') continue
    const level = item.level - list.level
    if (level >= 1) item.level = level
    else {
      delete item.level
      delete item.listItem
    }
  }
  return items
}

function emptyHead(item: ListContext): TextBlock {
  const block = textBlock(STYLE.normal, [{_type: 'span', text: '', marks: []}], [])
  block.listItem = item.type
  block.level = item.level
  if (item.checked !== undefined) {
    block.children.unshift({_type: INLINE_TYPES.taskCheck, checked: item.checked})
    item.checked = undefined
  }
  return block
}
