import {
  BLOCK_TYPES,
  beginsOwnList,
  inListRegion,
  listElementOf,
  type ListMarks,
} from '../../schemas/constants.ts'
import type {BodyState, Item} from './state.ts'
import {indent, joinLines, paragraphs, textEdgeSpace} from './text.ts'

interface OpenItem {
  listItem: string
  /** Where this item's content starts: blocks inside it are indented this far. */
  indent: string
  number: number
  /** The item's own `start` and `listId`: an item after it with others begins a new list. */
  marks: ListMarks
}

/** True for an item of a list region: a list item, or a block that belongs to one (`level`). */
export const inList: (item: Item) => boolean = inListRegion

/**
 * Whether a block ends with a quote's line (a quote, a callout): an item right below it would be
 * the quote's for kramdown (a lazy line), so a blank line goes between.
 */
function endsInQuote(written: string): boolean {
  return /(?:^|\n)[ \t]*>[^\n]*$/.test(written)
}

function marker(listItem: string, number: number, checked: boolean): string {
  if (listItem === 'number') return `${number}. `
  if (listItem === 'task') return `- [${checked ? 'x' : ' '}] `
  return '- '
}

function isChecked(item: Item): boolean {
  const first = (item.children as Array<{_type?: string; checked?: unknown}> | undefined)?.[0]
  return first?._type === 'taskCheck' && first.checked === true
}

/**
 * Writes a run of list items and the blocks inside them. Each item's marker is indented to its
 * parent's content; a block with `level` n is indented to the content of the open item at
 * level n, after a blank line. Numbers count from 1 (kramdown ignores the written ones); a
 * `start` other than 1 is kramdown's attribute list after the list.
 */
export function writeList(
  items: readonly Item[],
  state: BodyState,
  single: (item: Item) => string,
): string {
  const open: OpenItem[] = []
  let out = ''
  let starts: string[] = []
  let needsBlank = false
  /** The level of the item just written when its first line is empty. */
  let emptyHead: number | undefined
  /** The block written last, its level, and whether it is an image inside a paragraph. */
  let last: {item: Item; level: number; inline: boolean} | undefined
  const closeTopList = () => {
    if (starts.length > 0) out += `\n${starts.join('')}`
    starts = []
  }
  for (const item of items) {
    const level = Math.max(1, typeof item.level === 'number' ? item.level : 1)
    if (item._type === 'block' && typeof item.listItem === 'string') {
      const listItem = item.listItem
      const previous = open[level - 1]
      const marks: ListMarks = {start: item.start, listId: item.listId}
      // Task items and bullets are one list for kramdown (one `<ul>`), as for the renderer.
      const continues =
        previous !== undefined &&
        listElementOf(previous.listItem) === listElementOf(listItem) &&
        !beginsOwnList(marks, previous.marks)
      const parentIndent = level > 1 ? (open[level - 2]?.indent ?? '') : ''
      if (previous && !continues) {
        if (level === 1) closeTopList()
        // A list of another kind (or one of its own, counting anew) after a list, in an item
        // too: a comment keeps kramdown from joining them.
        out += `\n\n${parentIndent}<!-- -->`
        needsBlank = true
      }
      const start = typeof item.start === 'number' ? item.start : 1
      // kramdown ignores the numbers written: they count from 1, `start` is an attribute list.
      const number = continues ? previous.number + 1 : 1
      if (!continues && start !== 1 && level === 1 && listItem === 'number') {
        starts.push(`{: start="${start}"}`)
      }
      const mark = marker(listItem, number, isChecked(item))
      // A heading or a quote as an item (`1. ### Step`, `- > quoted`) is written as its block.
      const styled = typeof item.style === 'string' && item.style !== 'normal'
      const content = styled ? [single(item)] : paragraphs(item, state)
      const itemIndent = parentIndent + ' '.repeat(listItem === 'task' ? 2 : mark.length)
      const text = mark + indent(content.join('\n\n'), itemIndent, true)
      // The first item of a list inside an item whose first line is empty goes on that item's
      // marker line (`5. - first`), as a block does (below).
      if (emptyHead === level - 1 && out !== '') out += text
      else out += `${out === '' ? '' : needsBlank ? '\n\n' : '\n'}${parentIndent}${text}`
      // An item that starts with a block (a step that is a code block or a rule): the block
      // goes on the marker's line. Written below it, after the blank line an empty first line
      // is, kramdown would want it indented four columns, and CommonMark would end the item.
      // A task's checkbox is text on the marker's line already, so its block stays below it.
      emptyHead = listItem !== 'task' && content.join('').trim() === '' ? level : undefined
      open.length = level - 1
      open.push({listItem, indent: itemIndent, number, marks})
      needsBlank = content.length > 1
      last = {item, level, inline: false}
    } else {
      const owner = open[level - 1] ?? open[open.length - 1]
      const written = single(item)
      if (written === '') continue
      if (emptyHead === level && owner) {
        // `- ---` is a rule, not an item, for CommonMark and, opening a list, for kramdown.
        const head =
          item._type === 'divider' && owner.listItem !== 'number'
            ? '***'
            : item._type === BLOCK_TYPES.callout
              ? attributesBelow(written)
              : written
        out += indent(head, owner.indent, true)
        emptyHead = undefined
        needsBlank = endsInQuote(written)
        continue
      }
      // An image the importer split out of the item's paragraph (the text beside it ends or
      // starts with the space a line break became) goes back inside it, on a line of its own:
      // after a blank line, kramdown would make the item's paragraphs loose ones.
      const image = item._type === BLOCK_TYPES.image
      const inline =
        owner !== undefined &&
        last?.level === level &&
        (image ? textEdgeSpace(last.item, 'end') : last.inline && textEdgeSpace(item, 'start'))
      last = {item, level, inline: inline && image}
      if (inline) {
        out = joinLines(out, written, owner.indent)
        emptyHead = undefined
        needsBlank = false
        continue
      }
      let into = owner?.indent ?? ''
      if (item._type === 'divider') {
        // kramdown ends a list at a rule indented up to three columns past the list's own:
        // one inside an item is indented four.
        const base = level > 1 ? (open[level - 2]?.indent ?? '') : ''
        into = ' '.repeat(Math.max(into.length, base.length + 4))
      }
      out += `${out === '' ? '' : '\n\n'}${indent(written, into)}`
      open.length = Math.min(open.length, level)
      needsBlank = endsInQuote(written)
      emptyHead = undefined
    }
  }
  closeTopList()
  return out
}

/**
 * A callout opening an item, its attribute list written under its quote (`1. > text` over
 * `   {: .note }`): above it, on the marker's line, kramdown reads the line as the item's text.
 */
function attributesBelow(callout: string): string {
  const newline = callout.indexOf('\n')
  if (newline === -1 || !callout.startsWith('{:')) return callout
  return `${callout.slice(newline + 1)}\n${callout.slice(0, newline)}`
}
