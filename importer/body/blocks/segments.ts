import {inlineImage} from '../inline/image.ts'
import {usedMarkDefs} from '../inline/inline.ts'
import type {Inline} from '../inline/index.ts'
import {BLOCK_TYPES, INLINE_TYPES} from '../names.ts'
import type {Walk} from './walk.ts'
import type {Child, MarkDef, Span, TextBlock} from './text-block.ts'
import {textBlock} from './text-block.ts'

/**
 * Emits the segments of converted inline content: text runs as blocks of `style` (in the
 * current list item, if any), images between them as their own blocks.
 */
export function emitSegments(inline: Inline, style: string, walk: Walk): TextBlock[] {
  const blocks: TextBlock[] = []
  for (const segment of imagesInLines(inline)) {
    if ('item' in segment) {
      walk.out.push(segment.item)
      continue
    }
    const run = trimRun(segment)
    if (!run) continue
    const block = textBlock(style, run.children, run.markDefs)
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

type Segment = Inline['segments'][number]

/**
 * The segments with each image that shares its source line with text (`Select the ellipsis icon
 * (<img …>) from the panel`) put in that line as an `inlineImage`, joining the runs around it,
 * as kramdown shows every image in its line. An image on a line of its own, text or not on the
 * lines around it, stays a block between the runs.
 */
function imagesInLines(inline: Inline): Segment[] {
  const lines = inline.textLines
  if (!lines || !inline.segments.some((segment) => 'line' in segment)) return inline.segments
  const out: Segment[] = []
  // The run an image joined, which the run after it joins too.
  let joined: {children: Child[]; markDefs: MarkDef[]} | undefined
  for (const segment of inline.segments) {
    if ('item' in segment) {
      const {item, line} = segment
      if (line === undefined || !lines.has(line) || item._type !== BLOCK_TYPES.image) {
        out.push(segment)
        joined = undefined
        continue
      }
      const before = out.at(-1)
      if (before && 'children' in before) joined = before
      else out.push((joined = {children: [], markDefs: []}))
      // An image in a line has no caption: its title is not kept.
      joined.children.push(inlineImage(item))
      continue
    }
    if (!joined) {
      out.push(segment)
      continue
    }
    joined.children.push(...segment.children)
    for (const def of segment.markDefs)
      if (!joined.markDefs.some((other) => other._key === def._key)) joined.markDefs.push(def)
    joined = undefined
  }
  return out
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
function trimRun(run: {children: Child[]; markDefs: MarkDef[]}): typeof run | undefined {
  const {children, markDefs} = run
  if (children.every((child) => child._type === 'span' && (child as Span).text.trim() === ''))
    return undefined
  // The white space a link holds around an image taken out of the run (`<a …>` over `<img …>`
  // after a paragraph's text) is not a link of its own: it goes, with the link.
  const annotations = new Set(markDefs.map((def) => def._key))
  const emptyLink = (child: Child | undefined) =>
    child?._type === 'span' &&
    (child as Span).text.trim() === '' &&
    (child as Span).marks.some((mark) => annotations.has(mark))
  let start = 0
  let end = children.length
  while (start < end && emptyLink(children[start])) start++
  while (end > start && emptyLink(children[end - 1])) end--
  if (start === 0 && end === children.length) return run
  const kept = children.slice(start, end)
  return {children: kept, markDefs: usedMarkDefs(kept, markDefs)}
}
