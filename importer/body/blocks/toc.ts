import type {Nodes} from 'mdast'

import {BLOCK_TYPES} from '../names.ts'
import type {State} from '../state.ts'
import {report} from '../state.ts'
import type {Item} from './text-block.ts'

/**
 * The `tableOfContents` block that replaces a list carrying `{:toc}`, as kramdown replaces it.
 * Its `exclude` is the page's list of `{: .no_toc }` headings, shared so that headings marked
 * later on the page are left out too.
 */
export function tableOfContents(ordered: boolean, state: State, node: Nodes): Item {
  report(
    state,
    'info',
    'ial-toc',
    node,
    'Replaced the {:toc} placeholder list with a table of contents generated from the headings.',
  )
  return {_type: BLOCK_TYPES.tableOfContents, ordered, exclude: state.noTocHeadings}
}

// `{::options toc_levels="2..4" /}` (a range) or `toc_levels="2,3"` (a list), on a line of its own.
const TOC_LEVELS = /^[ \t]*\{::options\b[^}\n]*?\btoc_levels=(["'])([^"'\n]*)\1[^}\n]*\/\}[ \t]*$/gm

/** Heading levels from `min` to `max`, as a table of contents lists them. */
interface Levels {
  min: number
  max: number
}

/**
 * kramdown's `toc_levels` as written: a range (`2..3`), a list (`2,3`, or a YAML list), or one
 * level; a list is kept as the range from its lowest to its highest. Undefined when it is none
 * of those.
 */
function levelsOf(value: unknown): Levels | undefined {
  const list = Array.isArray(value)
    ? value.map(Number)
    : typeof value === 'number'
      ? [value]
      : typeof value === 'string'
        ? value.split(',').map((level) => Number(level.trim()))
        : []
  const range = typeof value === 'string' ? /^\s*([1-6])\.\.([1-6])\s*$/.exec(value) : null
  if (range) return {min: Number(range[1]), max: Number(range[2])}
  if (list.length && list.every((level) => Number.isInteger(level) && level >= 1 && level <= 6))
    return {min: Math.min(...list), max: Math.max(...list)}
  return undefined
}

/**
 * kramdown's `toc_levels` option for every table of contents of the page: the site's (its
 * `kramdown:` settings in `_config.yml`, which Jekyll passes to kramdown), unless the page's
 * `{::options /}` extension sets it, wherever the line is (the converter reads the option
 * after parsing).
 */
export function applyTocLevels(body: Item[], source: string, site: Record<string, unknown>): void {
  const kramdown = site.kramdown as {toc_levels?: unknown} | undefined
  let levels = levelsOf(kramdown?.toc_levels)
  for (const match of source.matchAll(TOC_LEVELS)) levels = levelsOf(match[2]) ?? levels
  if (!levels || (levels.min === 1 && levels.max === 6)) return
  const visit = (items: readonly Item[]) => {
    for (const item of items) {
      if (item._type === BLOCK_TYPES.tableOfContents) {
        item.minLevel = levels!.min
        item.maxLevel = levels!.max
      }
      const inner = (item as {body?: unknown}).body
      if (Array.isArray(inner)) visit(inner as Item[])
    }
  }
  visit(body)
}
