import {backticksAt} from '../code-span.ts'
import {IAL_LINE} from '../ial.ts'
import {parseMarkdown} from '../parse.ts'
import {
  BLOCK_ELEMENTS,
  scanTags,
  SPAN_ELEMENTS,
  tagAt,
  WITHOUT_BODY,
  type TagToken,
} from './tokens.ts'

/** A table kramdown reads where GFM sees a paragraph (no separator line, `+` in it, a footer…). */
export interface KramdownTable {
  kind: 'table'
  lineStart: number
  /** Offset after its last line (and that line's newline). */
  consumed: number
  /** Cell texts (markdown), each row padded to the widest row. */
  rows: string[][]
  /**
   * Where each cell's text starts, as an offset in the text the table was found in (a cell
   * added to pad its row: where the row's last cell starts), so that what a cell holds is
   * reported on its own line.
   */
  cellOffsets: number[][]
  headerRows: number
  align: Array<'left' | 'center' | 'right' | 'none'>
}

// A line with a pipe that is not escaped (kramdown's TABLE_LINE); only unindented lines, so a
// table never breaks out of a list item.
export const TABLE_LINE = /^(?=\S)(?:\||.*?[^\\\n]\|)/
export const SEPARATOR = /^[+|: \t-]*?-[+|: \t-]*?[ \t]*$/
export const FOOTER_SEPARATOR = /^[+|: \t=]*?=[+|: \t=]*?[ \t]*$/
// Lines that start another block before kramdown tries a table: quotes, headings, lists, HTML
// (see `startsBlockHtml`).
const OTHER_BLOCK = /^ {0,3}(?:>|#|[*+-][ \t]|\d+\.[ \t]|:[ \t]|`{3}|~{3})/

/**
 * Whether kramdown reads HTML at the start of `line` as an HTML block: a comment, an instruction,
 * or the tag of an element other than a span element. A line that starts with a span element's
 * tag (`<img …> | <img …>`, screenshots side by side) is a table's row when it holds a pipe.
 */
function startsBlockHtml(line: string): boolean {
  if (/^ {0,3}<[!?]/.test(line)) return true
  // A tag's name ends where its attributes or its end do: `<https://a|b>`, an autolink for
  // CommonMark, is no tag for kramdown, and a line of it with a pipe is a table's row.
  const tag = /^ {0,3}<\/?([A-Za-z][\w:.-]*)(?=\s|\/?>)/.exec(line)
  return tag !== null && !SPAN_ELEMENTS.has(tag[1].toLowerCase())
}

/**
 * The table kramdown reads at `pos` (a line after a blank line), when GFM would not read the
 * same lines as one table; undefined when there is none or GFM reads it already.
 */
export function findKramdownTable(
  text: string,
  pos: number,
  /**
   * Whether its lines may be indented, as kramdown's are outside a list: the first by up to
   * three spaces, the others by any (inside a list item, such lines are the item's).
   */
  indented = false,
): KramdownTable | undefined {
  const lines: string[] = []
  const starts: number[] = []
  let end = pos
  while (end < text.length) {
    const newline = text.indexOf('\n', end)
    const written = text.slice(end, newline === -1 ? text.length : newline)
    const start = lines.length === 0
    const indent = indented ? /^[ \t]*/.exec(written)![0].length : 0
    const line = written.slice(indent)
    if (
      !TABLE_LINE.test(line) ||
      (start && (indent > 3 || OTHER_BLOCK.test(line) || startsBlockHtml(line)))
    )
      break
    lines.push(line)
    starts.push(end + indent)
    end = newline === -1 ? text.length : newline + 1
  }
  if (lines.length === 0) return undefined
  const newline = text.indexOf('\n', end)
  if (
    end < text.length &&
    !endsKramdownTable(text.slice(end, newline === -1 ? undefined : newline))
  )
    return undefined
  if (!pipeOnEveryLine(lines)) return undefined
  const read = readRows(lines, starts)
  if (!read) return undefined
  const {keptLeadingCell, ...table} = read
  // GFM splits cells at a pipe inside a code span (`|`); kramdown does not. GFM takes the empty
  // cell before a row's leading pipe off every row; kramdown only when the table's first line
  // has a leading pipe.
  if (!keptLeadingCell && isGfmTable(lines, table.rows.length) && !lines.some(hasCodeSpanPipe)) {
    return undefined
  }
  return {kind: 'table', lineStart: pos, consumed: end, ...table}
}

/**
 * Whether `line` may come before a table for kramdown, which reads one only after a block
 * boundary: a blank line or a block attribute list (the start of the text too, which callers
 * check).
 */
export function startsKramdownTable(line: string): boolean {
  const trimmed = line.trim()
  return trimmed === '' || IAL_LINE.test(trimmed)
}

/**
 * Whether `line` may follow a table for kramdown, which wants a block boundary after one: a blank
 * line or an attribute list (the end of the text too, which callers check).
 */
export function endsKramdownTable(line: string): boolean {
  return /^[ \t]*$/.test(line) || /^ {0,3}\{:/.test(line)
}

/** The white space Ruby's `strip` takes off, which kramdown's cells are trimmed of: not U+00A0. */
const rubyStrip = (text: string) =>
  text.replace(/^[\0\t\n\v\f\r ]+/, '').replace(/[\0\t\n\v\f\r ]+$/, '')

/**
 * The rows of a table as kramdown reads them, and whether a row kept the empty cell before its
 * leading pipe: kramdown takes that cell off a row only when the table's first line starts with
 * a pipe (`Option | Type` over `| port | Integer |` gives that row an empty first cell).
 */
function readRows(
  lines: string[],
  starts: number[],
):
  | (Omit<KramdownTable, 'kind' | 'lineStart' | 'consumed'> & {keptLeadingCell: boolean})
  | undefined {
  const leadingPipe = /^\s*\|/.test(lines[0] ?? '')
  let keptLeadingCell = false
  const rows: string[][] = []
  const cellOffsets: number[][] = []
  let headerRows = 0
  let align: KramdownTable['align'] = []
  let body = false
  for (const [index, line] of lines.entries()) {
    if (SEPARATOR.test(line)) {
      if (rows.length > 0 && headerRows === 0 && !body) {
        headerRows = rows.length
        align = [...line.matchAll(/[ \t]?(:?)-+(:?)[ \t]?/g)].map(([, left, right]) =>
          left && right ? 'center' : right ? 'right' : left ? 'left' : 'none',
        )
      }
      continue
    }
    if (FOOTER_SEPARATOR.test(line)) continue
    const {cells, at} = splitCells(line)
    if (/^\s*\|/.test(line) && rubyStrip(cells[0] ?? 'x') === '') {
      if (leadingPipe) {
        cells.shift()
        at.shift()
      } else keptLeadingCell = true
    }
    if (cells.length > 0 && rubyStrip(cells[cells.length - 1]) === '') cells.pop()
    // A cell's no-break spaces at its ends (kept by kramdown, whose cell they make) are
    // nothing a reader reads: its text goes without them.
    rows.push(cells.map((cell) => cell.trim()))
    const lineStart = starts[index]
    cellOffsets.push(
      cells.map((cell, i) => lineStart + at[i] + (cell.length - cell.trimStart().length)),
    )
    if (headerRows > 0) body = true
  }
  // A header with no body is not a table to kramdown.
  if (rows.length === 0 || rows.length === headerRows) return undefined
  const columns = Math.max(...rows.map((row) => row.length))
  rows.forEach((row, r) => {
    const last = cellOffsets[r].at(-1) ?? 0
    while (row.length < columns) {
      row.push('')
      cellOffsets[r].push(last)
    }
  })
  align = align.slice(0, columns)
  while (align.length < columns) align.push('none')
  return {rows, headerRows, align, cellOffsets, keptLeadingCell}
}

/**
 * Splits a row at pipes outside code spans and Liquid; `\|` is a literal pipe. `at` is where
 * each cell starts in the line (after its pipe).
 */
function splitCells(line: string): {cells: string[]; at: number[]; pipes: number} {
  const cells = ['']
  const at = [0]
  let pipes = 0
  for (let i = 0; i < line.length; i++) {
    const char = line[i]
    if (char === '\\' && line[i + 1] === '|') {
      cells[cells.length - 1] += '|'
      i++
    } else if (char === '`') {
      // A code span keeps its pipes; backticks that open none are text (see backticksAt).
      const {end} = backticksAt(line, i)
      cells[cells.length - 1] += line.slice(i, end)
      i = end - 1
    } else if (char === '{' && (line[i + 1] === '{' || line[i + 1] === '%')) {
      // Liquid the importer kept verbatim (`{{ x | filter }}`): Jekyll never lets kramdown see it.
      const close = line.indexOf(line[i + 1] === '{' ? '}}' : '%}', i + 2)
      const stop = close === -1 ? line.length : close + 2
      cells[cells.length - 1] += line.slice(i, stop)
      i = stop - 1
    } else if (char === '|') {
      pipes++
      cells.push('')
      at.push(i + 1)
    } else cells[cells.length - 1] += char
  }
  return {cells, at, pipes}
}

/**
 * Whether each of a table's lines has a pipe kramdown counts: not escaped, not in a code span,
 * and not inside a span element (`<i>a | b</i>`): kramdown reads the table's text for code
 * spans and span HTML, and looks at the text around the elements, not at what they hold. An
 * element nothing closes holds the rest of the text. (Its cells are still split at every pipe
 * outside code.)
 */
function pipeOnEveryLine(lines: string[]): boolean {
  const text = lines.join('\n')
  const shown = text.includes('<') ? withElementPipesHidden(text) : text
  return shown.split('\n').every((line) => splitCells(line).pipes > 0)
}

/** `text` with each pipe inside a span element's content written as a space. */
function withElementPipesHidden(text: string): string {
  let out = ''
  let i = 0
  while (i < text.length) {
    const char = text[i]!
    let next = i + 1
    if (char === '\\') next = i + 2
    else if (char === '`') next = backticksAt(text, i).end
    else if (char === '<') {
      // A span element: kramdown's span parser reads it whole (a block element's tag is text).
      const tag = tagAt(text, i)
      const holds = tag && !tag.closing && !tag.selfClosing && !WITHOUT_BODY.has(tag.name)
      if (holds && !BLOCK_ELEMENTS.has(tag.name)) {
        const end = contentEnd(text, tag)
        out += text.slice(i, tag.end) + text.slice(tag.end, end).replaceAll('|', ' ')
        i = end
        continue
      }
    }
    out += text.slice(i, next)
    i = next
  }
  return out
}

/** Where the content of the element `tag` opens ends: at its own closing tag, or the text's end. */
function contentEnd(text: string, tag: TagToken): number {
  let depth = 0
  let end = text.length
  scanTags(text, tag.end, (each) => {
    if (each.name !== tag.name || each.selfClosing) return false
    depth += each.closing ? -1 : 1
    if (depth < 0) end = each.start
    return depth < 0
  })
  return end
}

function hasCodeSpanPipe(line: string): boolean {
  return splitCells(line).pipes < (line.match(/(?<!\\)\|/g)?.length ?? 0)
}

/** Whether GFM reads `lines` as one table of `rows` rows: decided from the lines when it can be. */
function isGfmTable(lines: string[], rows: number): boolean {
  const known = plainGfmTable(lines)
  if (known !== undefined) return known && rows === lines.length - 1
  const root = parseMarkdown(lines.join('\n'))
  const only = root.children[0]
  return root.children.length === 1 && only.type === 'table' && only.children.length === rows
}

/** One cell of GFM's delimiter row: dashes, a colon on either side for the alignment. */
const DELIMITER_CELL = /^[ \t]*:?-+:?[ \t]*$/

/**
 * GFM's cells of a row with no escapes: split at every pipe, after its leading and trailing one.
 * GFM trims spaces and tabs only: a no-break space after the last pipe is a cell of its own.
 */
function gfmCells(line: string): string[] {
  const trimmed = line.replace(/^[ \t]+|[ \t]+$/g, '')
  const inner = trimmed.startsWith('|') ? trimmed.slice(1) : trimmed
  return (inner.endsWith('|') ? inner.slice(0, -1) : inner).split('|')
}

/**
 * A line not led by a pipe that GFM may read as something else than a row: indented, a block's
 * start (a quote, heading, list item, rule, fence, HTML, setext underline) or a link definition.
 */
const NOT_PLAINLY_A_ROW = /^(?:[ \t>#*+\-=_~<]|\d|`{3}|\[[^\]]*\]:)/

/** A delimiter row not led by a pipe that is no list item and no setext underline (it has a pipe). */
const PLAIN_DELIMITER_START = /^(?::|-(?![ \t]))(?=.*\|)/

/**
 * What GFM reads in the common shape of a table, without parsing it: no line has a backslash (so
 * every pipe splits cells, as GFM splits them, code spans included), and none can start another
 * block or continue one (it starts with a pipe or a character that starts no block; the delimiter
 * row may start with its dashes). Such lines are one table of one row a line after the delimiter
 * row when the second line is a delimiter row of as many cells as the first; otherwise GFM reads
 * a paragraph. `undefined` when the lines are of another shape, when the header is only pipes and
 * spaces, or when a later line is a separator, which kramdown does not count as a row (the
 * parser decides).
 */
export function plainGfmTable(lines: readonly string[]): boolean | undefined {
  if (lines.length < 2) return undefined
  const delimiter = gfmCells(lines[1])
  const isDelimiter = delimiter.every((cell) => DELIMITER_CELL.test(cell))
  for (const [i, line] of lines.entries()) {
    if (line.includes('\\')) return undefined
    if (line[0] === '|' || (i === 1 && isDelimiter && PLAIN_DELIMITER_START.test(line))) continue
    if (NOT_PLAINLY_A_ROW.test(line) || !line.includes('|')) return undefined
  }
  for (let i = 2; i < lines.length; i++) {
    if (SEPARATOR.test(lines[i]) || FOOTER_SEPARATOR.test(lines[i])) return undefined
  }
  // A header of nothing but pipes and spaces: the edge of GFM's rules, left to the parser.
  if (/^[| \t]*$/.test(lines[0])) return undefined
  if (!isDelimiter) return false
  return gfmCells(lines[0]).length === delimiter.length
}
