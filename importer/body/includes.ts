import {inListRegion} from '../../schemas/constants.ts'
import {canonicalHash} from '../canonical.ts'
import type {State} from './state.ts'
import type {IncludedRun} from './types.ts'

/**
 * The runs of top-level blocks each `{% include %}` written on lines of its own made, so an
 * export can write the tag again while the blocks are as the include made them (`contentHash`),
 * and where each include that made no block was (after which block), so an export writes it
 * there, in a list item when it was in one. An include whose text merged into a block around it
 * is not listed.
 */
export function includedRuns(body: readonly object[], state: State): IncludedRun[] {
  const runs: IncludedRun[] = []
  const spanOf = (index: number) => (index >= 0 ? state.blockSpans.get(body[index]) : undefined)
  const keyOf = (index: number) => (body[index] as {_key?: unknown})._key
  for (const use of state.includeUses) {
    const inside = (span: [number, number] | undefined) =>
      span !== undefined && span[0] >= use.startLine && span[1] <= use.endLine
    const touches = (span: [number, number] | undefined) =>
      span !== undefined && span[1] >= use.startLine && span[0] <= use.endLine
    const first = body.findIndex((_, index) => inside(spanOf(index)))
    if (first === -1) {
      const touching = body.flatMap((_, index) => (touches(spanOf(index)) ? [index] : []))
      if (touching.length === 0) {
        const before = blockBefore(body.length, spanOf, use.startLine)
        const afterKey = before === -1 ? undefined : keyOf(before)
        if (before === -1) runs.push({tag: use.tag})
        else if (typeof afterKey === 'string') runs.push({tag: use.tag, afterKey})
        continue
      }
      // In a list: placed among its blocks by their own lines, when none holds the include's.
      if (!touching.every((index) => inListRegion(body[index] as {_type?: unknown}))) continue
      const itemSpanOf = (at: number) =>
        at < touching.length ? state.itemSpans.get(body[touching[at]]) : undefined
      if (touching.some((_, at) => touches(itemSpanOf(at)))) continue
      const before = blockBefore(touching.length, itemSpanOf, use.startLine)
      const afterKey = before === -1 ? undefined : keyOf(touching[before])
      if (typeof afterKey === 'string') runs.push({tag: use.tag, afterKey, inList: true})
      continue
    }
    let last = first
    while (last + 1 < body.length && inside(spanOf(last + 1))) last++
    // Blocks of the include elsewhere, or a block around it that took some of its text.
    if (touches(spanOf(first - 1)) || touches(spanOf(last + 1))) continue
    if (body.slice(last + 1).some((_, offset) => inside(spanOf(last + 1 + offset)))) continue
    const firstKey = keyOf(first)
    const lastKey = keyOf(last)
    if (typeof firstKey !== 'string' || typeof lastKey !== 'string') continue
    runs.push({
      tag: use.tag,
      firstKey,
      lastKey,
      contentHash: canonicalHash(body.slice(first, last + 1)),
    })
  }
  return runs
}

/**
 * The block that ends last before `line` (the later one in the body on a tie), or -1: the
 * block an include that made nothing followed. Footnotes, gathered at the body's end, are
 * found by their lines as any other block.
 */
function blockBefore(
  count: number,
  spanOf: (index: number) => [number, number] | undefined,
  line: number,
): number {
  let found = -1
  let end = -Infinity
  for (let index = 0; index < count; index++) {
    const span = spanOf(index)
    if (span !== undefined && span[1] < line && span[1] >= end) {
      found = index
      end = span[1]
    }
  }
  return found
}
