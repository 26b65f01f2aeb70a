import type {FootnoteDefinition, Paragraph, PhrasingContent} from 'mdast'

import {BLOCK_TYPES} from '../names.ts'
import type {State} from '../state.ts'
import {convertBlocks} from './index.ts'
import {richBlocks} from './rich-inline.ts'
import type {Walk} from './walk.ts'

/**
 * A footnote definition becomes a `footnote` block where it is written, matched by `label`.
 * kramdown keeps in the footnote only the lines indented by four spaces after its first line;
 * a less indented line that CommonMark reads as a lazy continuation starts a paragraph of the
 * page right after it.
 */
export function footnoteDefinition(node: FootnoteDefinition, state: State, walk: Walk): void {
  const [first, ...rest] = node.children
  const split = first?.type === 'paragraph' ? splitAtUnindentedLine(first, state) : undefined
  walk.out.push({
    _type: BLOCK_TYPES.footnote,
    label: node.label ?? node.identifier,
    body: richBlocks(split ? [split.inside, ...rest] : node.children, state),
  })
  if (split) convertBlocks([split.outside], state, walk.out, walk.list)
}

/**
 * The paragraph cut before its first line (after the first) indented less than four spaces;
 * left whole when an inline element (emphasis, a link) runs across that line.
 */
function splitAtUnindentedLine(
  paragraph: Paragraph,
  state: State,
): {inside: Paragraph; outside: Paragraph} | undefined {
  const start = paragraph.position?.start
  const end = paragraph.position?.end
  if (start?.offset === undefined || end?.offset === undefined) return
  const lines = state.source.slice(start.offset, end.offset).split('\n')
  const cut = lines.findIndex((line, index) => index > 0 && !/^(?: {4}|\t)/.test(line))
  if (cut === -1) return
  const line = start.line + cut
  const inside: PhrasingContent[] = []
  const outside: PhrasingContent[] = []
  for (const child of paragraph.children) {
    const from = child.position?.start.line ?? start.line
    const to = child.position?.end.line ?? from
    if (to < line) inside.push(child)
    else if (from >= line) outside.push(child)
    else if (child.type === 'text') {
      // A text run over the cut: the lines before it stay, the rest leaves.
      const parts = child.value.split('\n')
      const keep = line - from
      inside.push({...child, value: parts.slice(0, keep).join('\n').trimEnd()})
      outside.push({...child, value: parts.slice(keep).join('\n').trimStart()})
    } else return
  }
  if (outside.length === 0 || inside.length === 0) return
  const at = (children: PhrasingContent[]) => ({
    start: children[0].position?.start ?? start,
    end: children[children.length - 1].position?.end ?? end,
  })
  return {
    inside: {type: 'paragraph', children: inside, position: at(inside)},
    outside: {
      type: 'paragraph',
      children: outside,
      position: {...at(outside), start: {line, column: 1}},
    },
  }
}
