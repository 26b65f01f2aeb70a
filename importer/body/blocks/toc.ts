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

/**
 * kramdown's `toc_levels` option, set by the page's `{::options /}` extension: it applies to
 * every table of contents of the page, wherever the line is (the converter reads the option
 * after parsing). A list of levels is kept as the range from its lowest to its highest.
 */
export function applyTocLevels(body: Item[], source: string): void {
  let levels: {min: number; max: number} | undefined
  for (const match of source.matchAll(TOC_LEVELS)) {
    const value = match[2].trim()
    const range = /^([1-6])\.\.([1-6])$/.exec(value)
    const list = value.split(',').map((level) => Number(level.trim()))
    if (range) levels = {min: Number(range[1]), max: Number(range[2])}
    else if (list.every((level) => Number.isInteger(level) && level >= 1 && level <= 6)) {
      levels = {min: Math.min(...list), max: Math.max(...list)}
    }
  }
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
