import {canonicalHash} from '../canonical.ts'
import type {State} from './state.ts'
import type {IncludedRun} from './types.ts'

/**
 * The runs of top-level blocks each `{% include %}` written on lines of its own made, so an
 * export can write the tag again while the blocks are as the include made them (`contentHash`).
 * An include whose text merged into a block around it, or made no block, is not listed.
 */
export function includedRuns(body: readonly object[], state: State): IncludedRun[] {
  const runs: IncludedRun[] = []
  const spanOf = (index: number) => (index >= 0 ? state.blockSpans.get(body[index]) : undefined)
  for (const use of state.includeUses) {
    const inside = (span: [number, number] | undefined) =>
      span !== undefined && span[0] >= use.startLine && span[1] <= use.endLine
    const first = body.findIndex((_, index) => inside(spanOf(index)))
    if (first === -1) continue
    let last = first
    while (last + 1 < body.length && inside(spanOf(last + 1))) last++
    const touches = (span: [number, number] | undefined) =>
      span !== undefined && span[1] >= use.startLine && span[0] <= use.endLine
    // Blocks of the include elsewhere, or a block around it that took some of its text.
    if (touches(spanOf(first - 1)) || touches(spanOf(last + 1))) continue
    if (body.slice(last + 1).some((_, offset) => inside(spanOf(last + 1 + offset)))) continue
    const keyOf = (index: number) => (body[index] as {_key?: unknown})._key
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
