import type {Code} from 'mdast'

import {BLOCK_TYPES} from '../names.ts'
import type {State} from '../state.ts'
import {report} from '../state.ts'
import type {Walk} from './walk.ts'

/** A fenced or indented code block becomes a `codeBlock`; a fence never closed is reported. */
export function code(node: Code, state: State, walk: Walk): void {
  const unclosed = isUnclosed(node, state.source)
  walk.out.push({
    _type: BLOCK_TYPES.code,
    ...(node.lang ? {language: node.lang} : {}),
    code:
      keptIndentation(node, state.source, walk.list?.contentColumn ?? 0, unclosed) ?? node.value,
  })
  if (unclosed) {
    report(
      state,
      'warning',
      'unclosed-fence',
      node,
      'The code fence is never closed, so the rest of the page became code.',
      'Close the fence with a line of ``` after the code.',
    )
  }
}

/**
 * The code of a fence indented inside its container (`    ```` under `4. Step`, whose text
 * starts at column 3) as kramdown reads it: CommonMark removes the fence's indentation from each
 * line, kramdown keeps the lines as written, ` Bus 001` with its space. Undefined when the fence
 * is not indented so, or its lines are not plain spaces-and-text (quotes, tabs): then CommonMark's
 * reading stands.
 */
function keptIndentation(
  node: Code,
  source: string,
  container: number,
  unclosed: boolean,
): string | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return undefined
  const lineStart = source.lastIndexOf('\n', start - 1) + 1
  const indent = start - lineStart - container
  if (indent < 1 || !/^ *$/.test(source.slice(lineStart, start))) return undefined
  if (!/^(`{3,}|~{3,})/.test(source.slice(start, start + 3))) return undefined
  const firstLine = source.indexOf('\n', start) + 1
  if (firstLine === 0 || firstLine > end) return undefined
  const lines = source.slice(firstLine, end).split('\n')
  if (!unclosed) lines.pop()
  const kept: string[] = []
  for (const line of lines) {
    const spaces = /^ */.exec(line)![0].length
    if (line.slice(0, Math.max(spaces, container) + 1).includes('\t')) return undefined
    kept.push(line.slice(Math.min(spaces, container)))
  }
  const text = kept.join('\n')
  // Only the indentation may differ from CommonMark's reading.
  const stripped = kept
    .map((line) => line.slice(Math.min(/^ */.exec(line)![0].length, indent)))
    .join('\n')
  return stripped === node.value && text !== node.value ? text : undefined
}

function isUnclosed(node: Code, source: string): boolean {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return false
  const fence = /^[ \t>]*(`{3,}|~{3,})/.exec(source.slice(start, start + 200))?.[1]
  if (!fence) return false
  const lastLineStart = source.lastIndexOf('\n', end - 1) + 1
  if (lastLineStart <= start) return true
  const lastLine = source
    .slice(lastLineStart, end)
    .replace(/^[ \t>]*/, '')
    .trimEnd()
  return !(lastLine.startsWith(fence) && /^(`+|~+)$/.test(lastLine) && lastLine[0] === fence[0])
}
