import type {PhrasingContent} from 'mdast'

import type {Span} from '../blocks/text-block.ts'
import type {State} from '../state.ts'
import {report} from '../state.ts'
import {inlineHandlers} from './handlers.ts'
import {parseTag} from '../html/tags.ts'
import {drawingEnd, hiddenElementEnd, rawContentEnd, rawContentNodes} from './html.ts'
import type {Inline} from './inline.ts'
import type {InlinePlace} from './inline.ts'
import {appendText, placeIn} from './inline.ts'

export {createInline, flush} from './inline.ts'
export type {Inline} from './inline.ts'

/** Converts phrasing nodes into `inline`, dispatching on node type. */
export function convertInline(nodes: PhrasingContent[], state: State, inline: Inline): void {
  // Where the previous node's output begins: a span attribute list after it may make it a label.
  let previousPlace: InlinePlace | undefined
  // Where each element open among `nodes` began: an attribute list after `</span>` is its element's.
  const opened: Array<{name: string; place: InlinePlace}> = []
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]!
    // A tag read once for both questions (inlineHtml reads it as it converts it).
    const tag =
      node.type === 'html' && !node.value.startsWith('<!--') ? parseTag(node.value) : undefined
    const hiddenEnd = tag && hiddenElementEnd(nodes, index, tag, state)
    if (hiddenEnd !== undefined) {
      index = hiddenEnd
      // `A <span hidden>x</span> b` reads `A b`: the browser shows one space where two meet,
      // and none where the hidden element starts the paragraph.
      const last = inline.children.at(-1)
      if (!last || (last._type === 'span' && /\s$/.test((last as Span).text)))
        inline.afterBreak = true
      previousPlace = undefined
      continue
    }
    const drawn = tag && drawingEnd(nodes, index, tag, state, inline)
    if (drawn !== undefined) {
      index = drawn
      previousPlace = undefined
      continue
    }
    let place = placeIn(inline)
    const raw = tag && rawContentEnd(nodes, index, tag)
    const from = node.position?.end
    const last = raw && nodes[raw.end]!.position
    if (raw && from?.offset !== undefined && last?.start.offset !== undefined) {
      // kramdown reads what such an element holds as text (`List<String> and **b**`): the
      // source between its tags, tags inside it still read as HTML.
      const to = raw.closed ? last.start.offset : last.end.offset!
      convertNode(node, nodes[index - 1], state, inline)
      convertInline(rawContentNodes(from, to, state), state, inline)
      if (raw.closed) convertNode(nodes[raw.end]!, undefined, state, inline)
      index = raw.end
      previousPlace = place
      continue
    }
    if (tag?.closing) {
      const at = opened.findLastIndex((open) => open.name === tag.name)
      if (at !== -1) place = opened.splice(at)[0]!.place
    } else if (tag && !tag.selfClosing) opened.push({name: tag.name, place})
    inline.previousPlace = previousPlace
    convertNode(node, nodes[index - 1], state, inline)
    previousPlace = place
  }
}

/** Converts one phrasing node (after `previous`, its sibling) by its type's handler. */
function convertNode(
  node: PhrasingContent,
  previous: PhrasingContent | undefined,
  state: State,
  inline: Inline,
): void {
  const handler = inlineHandlers[node.type] as
    ((n: PhrasingContent, s: State, i: Inline) => void) | undefined
  if (handler) {
    inline.previousSibling = previous?.type
    handler(node, state, inline)
    return
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
