import {canonicalHash} from '../importer/canonical.ts'
import type {Item} from './body/state.ts'

/** Stands for the blocks an `{% include %}` made; written as the tag (see `body/index.ts`). */
export const INCLUDE_TAG = 'exporter.includeTag'

interface IncludeUse {
  tag?: unknown
  firstKey?: unknown
  lastKey?: unknown
  contentHash?: unknown
  afterKey?: unknown
  inList?: unknown
}

/**
 * The body with each run of blocks an `{% include %}` made (`source.includes`) replaced by the
 * tag, while the run is still there, in order, and as the include made it; a run an editor
 * changed is written out block by block. An include that made no block is written after the
 * block it followed while that block is there (first when it followed none): in that block's
 * list item when it was in one (`inList`), else outside any list.
 */
export function withIncludeTags(body: readonly Item[], uses: unknown): Item[] {
  if (!Array.isArray(uses) || uses.length === 0) return [...body]
  const out = [...body]
  // First the includes that made nothing: each goes after its block, which may be the last
  // of a run replaced below (and after those placed there before it, in the page's order).
  const placed = new Map<unknown, number>()
  for (const use of uses as IncludeUse[]) {
    if (typeof use.tag !== 'string' || use.firstKey !== undefined) continue
    const after = use.afterKey === undefined ? -1 : out.findIndex((i) => i._key === use.afterKey)
    if (after === -1 && use.afterKey !== undefined) continue
    const at = after + 1 + (placed.get(use.afterKey) ?? 0)
    placed.set(use.afterKey, (placed.get(use.afterKey) ?? 0) + 1)
    // In the list item its block is in (that block's level: the item's own, or its blocks').
    const anchor = out[after]
    const level =
      use.inList === true && anchor
        ? {level: typeof anchor.level === 'number' ? anchor.level : 1}
        : {}
    out.splice(at, 0, {_type: INCLUDE_TAG, tag: use.tag, ...level})
  }
  for (const use of uses as IncludeUse[]) {
    if (typeof use.tag !== 'string' || use.firstKey === undefined) continue
    const first = out.findIndex((item) => item._key === use.firstKey)
    const last = out.findIndex((item) => item._key === use.lastKey)
    if (first === -1 || last < first) continue
    if (canonicalHash(out.slice(first, last + 1)) !== use.contentHash) continue
    out.splice(first, last - first + 1, {_type: INCLUDE_TAG, tag: use.tag})
  }
  return out
}
