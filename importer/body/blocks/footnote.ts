import type {FootnoteDefinition, Paragraph, PhrasingContent} from 'mdast'

import {BLOCK_TYPES, INLINE_TYPES} from '../names.ts'
import type {State} from '../state.ts'
import {report} from '../state.ts'
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
  const footnote = {
    _type: BLOCK_TYPES.footnote,
    label: node.label ?? node.identifier,
    body: richBlocks(split ? [split.inside, ...rest] : node.children, state),
  }
  walk.out.push(footnote)
  state.footnotes.set(footnote, node)
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

/** A footnote's label as references match it: case and runs of spaces do not count. */
const labelKey = (label: unknown) =>
  typeof label === 'string' ? label.toLowerCase().replace(/\s+/g, ' ') : ''

/**
 * Takes out the footnotes nothing in the body refers to, as kramdown writes only referenced
 * footnotes (readers never see the others), and reports each where it is defined.
 */
export function dropUnreferencedFootnotes(body: unknown[], state: State): void {
  const referenced = new Set<string>()
  let footnotes = 0
  const scan = (value: unknown): void => {
    if (Array.isArray(value)) for (const entry of value) scan(entry)
    else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>
      if (record._type === INLINE_TYPES.footnoteReference) referenced.add(labelKey(record.label))
      if (record._type === BLOCK_TYPES.footnote) footnotes++
      for (const key in record) if (typeof record[key] === 'object') scan(record[key])
    }
  }
  scan(body)
  if (footnotes === 0) return
  const drop = (blocks: unknown[]): void => {
    let kept = 0
    for (const block of blocks) {
      if (block !== null && typeof block === 'object') {
        const record = block as Record<string, unknown>
        if (record._type === BLOCK_TYPES.footnote && !referenced.has(labelKey(record.label))) {
          const label = String(record.label)
          report(
            state,
            'warning',
            'footnote-unreferenced',
            state.footnotes.get(record),
            `Dropped the footnote [^${label}]: nothing on the page refers to it, so kramdown does not show it.`,
            `Refer to it with [^${label}] where it belongs, or remove its definition.`,
          )
          continue
        }
        for (const key in record) if (Array.isArray(record[key])) drop(record[key])
      }
      blocks[kept++] = block
    }
    blocks.length = kept
  }
  drop(body)
}
