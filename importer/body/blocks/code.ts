import type {Code} from 'mdast'

import {BLOCK_TYPES} from '../names.ts'
import type {State} from '../state.ts'
import {report} from '../state.ts'
import type {Walk} from './walk.ts'

/** A fenced or indented code block becomes a `codeBlock`; a fence never closed is reported. */
export function code(node: Code, state: State, walk: Walk): void {
  walk.out.push({
    _type: BLOCK_TYPES.code,
    ...(node.lang ? {language: node.lang} : {}),
    code: node.value,
  })
  if (isUnclosed(node, state.source)) {
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
