import {startsLazyEnd} from './tokens.ts'
import {IAL_BLOCK_LINE, ITEM_IAL} from '../ial.ts'

/**
 * A kramdown definition list as kramdown delimits it (`parser/kramdown/list.rb`): the term
 * paragraph, then `: ` definitions whose content is blocks, indented to the marker's content
 * column (fenced code, lists, quotes, tables, headings, nested definition lists). CommonMark
 * reads the same lines as paragraphs and, worse, can open a fence on an indented line inside a
 * definition that then swallows the rest of the page; handed over whole, the list is read here.
 */
export interface KramdownDefinitionList {
  kind: 'definitions'
  lineStart: number
  /** Offset after its last line (and that line's newline). */
  consumed: number
  entries: DefinitionEntry[]
}

/** A piece of the page's text: its markdown (indentation removed) and where it starts. */
export interface DefinitionText {
  text: string
  /** Offset of its first character in the scanned text. */
  offset: number
  /** The attribute list it starts with (`{: .label}`), which kramdown gives its `dd` or `dt`. */
  attributes?: string
}

/** Terms that share the definitions after them (kramdown's `dt`s, then its `dd`s). */
export interface DefinitionEntry {
  terms: DefinitionText[]
  definitions: DefinitionText[]
}

interface Line {
  start: number
  /** Offset after the line's newline (or the end of the text). */
  next: number
  text: string
}

// kramdown's DEFINITION_LIST_START and PATTERN_TAIL: up to three spaces, `:`, then a tab, a
// space or a pipe.
const DEFINITION_START = /^( {0,3}:)([\t| ].*)?$/
const BLANK = /^[ \t]*$/
// kramdown's end-of-block marker.
const EOB = /^\^[ \t]*$/
// Lines that end a paragraph for kramdown's GFM parser (PARAGRAPH_END_GFM) besides `: `.
const PARAGRAPH_END =
  /^(?: {0,3}(?:[-+*][ \t]|\d+\.[ \t]|>|[~`]{3})|#{1,6}[\t ]|\{:(?!:|\/)[^}]+\}[ \t]*$)/
// Lines that start another block, so a paragraph (of terms) cannot start there.
const OTHER_BLOCK =
  /^(?: {4}|\t| {0,3}(?:[-+*][ \t]|\d+\.[ \t]|>|#|[~`]{3}|\$\$|\[\^?[^\]]+\]:|\*\[|\^[ \t]*$|\{:(?!:|\/)[^}\n]+\}[ \t]*$|\{::|([-*_])(?: *\1){2,} *$))/
const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/

/**
 * The definition list whose term paragraph starts at `pos` (a line start after a blank line),
 * or undefined when the paragraph there is not followed by a `: ` definition.
 */
export function findDefinitionList(text: string, pos: number): KramdownDefinitionList | undefined {
  const entries: DefinitionEntry[] = []
  let at = pos
  let end = pos
  for (;;) {
    const terms = termParagraph(text, at)
    if (!terms) break
    const definitions: DefinitionText[] = []
    const after = readDefinitions(text, terms.next, definitions)
    if (definitions.length === 0) break
    entries.push({terms: terms.lines.map(termText), definitions})
    end = after.end
    // kramdown joins a list to the one before it when only blank lines separate them.
    const following = skipBlank(text, after.stop)
    if (following === undefined) break
    at = following
  }
  if (entries.length === 0) return undefined
  return {kind: 'definitions', lineStart: pos, consumed: end, entries}
}

/** The paragraph of terms at `pos` and where its definitions start (a `: ` line), if any. */
function termParagraph(text: string, pos: number): {lines: Line[]; next: number} | undefined {
  const first = lineAt(text, pos)
  if (
    !first ||
    BLANK.test(first.text) ||
    OTHER_BLOCK.test(first.text) ||
    startsLazyEnd(first.text) ||
    opensComment(text, first)
  ) {
    return undefined
  }
  // A `: ` line with no paragraph before it is a paragraph's text for kramdown, which the
  // definitions after it take as their term (`: Containers I` over `  : [Lecture 3](…)`).
  if (hasPipe(first.text)) return undefined
  const lines = [first]
  let line = lineAt(text, first.next)
  while (line && !DEFINITION_START.test(line.text)) {
    if (BLANK.test(line.text)) {
      // Exactly one empty line may separate the terms from their definition.
      const following = line.text === '' ? lineAt(text, line.next) : undefined
      if (following && DEFINITION_START.test(following.text)) return {lines, next: following.start}
      return undefined
    }
    // A line that ends the paragraph, or underlines it as a setext heading, makes no terms.
    if (
      PARAGRAPH_END.test(line.text) ||
      startsLazyEnd(line.text) ||
      EOB.test(line.text) ||
      SETEXT.test(line.text)
    ) {
      return undefined
    }
    lines.push(line)
    line = lineAt(text, line.next)
  }
  return line ? {lines, next: line.start} : undefined
}

/**
 * Reads `: ` definitions from `pos` as kramdown's `parse_definition_list` does: each marker
 * starts a definition whose content column is the marker's width plus the spaces after it;
 * lines indented to it, lazy lines right after text, and blank lines continue it.
 */
