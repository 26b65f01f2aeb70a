import {BLOCK_TYPES} from '../../schemas/constants.ts'
import {INCLUDE_TAG} from '../includes.ts'
import {BLOCK_HANDLERS} from './blocks.ts'
import {inList, writeList} from './lists.ts'
import type {BodyState, Item} from './state.ts'
import {joinLines, textEdgeSpace} from './text.ts'

export type {BodyState, Item} from './state.ts'

function writeOne(item: Item, state: BodyState): string {
  if (item._type === INCLUDE_TAG) return String(item.tag)
  const handler = BLOCK_HANDLERS[item._type]
  if (handler) return handler(item, state)
  state.report({
    severity: 'warning',
    code: 'unknown-block',
    message: `Cannot write a block of type "${item._type}", expected one of the body's block types; it is left out.`,
    hint: 'Replace the block with one the body allows.',
  })
  return ''
}

function edgeSpace(item: Item | undefined, edge: 'start' | 'end'): boolean {
  if (item?.listItem || typeof item?.level === 'number') return false
  return textEdgeSpace(item, edge)
}

/**
 * How many blocks from `index` are one paragraph the importer split around an image on a line
 * of its own: text ending with a space, the image, text starting with a space (either text may
 * be absent).
 */
function inlineImageRun(items: readonly Item[], index: number): number {
  const isImage = (item: Item | undefined) =>
    item?._type === BLOCK_TYPES.image && typeof item.level !== 'number'
  if (isImage(items[index])) return edgeSpace(items[index + 1], 'start') ? 2 : 1
  if (!edgeSpace(items[index], 'end') || !isImage(items[index + 1])) return 1
  return edgeSpace(items[index + 2], 'start') ? 3 : 2
}

/**
 * Writes body blocks as kramdown, separated by blank lines: runs of list items as one list, an
 * image the importer split out of a paragraph (text ending or starting with a space around
 * it) back inside that paragraph, on a line of its own, every other block by its handler.
 */
export function writeBlocks(items: readonly Item[], state: BodyState): string {
  const parts: string[] = []
  let index = 0
  while (index < items.length) {
    const item = items[index]
    if (inList(item)) {
      let end = index
      while (end < items.length && inList(items[end])) end++
      parts.push(writeList(items.slice(index, end), state, (one) => writeOne(one, state)))
      index = end
      continue
    }
    const run = inlineImageRun(items, index)
    if (run > 1) {
      parts.push(
        items
          .slice(index, index + run)
          .map((one) => writeOne(one, state))
          .reduce((before, after) => joinLines(before, after)),
      )
      index += run
      continue
    }
    const written = writeOne(item, state)
    if (written !== '') parts.push(written)
    index++
  }
  return parts.join('\n\n')
}
