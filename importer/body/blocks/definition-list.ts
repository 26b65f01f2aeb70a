import type {Paragraph, PhrasingContent, Text} from 'mdast'

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
 * a paragraph after it (the ": " markers go; its continuation lines stay in it), with an info
 * diagnostic.
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
  for (const line of joinContinuations(splitLines(children))) {
    const isDefinition = isDefinitionLine(line)
    const first = line[0] as Text
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

function isDefinitionLine(line: PhrasingContent[]): boolean {
  const first = line[0]
  return first?.type === 'text' && first.value.startsWith(': ')
}

// After a definition, a line is a new term only when a definition follows it; otherwise it
// continues the definition (kramdown reads it as a lazy continuation line).
function joinContinuations(lines: PhrasingContent[][]): PhrasingContent[][] {
  const joined: PhrasingContent[][] = []
  let inDefinition = false
  lines.forEach((line, i) => {
    const definition = isDefinitionLine(line)
    const next = lines[i + 1]
    if (!definition && inDefinition && !(next && isDefinitionLine(next))) {
      joined[joined.length - 1].push({type: 'text', value: ' '}, ...line)
      return
    }
    inDefinition = definition
    joined.push([...line])
  })
  return joined
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