function readDefinitions(
  text: string,
  pos: number,
  out: DefinitionText[],
): {end: number; stop: number} {
  let start = DEFINITION_START
  let indentation = 0
  let lastBlank = false
  let current: {parts: string[]; offset: number; attributes?: string} | undefined
  let end = pos
  let line = lineAt(text, pos)
  const finish = () => {
    if (current) {
      const {parts, ...at} = current
      out.push({text: trimTrailingBlank(parts.join('')), ...at})
    }
  }
  for (; line; line = lineAt(text, line.next)) {
    const marker = start.exec(line.text)
    if (marker) {
      finish()
      const first = firstLine(marker[1].length, marker[2] ?? '')
      indentation = first.indentation
      start = markerAfter(indentation)
      // kramdown's LIST_ITEM_IAL: an attribute list before the text is the `dd`'s, not text.
      // (A line of only an attribute list is `firstLine`'s: text follows this one.)
      const attributes = ITEM_IAL.exec(first.content)
      const content = first.content.slice(attributes?.[0].length ?? 0)
      current = {
        parts: [content + '\n'],
        offset: line.start + line.text.length - content.length,
        ...(attributes ? {attributes: attributes[1]} : {}),
      }
      lastBlank = false
      end = line.next
      continue
    }
    if (!current || EOB.test(line.text)) break
    const expanded = line.text.replace(/^\t+/, (tabs) => ' '.repeat(4 * tabs.length))
    const content = !BLANK.test(expanded) && leadingSpaces(expanded) >= indentation
    if (content || (!lastBlank && !BLANK.test(line.text) && lazy(line.text, indentation))) {
      current.parts.push((content ? expanded.slice(indentation) : expanded) + '\n')
      lastBlank = false
      end = line.next
    } else if (BLANK.test(line.text)) {
      current.parts.push('\n')
      lastBlank = true
    } else break
  }
  finish()
  return {end, stop: line?.start ?? text.length}
}

// kramdown's parse_first_list_line: the content column is the marker's width plus the spaces
// after it, or 4 when the line holds nothing but an attribute list.
function firstLine(markerWidth: number, tail: string): {indentation: number; content: string} {
  if (/^\s*(?:\{:(?!:|\/)[^}]+\})?\s*$/.test(tail)) {
    return {indentation: 4, content: tail.replace(/^\s*(?:\{:[^}]*\})?\s*/, '')}
  }
  let expanded = tail
  while (/^ *\t/.test(expanded)) {
    expanded = expanded.replace(/^( *)(\t+)/, (_all, spaces: string, tabs: string) => {
      const column = spaces.length + markerWidth
      return spaces + ' '.repeat(4 - (column % 4) + (tabs.length - 1) * 4)
    })
  }
  const spaces = leadingSpaces(expanded)
  return {indentation: markerWidth + spaces, content: expanded.slice(spaces)}
}

// kramdown's fetch_pattern(:dl, indentation): a later marker may be indented less than the
// content column.
function markerAfter(indentation: number): RegExp {
  const most = Math.min(Math.max(indentation - 1, 0), 3)
  return new RegExp(`^( {0,${most}}:)([\\t| ].*)?$`)
}

// kramdown's lazy_re: any text line, except an attribute list or an HTML block tag at the
// start of the line.
function lazy(line: string, indentation: number): boolean {
  const indent = leadingSpaces(line)
  if (indent > Math.min(indentation, 3)) return true
  return !IAL_BLOCK_LINE.test(line) && !startsLazyEnd(line)
}

/**
 * Whether the line starts an HTML comment that closes later: kramdown reads it, to its first
 * `-->`, before it reads a paragraph, so `<!-- Holidays` over `: None -->` is no term.
 */
function opensComment(text: string, line: Line): boolean {
  return line.text.startsWith('<!--') && text.includes('-->', line.start + 4)
}

// kramdown reads a line with an unescaped pipe as a table line before it reads a paragraph.
function hasPipe(line: string): boolean {
  return /(?:^|[^\\])\|/.test(line)
}

// kramdown's LIST_ITEM_IAL before a term is the `dt`'s (`{: .y} Term`), not text.
function termText(line: Line): DefinitionText {
  const leading = leadingSpaces(line.text)
  const text = line.text.slice(leading).trimEnd()
  const attributes = ITEM_IAL.exec(text)
  const skip = attributes?.[0].length ?? 0
  return {
    text: text.slice(skip),
    offset: line.start + leading + skip,
    ...(attributes ? {attributes: attributes[1]} : {}),
  }
}

function skipBlank(text: string, pos: number): number | undefined {
  let line = lineAt(text, pos)
  while (line && BLANK.test(line.text)) line = lineAt(text, line.next)
  return line?.start
}

function trimTrailingBlank(text: string): string {
  return text.replace(/\n(?:[ \t]*\n)+$/, '\n')
}

function leadingSpaces(line: string): number {
  return /^ */.exec(line)![0].length
}

function lineAt(text: string, pos: number): Line | undefined {
  if (pos >= text.length) return undefined
  const newline = text.indexOf('\n', pos)
  const lineEnd = newline === -1 ? text.length : newline
  return {
    start: pos,
    next: newline === -1 ? text.length : newline + 1,
    text: text.slice(pos, lineEnd),
  }
}
