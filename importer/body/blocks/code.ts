import type {Code} from 'mdast'

import {escapeUnclosedFences} from '../fences.ts'
import {convertMarkdownAt} from '../html/markdown.ts'
import {BLOCK_TYPES} from '../names.ts'
import type {State} from '../state.ts'
import {report} from '../state.ts'
import {columnAfter, expandLeadingTabs} from '../tabs.ts'
import type {Walk} from './walk.ts'

/**
 * A fenced or indented code block becomes a `codeBlock`; a fence never closed is no code block,
 * as kramdown reads it (see {@link fenceAsText}).
 */
export function code(node: Code, state: State, walk: Walk): void {
  const fence = unclosedFence(node, state.source)
  if (fence !== undefined && node.position) return fenceAsText(node, fence, state, walk)
  walk.out.push({
    _type: BLOCK_TYPES.code,
    ...(node.lang ? {language: node.lang} : {}),
    code:
      keptIndentation(node, state.source, walk.list?.contentColumn ?? 0) ??
      withoutBlankEnd(node, state.source),
  })
}

/**
 * A fence never closed, as kramdown reads it: its code block needs a closing line, so there is
 * none: the ``` line is text (kramdown shows it as written, in a paragraph), and the lines
 * CommonMark took for code are the blocks they are (a textbook's `* … :` over ```` ```java ````
 * and a class with no closing fence: the headings and paragraphs after it stay headings and
 * paragraphs). Reported, with the fix.
 */
function fenceAsText(node: Code, fence: string, state: State, walk: Walk): void {
  const info = [node.lang, node.meta].filter(Boolean).join(' ')
  // Every fence left open in these lines at once, this one first: read again, none of them is
  // a code block to read again in turn (a page of many unclosed fences is one more parse).
  const {text, unclosed} = escapeUnclosedFences(`${fence}${info}\n${node.value}`)
  const {line, column, offset = 0} = node.position!.start
  for (const open of unclosed) {
    // The lines are the fence's own, its indentation taken off.
    const point = {line: line + open.at, column: column + open.column}
    const at = open.at === 0 ? node : {position: {start: point, end: point}}
    report(
      state,
      'warning',
      'unclosed-fence',
      at,
      `The code fence is never closed: kramdown shows its ${open.fence} line as text and the lines after it as the page's own, and so does the import.`,
      `Close the fence with a line of ${open.fence} after the code.`,
    )
  }
  convertMarkdownAt(text, {line, column, offset}, state, walk.out, walk.list)
}

/**
 * The code of a fence inside a container (`    ```` under `4. Step`, whose text starts at column
 * 3) as kramdown reads it, when that differs from CommonMark's reading only in indentation:
 * CommonMark removes the fence's indentation from each line, kramdown keeps the lines as written
 * (` Bus 001` with its space); and kramdown keeps a line of nothing but spaces whole, where
 * CommonMark takes the container's indentation off it too. Tabs in the indentation count as the
 * spaces they advance to. Undefined when the fence's lines are not plain blanks-and-text
 * (quotes): then CommonMark's reading stands.
 */
function keptIndentation(node: Code, source: string, container: number): string | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return undefined
  const lineStart = source.lastIndexOf('\n', start - 1) + 1
  // The fence's line up to its fence: blanks only (micromark starts the node at a tab the
  // item's indentation took part of), tabs counted as the columns they advance to.
  const lead = /^[ \t]*/.exec(source.slice(lineStart, Math.max(start, lineStart) + 200))![0]
  if (lineStart + lead.length < start) return undefined
  const indent = columnAfter(lead, 0) - container
  if (indent < 0) return undefined
  const fenceAt = lineStart + lead.length
  if (!/^(`{3,}|~{3,})/.test(source.slice(fenceAt, fenceAt + 3))) return undefined
  const firstLine = source.indexOf('\n', start) + 1
  if (firstLine === 0 || firstLine > end) return undefined
  // Tabs in a line's indentation are the spaces they advance to, for kramdown and CommonMark.
  const lines = source.slice(firstLine, end).split('\n').map(expandLeadingTabs)
  // The closing fence's line.
  lines.pop()
  const kept: string[] = []
  // What CommonMark reads of each line, to check that only the indentation differs.
  const read: string[] = []
  for (const line of lines) {
    const spaces = /^ */.exec(line)![0].length
    if (spaces === line.length) {
      kept.push(line)
      read.push(' '.repeat(Math.max(0, spaces - container - indent)))
      continue
    }
    const inContainer = line.slice(Math.min(spaces, container))
    kept.push(inContainer)
    read.push(inContainer.slice(Math.min(/^ */.exec(inContainer)![0].length, indent)))
  }
  const text = kept.join('\n')
  return read.join('\n') === node.value && text !== node.value ? text : undefined
}

/**
 * The code of an indented block without the lines of nothing but blanks at its end, which are
 * no part of it for kramdown (nor for CommonMark's spec): micromark keeps the last one when it is
 * indented more than the code (a page ending in eight spaces under a four-space block).
 */
function withoutBlankEnd(node: Code, source: string): string {
  if (!/\n[ \t]*$/.test(node.value)) return node.value
  const start = node.position?.start.offset ?? 0
  if (/^[ \t>]*(`{3,}|~{3,})/.test(source.slice(start, start + 200))) return node.value
  return node.value.replace(/(?:\n[ \t]*)+$/, '')
}

function unclosedFence(node: Code, source: string): string | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return undefined
  const fence = /^[ \t>]*(`{3,}|~{3,})/.exec(source.slice(start, start + 200))?.[1]
  if (!fence) return undefined
  const lastLineStart = source.lastIndexOf('\n', end - 1) + 1
  if (lastLineStart <= start) return fence
  const lastLine = source
    .slice(lastLineStart, end)
    .replace(/^[ \t>]*/, '')
    .trimEnd()
  const closed =
    lastLine.startsWith(fence) && /^(`+|~+)$/.test(lastLine) && lastLine[0] === fence[0]
  return closed ? undefined : fence
}
