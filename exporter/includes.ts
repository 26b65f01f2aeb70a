import {canonicalHash} from '../importer/canonical.ts'
import type {Item} from './body/state.ts'

/** Stands for the blocks an `{% include %}` made; written as the tag (see `body/index.ts`). */
export const INCLUDE_TAG = 'exporter.includeTag'

interface IncludeUse {
  tag?: unknown
  firstKey?: unknown
  lastKey?: unknown
  contentHash?: unknown
}

/**
 * The body with each run of blocks an `{% include %}` made (`source.includes`) replaced by the
 * tag, while the run is still there, in order, and as the include made it; a run an editor
 * changed is written out block by block.
 */
export function withIncludeTags(body: readonly Item[], uses: unknown): Item[] {
  if (!Array.isArray(uses) || uses.length === 0) return [...body]
  const out = [...body]
  for (const use of uses as IncludeUse[]) {
    if (typeof use.tag !== 'string') continue
    const first = out.findIndex((item) => item._key === use.firstKey)
    const last = out.findIndex((item) => item._key === use.lastKey)
    if (first === -1 || last < first) continue
    if (canonicalHash(out.slice(first, last + 1)) !== use.contentHash) continue
    out.splice(first, last - first + 1, {_type: INCLUDE_TAG, tag: use.tag})
  }
  return out
}
