import type {Paragraph, PhrasingContent, Text} from 'mdast'

import {droppedButtonParagraph} from '../html/buttons.ts'
import {wholeElementsHtml} from '../html/whole-elements.ts'
import {kramdownTable} from '../html/kramdown-convert.ts'
import type {Point} from '../html/hast/scope.ts'
import {
  endsKramdownTable,
  findKramdownTable,
  SEPARATOR,
  TABLE_LINE,
  type KramdownTable,
} from '../html/kramdown-table.ts'
import {IAL_LINE, applyIal} from '../ial.ts'
import {ialClasses} from '../ial-classes.ts'
import {rawElementsAcrossMarks} from '../inline/html.ts'
import {convertInline, createInline, flush} from '../inline/index.ts'
import {STYLE} from '../names.ts'
import type {State} from '../state.ts'
import {isTextOnly, report} from '../state.ts'
import {
  definitionList,
  hasDefinitionLine,
  isDefinitionList,
  isTermBeforeDefinition,
} from './definition-list.ts'
import {html} from './html.ts'
import {displayMathOf, mathBlock} from './math.ts'
import {emitSegments} from './segments.ts'
import {adjacent, lineAfter} from './source-lines.ts'
import {splitAtAttributeLine} from './attribute-lines.ts'
import type {Walk} from './walk.ts'

/**
 * A paragraph becomes a `normal` block (images split it). A kramdown attribute list on its
 * first or last line applies to it; one on a line of its own applies to the block right
 * before it, as kramdown attaches it, or else to the block right after it (just-the-docs
 * documents `{: .note }` above the paragraph, after a blank line).
 */
export function paragraph(node: Paragraph, state: State, walk: Walk): void {
  if (isTableBorder(node, walk)) {
    // kramdown's table may open with a separator line (`|----+----|`): a border, not text.
    walk.transparent = true
    return
  }
  const table = tableLines(node, state, walk.list !== undefined)
  if (table) return kramdownTable(table.table, state, walk, table.pointAt)
  const parts = splitAtAttributeLine(node, state.source)
  if (parts) {
    for (const part of parts) paragraph(part, state, walk)
    return
  }
  const {leading, trailing, children} = splitIal(node.children, state.source)
  if (leading && children.length === 0) return attributeOnly(leading, node, state, walk)
  let own = leading
  if (leading) {
    const previous = walk.nodes[walk.index - 1]
    if (previous && previous === state.titleNode && adjacent(previous, node)) {
      titleAttributes(leading, state)
      own = undefined
    } else if (
      previous?.type === 'heading' &&
      adjacent(previous, node) &&
      walk.lastStart !== undefined
    ) {
      applyIal(leading, walk.out, walk.lastStart, node, state, walk.list)
      own = undefined
    }
  }
  if (droppedButtonParagraph(children, node, state)) return
  // `<video …></video>` on its own line parses as a paragraph of inline tags: it is block HTML,
  // and so is `<select>` with its options on lines of their own (see whole-elements.ts). A
  // table cell or a definition is inline content: what it cannot hold stays visible text there.
  const blockHtml =
    tagsOnly(children) ?? (isTextOnly(state) ? undefined : wholeElementsHtml(children))
  if (blockHtml !== undefined)
    return html({type: 'html', value: blockHtml, position: node.position}, state, walk)
  // Cells and definitions are inline content (a synthetic paragraph here): their math stays inline.
  const display = isTextOnly(state) ? undefined : displayMathOf(children)
  if (display) return mathBlock(display.value, walk)
  const start = walk.out.length
  if (
    (isDefinitionList(children) && hasDefinitionLine(node, state)) ||
    isTermBeforeDefinition(walk, state)
  )
    definitionList(children, node, state, walk)
  else {
    const inline = createInline()
    convertInline(rawElementsAcrossMarks(children, state), state, inline)
    flush(inline)
    emitSegments(inline, STYLE.normal, walk)
  }
  if (own) applyIal(own, walk.out, start, node, state, walk.list)
  if (!trailing) return
  if (state.quotes > 0 && lazyLastLine(node, state.source))
    state.lazyQuoteIal = {classes: trailing, node}
  else applyIal(trailing, walk.out, start, node, state, walk.list)
}

