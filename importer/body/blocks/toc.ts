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
