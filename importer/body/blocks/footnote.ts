import type {FootnoteDefinition} from 'mdast'

import {BLOCK_TYPES} from '../names.ts'
import type {State} from '../state.ts'
import {richBlocks} from './rich-inline.ts'
import type {Walk} from './walk.ts'

/** A footnote definition becomes a `footnote` block where it is written, matched by `label`. */
export function footnoteDefinition(node: FootnoteDefinition, state: State, walk: Walk): void {
  walk.out.push({
    _type: BLOCK_TYPES.footnote,
    label: node.label ?? node.identifier,
    body: richBlocks(node.children, state),
  })
}
