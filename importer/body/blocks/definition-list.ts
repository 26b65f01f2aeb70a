import type {Paragraph, PhrasingContent} from 'mdast'

import {convertInline, createInline, flush} from '../inline/index.ts'
import {MARK, STYLE} from '../names.ts'
import type {State} from '../state.ts'
import {report} from '../state.ts'
import {emitSegments} from './segments.ts'
import type {Walk} from './walk.ts'

/** True when a paragraph is a kramdown definition list: term lines, then `: definition` lines. */
export function isDefinitionList(children: PhrasingContent[]): boolean {
  for (const child of children) {
    if (child.type === 'text' && child.value.includes('\n: ')) return true
  }
  return false
}

/**
 * Portable Text has no definition list: each term becomes a bold paragraph and each definition
 * a paragraph after it (the ": " markers go), with an info diagnostic.
 */
export function definitionList(
  children: PhrasingContent[],
  node: Paragraph,
  state: State,
  walk: Walk,
): void {
  report(
    state,
    'info',
    'definition-list',
    node,
    'Converted a definition list into bold terms followed by their definitions.',
  )
  for (const line of splitLines(children)) {
    const first = line[0]
    const isDefinition = first?.type === 'text' && first.value.startsWith(': ')
    const content = isDefinition
      ? [{...first, value: first.value.slice(2)}, ...line.slice(1)]
      : line
    const inline = createInline()
    if (isDefinition) convertInline(content, state, inline)
    else {
      inline.marks.push(MARK.strong)
      convertInline(content, state, inline)
    }
    flush(inline)
    emitSegments(inline, STYLE.normal, walk)
  }
}

function splitLines(children: PhrasingContent[]): PhrasingContent[][] {
  const lines: PhrasingContent[][] = [[]]
  for (const child of children) {
    if (child.type !== 'text' || !child.value.includes('\n')) {
      lines[lines.length - 1].push(child)
      continue
    }
    const parts = child.value.split('\n')
    parts.forEach((part, i) => {
      if (i > 0) lines.push([])
      if (part !== '') lines[lines.length - 1].push({...child, value: part})
    })
  }
  return lines.filter((line) => line.length > 0)
}
