import type {PhrasingContent} from 'mdast'

import type {State} from '../state.ts'
import {report} from '../state.ts'
import {inlineHandlers} from './handlers.ts'
import type {Inline} from './inline.ts'
import {appendText} from './inline.ts'

export {createInline, flush} from './inline.ts'
export type {Inline} from './inline.ts'

/** Converts phrasing nodes into `inline`, dispatching on node type. */
export function convertInline(nodes: PhrasingContent[], state: State, inline: Inline): void {
  for (const [index, node] of nodes.entries()) {
    const handler = inlineHandlers[node.type] as
      ((n: PhrasingContent, s: State, i: Inline) => void) | undefined
    if (handler) {
      inline.previousSibling = nodes[index - 1]?.type
      handler(node, state, inline)
      continue
    }
    report(
      state,
      'warning',
      'unknown-inline',
      node,
      `Kept the text of an unsupported "${node.type}" node.`,
      'Report this construct so the importer can learn it.',
    )
    if ('value' in node && typeof node.value === 'string') appendText(inline, node.value)
    else if ('children' in node) convertInline(node.children as PhrasingContent[], state, inline)
  }
}
