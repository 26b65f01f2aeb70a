import type {PhrasingContent, RootContent} from 'mdast'

import {toRichText, toSectionBody} from '../rich-text.ts'
import type {State} from '../state.ts'
import {convertWithin} from '../state.ts'
import {convertBlocks} from './index.ts'
import type {Item, TextBlock} from './text-block.ts'

/** Converts phrasing content (a table cell, a definition) to `richText` blocks. */
export function richInline(children: PhrasingContent[], state: State): TextBlock[] {
  if (children.length === 0) return []
  return richBlocks([{type: 'paragraph', children}], state)
}

/** Converts block content (a footnote) to `richText` blocks. */
export function richBlocks(nodes: RootContent[], state: State): TextBlock[] {
  return convertWithin(state, 'text', () =>
    toRichText(convertBlocks(nodes, state), state, nodes[0]),
  )
}

/** Converts block content (a collapsible section) to a `sectionBody`. */
export function sectionBlocks(nodes: RootContent[], state: State): Item[] {
  return convertWithin(state, 'section', () =>
    toSectionBody(convertBlocks(nodes, state), state, nodes[0]),
  )
}
