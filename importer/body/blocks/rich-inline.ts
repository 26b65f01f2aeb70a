import type {PhrasingContent, RootContent} from 'mdast'

import {toRichText} from '../rich-text.ts'
import type {State} from '../state.ts'
import {convertBlocks} from './index.ts'
import type {TextBlock} from './text-block.ts'

/** Converts phrasing content (a table cell) to `richText` blocks. */
export function richInline(children: PhrasingContent[], state: State): TextBlock[] {
  if (children.length === 0) return []
  return richBlocks([{type: 'paragraph', children}], state)
}

/** Converts block content (callout, footnote or details body) to `richText` blocks. */
export function richBlocks(nodes: RootContent[], state: State): TextBlock[] {
  const was = state.rich
  state.rich = true
  try {
    return toRichText(convertBlocks(nodes, state), state, nodes[0])
  } finally {
    state.rich = was
  }
}