/** Whether a paragraph's last line (its attribute list) has no quote marker before it. */
function lazyLastLine(node: Paragraph, source: string): boolean {
  const end = node.position?.end.offset
  if (end === undefined) return false
  return /^[ \t]*\{:/.test(source.slice(source.lastIndexOf('\n', end - 1) + 1, end))
}

/** The HTML of a paragraph of tags and whitespace alone (undefined: it has other content). */
function tagsOnly(children: readonly PhrasingContent[]): string | undefined {
  if (
    !children.some((child) => child.type === 'html') ||
    !children.every(
      (child) => child.type === 'html' || (child.type === 'text' && child.value.trim() === ''),
    )
  )
    return undefined
  return children.map((child) => (child.type === 'html' ? child.value : '')).join('')
}

/**
 * An attribute list under the title heading (`# About` over `{: .no_toc }`) is the heading's,
 * which the page's title stands for: its `.no_toc` is recorded for an export to write back (the
 * body's tables of contents never list the title), and nothing of it styles the block below.
 */
function titleAttributes(classes: readonly string[], state: State): void {
  if (classes.includes('no_toc')) state.titleNoToc = true
}

function attributeOnly(classes: string[], node: Paragraph, state: State, walk: Walk): void {
  walk.transparent = true
  if (classes[0]?.startsWith(':')) {
    // A kramdown extension (`{::options toc_levels="2..4" /}`) styles no block.
    const toc = classes.some((token) => token.startsWith('toc_levels='))
    return report(
      state,
      'info',
      'kramdown-extension',
      node,
      toc
        ? 'Read toc_levels from the kramdown options line for the page’s tables of contents.'
        : `Dropped the kramdown extension {${classes.join(' ')}}: it only changes how kramdown renders.`,
    )
  }
  const next = walk.nodes[walk.index + 1]
  const previous = walk.nodes[walk.index - 1]
  if (previous && previous === state.titleNode && adjacent(previous, node))
    return titleAttributes(classes, state)
  // kramdown attaches a line directly after a block to that block, else to the block after it:
  // after a blank line, across blank lines too (they join the blank before, which takes no
  // attributes). First in its container, blank lines after it take it, and it styles nothing.
  if (previous && adjacent(previous, node) && walk.lastStart !== undefined) {
    applyIal(classes, walk.out, walk.lastStart, node, state, walk.list)
  } else if (next && (adjacent(node, next) || previous)) walk.pendingIal = {classes, node}
  else {
    report(
      state,
      'info',
      'ial-unattached',
      node,
      next
        ? 'Dropped an attribute list first in its container and separated from the block after it by a blank line: kramdown attaches it to nothing.'
        : 'Dropped an attribute list with no block after it.',
    )
  }
}

/**
 * A paragraph whose lines are all table rows (`| a | b |` with no separator line, in a list
 * item or a quote where the pre-pass does not look) is a table to kramdown. In a list item or a
 * quote a row need not start with `|`: any line with an unescaped pipe is one (`- Example:
 * $$|x|$$` is a table of three cells there, the formula cut at its pipes, and `> **Line** |
 * *Code*` a row of two, as readers of the site see them).
 */
function tableLines(
  node: Paragraph,
  state: State,
  inList: boolean,
): {table: KramdownTable; pointAt: (offset: number) => Point} | undefined {
  const start = node.position?.start
  const end = node.position?.end.offset
  if (start?.offset === undefined || end === undefined) return
  const inQuote = state.quotes > 0
  const anyPipe = inList || inQuote
  if (!anyPipe && !state.source.startsWith('|', start.offset)) return
  // A line's quote markers and indentation, which the page's source still holds in a quote.
  const prefix = inQuote ? /^(?:[ \t]*>)*[ \t]*/ : /^[ \t]*/
  const raw = state.source.slice(start.offset, end).split('\n')
  const lines = raw.map((line) => line.replace(prefix, '').trimEnd())
  const row = (line: string) => (anyPipe ? TABLE_LINE.test(line) : line.startsWith('|'))
  if (!lines.every(row)) return
  // A display formula (`$$P(Y=1 | X=x)$$`, the paragraph whole) is one before it is a table.
  if (/^\$\$(?:(?!\$\$)[\s\S])*\$\$$/.test(lines.join('\n').trim())) return
  // kramdown wants a blank line, an attribute list or the end after a table. CommonMark ends a
  // paragraph at a line kramdown's runs on over (`<!-- vale off -->` under `| a | b |`): then
  // the rows are that paragraph's text. (An item's content ends with the item.)
  const after = lineAfter(state.source, end)
  const next = inQuote ? after.replace(prefix, '') : after
  if (!inList && end < state.source.length && !endsKramdownTable(next)) return
  const table = findKramdownTable(lines.join('\n'), 0)
  if (!table) return
  // Where each trimmed line starts in the joined text and in the page (the first line where the
  // paragraph does, the others after their indentation).
  const joined: number[] = []
  const page: Point[] = []
  let at = 0
  let lineOffset = start.offset
  for (const [i, line] of raw.entries()) {
    const indent = i === 0 ? 0 : prefix.exec(line)![0].length
    joined.push(at)
    page.push({
      line: start.line + i,
      column: i === 0 ? start.column : indent + 1,
      offset: lineOffset + indent,
    })
    at += lines[i].length + 1
    lineOffset += line.length + 1
  }
  const pointAt = (offset: number): Point => {
    let i = joined.length - 1
    while (i > 0 && joined[i] > offset) i--
    const by = offset - joined[i]
    return {line: page[i].line, column: page[i].column + by, offset: page[i].offset + by}
  }
  return {table, pointAt}
}

function isTableBorder(node: Paragraph, walk: Walk): boolean {
  const [only] = node.children
  const next = walk.nodes[walk.index + 1]
  return (
    node.children.length === 1 &&
    only.type === 'text' &&
    only.value.trim().startsWith('|') &&
    SEPARATOR.test(only.value.trim()) &&
    next?.type === 'table' &&
    adjacent(node, next)
  )
}

/** Takes `{: … }` lines off the start and end of a paragraph's inline content. */
function splitIal(
  children: PhrasingContent[],
  source: string,
): {
  leading?: string[]
  trailing?: string[]
  children: PhrasingContent[]
} {
  let rest = children
  let leading: string[] | undefined
  let trailing: string[] | undefined
  // Each list on a line of its own is the block's: `### Output` over `{: .no_toc }` twice.
  for (
    let first = rest[0];
    first?.type === 'text' && first.value.startsWith('{:');
    first = rest[0]
  ) {
    const newline = first.value.indexOf('\n')
    // Only a list on a line of its own: `{:.a} *em* after` is text to kramdown.
    if (newline === -1 && rest.length > 1 && rest[1]!.type !== 'break') break
    const line = newline === -1 ? first.value : first.value.slice(0, newline)
    const match = IAL_LINE.exec(line.trim())
    if (!match) break
    leading = [...(leading ?? []), ...ialClasses(match[1])]
    const remaining = newline === -1 ? '' : first.value.slice(newline + 1)
    rest = remaining === '' ? rest.slice(1) : [withValue(first, remaining), ...rest.slice(1)]
  }
  const last = rest[rest.length - 1]
  if (last?.type === 'text' && last.value.trimEnd().endsWith('}')) {
    const newline = last.value.lastIndexOf('\n')
    const match = newline === -1 ? IAL_LINE.exec(last.value.trim()) : null
    const lineEnd = rest[rest.length - 2]
    if (match && lineEnd?.type === 'break') {
      // `**Introduced 3.1**␠␠` over `{: .label }`: the spaces end the line, which kramdown does
      // not show at a paragraph's end; the list is the paragraph's. A backslash there is text to
      // kramdown (`Text\`), where CommonMark reads a line break.
      trailing = ialClasses(match[1])
      const at = lineEnd.position?.start.offset
      const backslash = at !== undefined && source[at] === '\\'
      rest = rest.slice(0, -2)
      if (backslash) rest.push({type: 'text', value: '\\', position: lineEnd.position})
    } else if (newline !== -1) {
      const match = IAL_LINE.exec(last.value.slice(newline + 1).trim())
      if (match) {
        trailing = ialClasses(match[1])
        const remaining = last.value.slice(0, newline).trimEnd()
        rest =
          remaining === '' ? rest.slice(0, -1) : [...rest.slice(0, -1), withValue(last, remaining)]
      }
    }
  }
  return {leading, trailing, children: rest}
}

function withValue(node: Text, value: string): Text {
  return {...node, value}
}
