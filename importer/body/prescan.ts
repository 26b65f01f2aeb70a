/**
 * One pass over a page's lines before the parser sees it, finding the two shapes micromark
 * handles in more than linear time: containers nested thousands deep, and paragraphs packed
 * with delimiters (`_*_*…`, `]]]…`, `~a~a…`) whose matching it retries for every closer.
 * Cheap and approximate on purpose: it errs towards counting more, and the limits are far
 * above what real pages reach.
 */

/** A paragraph with more delimiters than the limit. */
export interface DenseParagraph {
  /** 1-based body line where it starts. */
  line: number
  delimiters: number
  /** Offsets `[start, end)` of each line's text after its quote and list markers, in pairs. */
  ranges: number[]
  /** True when it lies in a fenced code block, where reading delimiters as text changes nothing. */
  inCode: boolean
}

/** What the pass found. */
export interface Prescan {
  /** The first line nested deeper than the limit (1-based, in the body) and its depth. */
  tooDeep?: {line: number; depth: number}
  dense: DenseParagraph[]
}

const TAB = 9
const SPACE = 32
const GT = 62
const BACKSLASH = 92
const BACKTICK = 96
const TILDE = 126
const THEMATIC_BREAK = /^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/

/** What a character is to {@link countDelimiters}, by code (ASCII; any other is none). */
const NONE = 0
const BRACKET = 1
const RUN = 2
const ESCAPE = 3
const DELIMITER_KINDS = new Uint8Array(128)
for (const c of [91, 93]) DELIMITER_KINDS[c] = BRACKET // [ ]
for (const c of [42, 95, TILDE, BACKTICK]) DELIMITER_KINDS[c] = RUN // * _ ~ `
DELIMITER_KINDS[BACKSLASH] = ESCAPE

interface Prefix {
  depth: number
  /** Offset where the line's text starts, after quote and list markers. */
  content: number
  listItem: boolean
  /** Columns of indentation before the text, beyond the one space each marker takes. */
  indent: number
}

/** A list marker (`-`, `+`, `*`, `1.`, `1)`) at `i` followed by a space, tab or end: its end. */
function listMarkerEnd(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i)
  let j = i
  if (c === 45 || c === 43 || c === 42) j = i + 1
  else {
    while (j < end && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++
    const after = text.charCodeAt(j)
    if (j === i || j >= end || (after !== 46 && after !== 41)) return -1
    j++
  }
  const next = text.charCodeAt(j)
  return j >= end || next === SPACE || next === TAB ? j : -1
}

/** Quote and list markers at the start of a line, and the nesting they and the indent suggest. */
function linePrefix(text: string, start: number, end: number): Prefix {
  let i = start
  let markers = 0
  let indent = 0
  let listItem = false
  let afterMarker = false
  while (i < end) {
    const c = text.charCodeAt(i)
    if (c === SPACE || c === TAB) {
      const width = c === TAB ? 4 : 1
      indent += afterMarker ? width - 1 : width
      afterMarker = false
      i++
      continue
    }
    afterMarker = true
    if (c === GT) {
      markers++
      i++
      continue
    }
    const markerEnd = listMarkerEnd(text, i, end)
    if (markerEnd < 0) break
    markers++
    listItem = true
    i = markerEnd
  }
  return {depth: markers, content: i, listItem, indent}
}

/**
 * Delimiter runs (`*`, `_`, `~`, backticks) and brackets in `[start, end)`, escapes skipped. Every
 * character of every page passes here: a table lookup, not a set's, is what it costs.
 */
function countDelimiters(text: string, start: number, end: number): number {
  let count = 0
  let previous = -1
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i)
    const kind = c < 128 ? DELIMITER_KINDS[c] : NONE
    if (kind === ESCAPE) {
      i++
      previous = -1
      continue
    }
    if (kind === BRACKET || (kind === RUN && c !== previous)) count++
    previous = c
  }
  return count
}

/** A GFM table's delimiter row (`|---|:--:|`), checked without a backtracking pattern. */
function isDelimiterRow(text: string): boolean {
  const trimmed = text.trim()
  if (!trimmed.includes('-') || !/^[|:\- \t]+$/.test(trimmed)) return false
  const cells = trimmed.replace(/^\|/, '').replace(/\|$/, '').split('|')
  return cells.every((cell) => /^:?-+:?$/.test(cell.trim()))
}

interface Fence {
  char: number
  length: number
}

/** A fence (three or more backticks or tildes) at `start`, or undefined. */
function fenceAt(text: string, start: number, end: number): Fence | undefined {
  const char = text.charCodeAt(start)
  if (char !== BACKTICK && char !== TILDE) return undefined
  let j = start
  while (j < end && text.charCodeAt(j) === char) j++
  if (j - start < 3) return undefined
  if (char === BACKTICK && text.slice(j, end).includes('`')) return undefined
  return {char, length: j - start}
}

/** Scans `source` for nesting deeper than `maxNesting` and paragraphs over `maxDelimiters`. */
export function prescan(
  source: string,
  limits: {maxNesting: number; maxDelimiters: number},
): Prescan {
  const result: Prescan = {dense: []}
  let paragraph: DenseParagraph | undefined
  let inTable = false
  let fence: Fence | undefined
  let previousLine: {start: number; end: number; count: number} | undefined
  const close = () => {
    if (paragraph && paragraph.delimiters > limits.maxDelimiters) result.dense.push(paragraph)
    paragraph = undefined
    previousLine = undefined
  }
  let line = 0
  for (let start = 0; start <= source.length;) {
    line++
    let end = source.indexOf('\n', start)
    if (end < 0) end = source.length
    const next = end + 1
    if (end > start && source.charCodeAt(end - 1) === 13) end--
    const prefix = linePrefix(source, start, end)
    const blank = prefix.content === end
    // Indentation nests only outside code; a thematic break (`- - -`) is not a list.
    const thematic = blank && prefix.depth >= 3 && THEMATIC_BREAK.test(source.slice(start, end))
    const depth = thematic ? 0 : prefix.depth + (blank || fence ? 0 : prefix.indent >> 1)
    if (depth > limits.maxNesting) {
      result.tooDeep = {line, depth}
      return result
    }
    if (prefix.depth === 0 && prefix.indent === 0) {
      const found = fenceAt(source, prefix.content, end)
      if (fence && found && found.char === fence.char && found.length >= fence.length) {
        fence = undefined
        close()
        start = next
        continue
      }
      if (!fence && found) {
        fence = found
        close()
        start = next
        continue
      }
    }
    if (blank) {
      close()
      inTable = false
      start = next
      continue
    }
    const text = source.slice(prefix.content, end)
    const startsBlock = prefix.listItem || text.startsWith('#') || inTable
    if (!inTable && previousLine && isDelimiterRow(text)) {
      // A table: the header and every row are parsed cell by cell, each on its own.
      const header = previousLine
      if (paragraph) {
        paragraph.delimiters -= header.count
        paragraph.ranges.length -= 2
      }
      close()
      const inCode = fence !== undefined
      paragraph = {
        line: line - 1,
        delimiters: header.count,
        ranges: [header.start, header.end],
        inCode,
      }
      close()
      inTable = true
    }
    if (startsBlock) close()
    const count = countDelimiters(source, prefix.content, end)
    paragraph ??= {line, delimiters: 0, ranges: [], inCode: fence !== undefined}
    paragraph.delimiters += count
    paragraph.ranges.push(prefix.content, end)
    previousLine = {start: prefix.content, end, count}
    start = next
  }
  close()
  return result
}
