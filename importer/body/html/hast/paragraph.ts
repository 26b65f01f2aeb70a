import {emitSegments} from '../../blocks/segments.ts'
import type {Span} from '../../blocks/text-block.ts'
import {flush} from '../../inline/index.ts'
import type {Inline} from '../../inline/index.ts'
import type {HastScope} from './scope.ts'

/** Ends a text run as blocks of `style`, whitespace at its edges removed as a browser does. */
export function emitParagraph(inline: Inline, style: string, scope: HastScope) {
  flush(inline)
  for (const segment of inline.segments) {
    if ('item' in segment) continue
    const spans = segment.children
    const first = spans[0] as Span | undefined
    const last = spans[spans.length - 1] as Span | undefined
    if (first?._type === 'span' && !scope.pre) first.text = first.text.replace(/^[ \t]+/, '')
    if (last?._type === 'span' && !scope.pre) last.text = last.text.replace(/[ \t\n]+$/, '')
    segment.children = spans.filter(
      (child) => child._type !== 'span' || (child as Span).text !== '',
    )
  }
  return emitSegments(inline, style, scope.walk)
}
