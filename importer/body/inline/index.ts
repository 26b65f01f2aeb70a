import type {PhrasingContent} from 'mdast'

import type {Span} from '../blocks/text-block.ts'
import type {State} from '../state.ts'
import {report} from '../state.ts'
import {inlineHandlers} from './handlers.ts'
import {hiddenElementEnd} from './html.ts'
import type {Inline} from './inline.ts'
import {appendText} from './inline.ts'

export {createInline, flush} from './inline.ts'
export type {Inline} from './inline.ts'

/** Converts phrasing nodes into `inline`, dispatching on node type. */
export function convertInline(nodes: PhrasingContent[], state: State, inline: Inline): void {
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]!
    const hiddenEnd = node.type === 'html' ? hiddenElementEnd(nodes, index, state) : undefined
    if (hiddenEnd !== undefined) {
      index = hiddenEnd
      // `A <span hidden>x</span> b` reads `A b`: the browser shows one space where two meet,
      // and none where the hidden element starts the paragraph.
      const last = inline.children.at(-1)
      if (!last || (last._type === 'span' && /\s$/.test((last as Span).text)))
        inline.afterBreak = true
      continue
    }
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
