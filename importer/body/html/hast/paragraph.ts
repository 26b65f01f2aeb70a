import {emitSegments} from '../../blocks/segments.ts'
import type {Span} from '../../blocks/text-block.ts'
import {flush} from '../../inline/index.ts'
import type {Inline} from '../../inline/index.ts'
import {INLINE_TYPES} from '../../names.ts'
import type {HastScope} from './scope.ts'

/**
 * Ends a text run as blocks of `style`, whitespace at each block's edges removed as a browser
 * does: after the images sharing a line with text joined it (`Select the <img …> icon`), so the
 * spaces around them stay.
 */
export function emitParagraph(inline: Inline, style: string, scope: HastScope) {
  flush(inline)
  const blocks = emitSegments(inline, style, scope.walk)
  if (scope.pre) return blocks
  for (const block of blocks) {
    const spans = block.children
    // A task item's checkbox comes before its text.
    const first = (spans[0]?._type === INLINE_TYPES.taskCheck ? spans[1] : spans[0]) as
      Span | undefined
    const last = spans[spans.length - 1] as Span | undefined
    if (first?._type === 'span') first.text = first.text.replace(/^[ \t]+/, '')
    if (last?._type === 'span') last.text = last.text.replace(/[ \t\n]+$/, '')
    block.children = spans.filter((child) => child._type !== 'span' || (child as Span).text !== '')
  }
  return blocks
}
