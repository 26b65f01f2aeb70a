import {BLOCK_TYPES} from '../../schemas/constants.ts'
import {INCLUDE_TAG} from '../includes.ts'
import {BLOCK_HANDLERS} from './blocks.ts'
import {inList, writeList} from './lists.ts'
import type {BodyState, Item} from './state.ts'

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
  if (item?._type !== 'block' || item.listItem || typeof item.level === 'number') return false
  if (item.style !== undefined && item.style !== 'normal') return false
  const children = (item.children as Array<{text?: unknown}> | undefined) ?? []
  const child = edge === 'start' ? children[0] : children[children.length - 1]
  const text = typeof child?.text === 'string' ? child.text : ''
  return edge === 'start' ? /^\s/.test(text) : /\s$/.test(text)
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
 * Two parts of one paragraph on lines of their own: the space a line break became at either edge
 * taken off, and no line break added after a hard one (`<br>` before an image).
 */
function joinLines(before: string, after: string): string {
  const next = after.replace(/^ /, '')
  return before.endsWith('\n') ? before + next : `${before.replace(/(?<! ) $/, '')}\n${next}`
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
          .reduce(joinLines),
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
