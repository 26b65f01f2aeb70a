import {beginsOwnList, listElementOf} from '../schemas/constants.ts'
import type {TypedObject} from './types.ts'

/** A Portable Text block as list grouping reads it. */
export type Block = TypedObject & {
  listItem?: string
  level?: number
  start?: number
  listId?: string
}

/** One list: its items, its kind (`bullet`, `number`, `task`), level and first number. */
export interface ListNode {
  kind: 'list'
  listItem: string
  level: number
  start: number
  items: ItemNode[]
}

/** One list item: its first text block, then its further blocks and nested lists in order. */
export interface ItemNode {
  head: Block
  content: Array<Block | ListNode>
}

/** A body split into blocks outside lists and whole lists. */
export type Grouped = Array<Block | ListNode>

/** True for a text block that starts a list item. */
export function isListItem(block: Block): boolean {
  return block._type === 'block' && typeof block.listItem === 'string'
}

/** True for a block that belongs to the list item above it (`level` without `listItem`). */
export function isListMember(block: Block): boolean {
  return !isListItem(block) && typeof block.level === 'number'
}

/**
 * Groups flat Portable Text into lists as kramdown nests them: a text block with `listItem`
 * starts an item at its `level`; a later block with only a `level` belongs to the nearest item
 * at that level; any other block ends the lists. An item whose `start` or `listId` differs from
 * the item before it begins a new list, a numbered one counting from its `start` (an item split
 * in an editor keeps its predecessor's fields, so it does not: see `beginsOwnList`).
 */
export function groupLists(blocks: readonly Block[]): Grouped {
  const out: Grouped = []
  let stack: ListNode[] = []
  for (const block of blocks) {
    if (isListItem(block)) {
      stack = placeItem(block, stack, out)
    } else if (isListMember(block) && stack.length > 0) {
      const level = block.level ?? 1
      while (stack.length > 1 && stack[stack.length - 1].level > level) stack.pop()
      lastItem(stack[stack.length - 1]).content.push(block)
    } else {
      stack = []
      out.push(block)
    }
  }
  return out
}

function placeItem(block: Block, stack: ListNode[], out: Grouped): ListNode[] {
  const level = block.level ?? 1
  while (stack.length > 0 && stack[stack.length - 1].level > level) stack.pop()
  const top = stack[stack.length - 1]
  if (top && top.level === level) {
    if (continues(top, block)) {
      top.items.push({head: block, content: []})
      return stack
    }
    stack.pop()
  }
  const list: ListNode = {
    kind: 'list',
    listItem: block.listItem as string,
    level,
    start: startOf(block) ?? 1,
    items: [{head: block, content: []}],
  }
  const parent = stack[stack.length - 1]
  if (parent) lastItem(parent).content.push(list)
  else out.push(list)
  return [...stack, list]
}

function continues(list: ListNode, block: Block): boolean {
  if (listElementOf(list.listItem) !== listElementOf(block.listItem)) return false
  return !beginsOwnList(block, lastItem(list).head)
}

function startOf(block: Block): number | undefined {
  return Number.isInteger(block.start) ? block.start : undefined
}

function lastItem(list: ListNode): ItemNode {
  return list.items[list.items.length - 1]
}

/** True for the group entries that are lists. */
export function isListNode(entry: Block | ListNode): entry is ListNode {
  return (entry as ListNode).kind === 'list'
}
