/**
 * Lines kramdown reads as text where CommonMark starts a block, rewritten before parsing so
 * CommonMark reads them as kramdown does (after `list-nesting.ts`, which moves list lines):
 *
 * - kramdown's display math (a block that starts with `$$`) runs from `$$` to `$$` across lines,
 *   so a line inside it that starts like a list item, heading or thematic break
 *   (`-     (q_1 + 2q_2) &= -15`, a minus sign at a line start) is part of the formula (a
 *   formula inside a paragraph is not: kramdown ends the paragraph at such a line first). CommonMark's paragraph ends at such a
 *   line and a list begins there. Those lines are indented by four spaces, which keeps them in
 *   the paragraph (an indented line cannot interrupt one) and changes nothing a formula shows.
 * - A heading needs text for kramdown: a line of only `#`s is text (of its paragraph), where
 *   CommonMark makes an empty heading. Its first `#` is escaped.
 * - A list marker with nothing after it, not even a space (`6.`, `*`), starts no list item for
 *   kramdown: it is a paragraph of its own, or text of the item above (`1. a` then `2.` is the
 *   one item `a 2.`). CommonMark makes an empty item. The marker is escaped, except a `-` under a
 *   line (both read a heading's underline there) and a number opening a paragraph whose next
 *   line is an item numbered other than 1 (CommonMark would read it as that paragraph's text).
 * - kramdown numbers list items with `1.` only: `1) Verify …` is text, where CommonMark starts an
 *   ordered list (DS-100's setup page), also as an item's first text (`- 1) Collect …`, CS324's
 *   adaptation lecture). The parenthesis is escaped, outside code and formulas.
 * - An inline link's address may hold spaces for kramdown, and so may a link definition's
 *   (`[//]: # ### Draft` is a definition, which readers do not see; `kramdown-links.ts`), also
 *   as a list item's first line (`- [Term vectors]: If you set …` leaves the item empty).
 * - `\\` at the end of a line followed by more of its paragraph is a line break for kramdown and
 *   an escaped backslash for CommonMark; one backslash less is CommonMark's line break (outside
 *   formulas, where `\\` is TeX's).
 * - A block attribute list runs from `{:` to the first `}` for kramdown, over lines: a `{:` line
 *   left unclosed (`{: .note-title` over a quote, where `{: .note-title}` was meant) takes every
 *   line up to the first `}` that ends a line, and none of their text shows. The attribute list
 *   is written on one line, next to the block it applies to (the one before, unless a blank line
 *   stands between, else the one after), and its other lines are left blank; `onAttributeLines`
 *   is told which lines it took.
 * - A setext underline (`===`, `---`) makes a heading of a paragraph of one line only for
 *   kramdown: under two or more, it is text of the paragraph (`---` its em dash), where
 *   CommonMark makes them all one heading. Its first character is escaped. Under an attribute
 *   list that ends a paragraph (`Coming soon` over `{: .label }`), `---` is a thematic break
 *   for kramdown and is written `***`, which CommonMark cannot read as an underline.
 *   Under a list item's one line of text, at the margin, it is still the item's (a lazy line):
 *   the item's text is a heading, and the underline is indented into the item.
 * - A GFM table right under a paragraph's text is that paragraph's text for kramdown, pipes and
 *   all (its tables want a block boundary before them), where GFM's table interrupts the
 *   paragraph. The delimiter row's first pipe or colon is escaped.
 * - kramdown ends a paragraph at a list item but not at a thematic break: `***` or `___` under
 *   a paragraph's line is its text (`* * *` starts an item, and is a break). Escaped.
 * - An ordered item numbered other than 1 after an indented code block and a blank line starts
 *   a list for kramdown and CommonMark, but micromark reads it as text (micromark#228). Its
 *   number is written `1` (kramdown numbers every list from 1), padded to keep the text's column.
 */

import {
  bracketSpacedAddresses,
  mayNestLinks,
  nestedLinksAsText,
  bracketSpacedDefinition,
  DEFINITION_START,
} from './kramdown-links.ts'
import {SEPARATOR, TABLE_LINE} from './html/kramdown-table.ts'
import {oddDollarRuns} from './math-text.ts'

const INTERRUPTS =
  /^ {0,3}(?:[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|#{1,6}(?:[ \t]|$)|={2,}|-{2,}|_{3,})/
const FENCE = /^[ >]*(`{3,}|~{3,})/
const EMPTY_HEADING = /^( {0,3})(#{1,6}[ \t]*)$/
const BARE_MARKER = /^( {0,3})(\d{1,9}\.|[-+*])$/
const NUMBERED_ITEM = /^ {0,3}(\d{1,9})[.)](?:[ \t]|$)/
/** A list item's marker and the spaces after it, at any depth. */
export const ITEM_MARKER = /^[ \t]*(?:[-+*]|\d{1,9}\.)[ \t]+/

/** A line's text after a list item's marker, if it has one. */
export const afterItemMarker = (line: string) => line.slice(ITEM_MARKER.exec(line)?.[0].length ?? 0)

/** A line without the quote markers (and white space) it starts with. */
const withoutQuotes = (line: string) => line.replace(/^(?:[ \t]*>)*[ \t]*/, '')
/**
 * A CommonMark list item numbered with a parenthesis, after any quote markers and list markers
 * (`- 1) Collect …` is a bullet item holding an ordered list for CommonMark, text for kramdown).
 */
const PAREN_ITEM = /^([ \t>]*(?:(?:[-+*]|\d{1,9}\.)[ \t]+)*\d{1,9})\)(?=[ \t]|$)/
const PAREN_ITEMS = new RegExp(PAREN_ITEM.source, 'm')
/** An ordered item numbered other than 1 after an indented code line and blank lines. */
const ITEM_AFTER_CODE = /\n(?: {4}|\t)[^\n]*\n(?:[ \t]*\n)+ {0,3}(?!0*1\.)\d{1,9}\.(?:[ \t]|$)/

/** A setext heading's underline, after any quote markers and indentation. */
const UNDERLINE = /^((?:[ \t]*>)*[ \t]*)(=+|-+)[ \t]*$/
/** A line of only `=`, `-`, `*` or `_` (after quote markers): an underline or a rule. */
const RULE_LIKE = /^(?:[ \t]*>)*[ \t]*(?:=+|-+|\*\*[ \t*]*\*|_[ \t]*_[ \t_]*_)[ \t]*$/gm

/**
 * Whether a line of `text` that may be an underline or a rule sits right under a line that is
 * not blank: the only place `kramdownLines` rewrites one (a line under a blank one is a rule
 * alike for kramdown and CommonMark).
 */
function ruleUnderText(text: string): boolean {
  RULE_LIKE.lastIndex = 0
  for (let match = RULE_LIKE.exec(text); match; match = RULE_LIKE.exec(text)) {
    if (match.index === 0) continue
    const above = text.slice(text.lastIndexOf('\n', match.index - 2) + 1, match.index - 1)
    if (!isBlank(above)) return true
  }
  return false
}
/**
 * A thematic break kramdown cannot start inside a paragraph: kramdown's GFM reading ends a
 * paragraph at a list item (`* * *` is one, then a break) but not at `***` or `___`.
 */
const BREAK_AS_TEXT = /^((?:[ \t]*>)*[ \t]*)(?:\*\*[ \t*]*\*|_[ \t]*_[ \t_]*_)[ \t]*$/
/** A `-` and a space: an empty list item, for kramdown and CommonMark, not an underline. */
const EMPTY_ITEM = /^(?:[ \t]*>)*[ \t]*-[ \t]+$/
/** A block attribute list alone on its line. */
const IAL_LINE = /^[ \t>]*\{:[^}\n]*\}[ \t]*$/
/** A line that starts a block a setext underline cannot make a heading of, its quote markers off. */
const NOT_PARAGRAPH =
  /^(?:[<|]|\{:|#{1,6}(?:[ \t]|$)|(?:\*[ \t]*){3,}$|(?:_[ \t]*){3,}$|(?:=+|-+)[ \t]*$)/

/**
 * The line where the attribute list opened on line `n` ends: the first `}` after it, unless
 * escaped (`\\}`), when only white space follows it on its line; undefined when that `}` is
 * followed by text (kramdown then reads no attribute list) or there is none.
 */
function attributeListEnd(lines: readonly string[], n: number): number | undefined {
  for (let k = n + 1; k < lines.length; k++) {
    const brace = /(?:^|[^\\])\}/.exec(lines[k])
    if (!brace) continue
    const after = lines[k].slice(brace.index + brace[0].length)
    return after.trim() === '' ? k : undefined
  }
  return undefined
}

/** A class, an id or a `key="value"` pair of an attribute list, with white space before it. */
const ATTRIBUTE =
  /(?<=^|\s)(?:\.-?[A-Za-z_][\w-]*|#[A-Za-z][\w:-]*|[\w-]+=(?:"[^"]*"|'[^']*'))(?=\s|$)/g

/** A line that may be a GFM table's delimiter row (`|---|:--|`, `---|---`). */
const DELIMITER_ROW = /^[ \t>]*\|?[ \t]*:?-+:?[ \t]*\|/m

/** A `{:` line kramdown starts a block attribute list on, with no `}` to close it there. */
const UNCLOSED_IAL = /^ {0,3}\{:(?![:/])(?:\\\}|[^}\n])*$/m

/**
 * The text with the lines above rewritten (same lines, same order); `onAttributeLines` gets the
 * first and last line (0-based) of each attribute list written over lines, `onRowsAsText` the
 * line (0-based) and column (1-based) of each table's first row that is a paragraph's text.
 */
export function kramdownLines(
  text: string,
  onAttributeLines?: (first: number, last: number) => void,
  onRowsAsText?: (line: number, column: number) => void,
): string {
  if (
    !UNCLOSED_IAL.test(text) &&
    !text.includes('$$') &&
    !text.includes('\\\n') &&
    !/^ {0,3}(?:#{1,6}[ \t]*|\d{1,9}\.|[-+*])$/m.test(text) &&
    !/\]\([^)\n]*[ \t\n]/.test(text) &&
    !/^(?: {0,3}|[ \t]*(?:[-+*]|\d{1,9}\.)[ \t]+)\[[^\n\]]+\]:[ \t]*[^<\s][^\n]*?[ \t]\S/m.test(
      text,
    ) &&
    !PAREN_ITEMS.test(text) &&
    !ITEM_AFTER_CODE.test(text) &&
    !mayNestLinks(text) &&
    !ruleUnderText(text) &&
    !DELIMITER_ROW.test(text)
  ) {
    return text
  }
  const lines = text.split('\n')
  // A formula that starts a block runs over lines whatever they hold; one inside a paragraph
  // ends with it, and kramdown ends a paragraph at a list item or heading before it reads the
  // paragraph's formulas.
  let display = false
  let inline = false
  let fence: string | undefined
  let code = false
  // Whether the line before is blank (or there is none): the line starts a block.
  let afterBlank = true
  let changed = false
  // How many `[` the paragraph's lines so far left open: a link's text may go on over lines.
  let brackets = 0
  // Whether the line before is a link definition: another may follow it.
  let afterDefinition = false
  // The lines of paragraph text right above (a setext underline's), and whether the line above
  // is an attribute list that ended such a paragraph; whether an HTML block runs (its lines are
  // HTML until a blank line).
  let textLines = 0
  let afterIal = false
  let html = false
  // The column a list item's text starts at, on the line of its marker (outside quotes).
  let itemText: number | undefined
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]
    const marker = FENCE.exec(line)?.[1]
    if (fence !== undefined) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined
      afterBlank = false
      continue
    }
    if (marker && !display && !inline) {
      fence = marker
      afterBlank = false
      textLines = 0
      continue
    }
    // A blank line (also a quote's `>` alone) ends a paragraph and any formula in it.
    if (isBlank(line)) {
      display = inline = html = afterIal = false
      afterBlank = true
      textLines = 0
      continue
    }
    const delimiter = lines[n + 1]
    if (
      textLines > 0 &&
      line.includes('|') &&
      delimiter?.includes('|') &&
      !html &&
      !display &&
      !inline &&
      !INTERRUPTS.test(line) &&
      SEPARATOR.test(withoutQuotes(delimiter).trim()) &&
      !TABLE_LINE.test(afterItemMarker(withoutQuotes(lines[n - 1]!)))
    ) {
      // A table's rows right under a paragraph's text (no table line itself: a border over the
      // rows is the table's) are that paragraph's for kramdown, whose table wants a block
      // boundary before it; GFM's table interrupts the paragraph. The delimiter row's first pipe
      // or colon is escaped (the escape shows nothing): CommonMark reads the rows as text too.
      lines[n + 1] = delimiter.replace(/[|:]/, (c) => `\\${c}`)
      changed = true
      onRowsAsText?.(n, line.search(/\S/) + 1)
    }
    const numbered = afterBlank && code && !display && !inline ? NUMBERED_ITEM.exec(line) : null
    if (numbered && Number(numbered[1]) !== 1 && numbered[0].includes(`${numbered[1]}.`)) {
      // After an indented code block micromark reads `2. Two` as text (micromark#228), where
      // CommonMark and kramdown start a list; kramdown numbers it from 1 whatever it says. The
      // number is written `1`, and spaces keep the item's text where it was.
      const at = numbered[0].indexOf(numbered[1])
      lines[n] =
        `${line.slice(0, at)}1.${' '.repeat(numbered[1].length - 1)}${line.slice(at + numbered[1].length + 1)}`
      changed = true
    }
    const codeLine = /^(?: {4}|\t)/.test(line) && (code || afterBlank)
    const underline =
      !display && !inline && !html && !codeLine && !EMPTY_ITEM.test(line)
        ? UNDERLINE.exec(line)
        : null
    if (underline && textLines === 1 && itemText !== undefined && underline[1].length < itemText) {
      // Under an item's one line of text, the underline is the item's (a lazy line for
      // kramdown): its text is a heading there. Indented into the item, CommonMark reads it so.
      lines[n] = ' '.repeat(itemText) + line.trimStart()
      changed = true
      textLines = 0
      itemText = undefined
      afterBlank = false
      continue
    }
    if (underline && (textLines >= 2 || (afterIal && underline[2][0] === '-'))) {
      lines[n] =
        textLines >= 2
          ? `${underline[1]}\\${line.slice(underline[1].length)}`
          : underline[1] + line.slice(underline[1].length).replaceAll('-', '*')
      changed = true
      textLines = textLines >= 2 ? textLines + 1 : 0
      afterIal = false
      afterBlank = false
      continue
    }
    const asText = textLines > 0 && !display && !inline && !html ? BREAK_AS_TEXT.exec(line) : null
    if (asText) {
      lines[n] = `${asText[1]}\\${line.slice(asText[1].length)}`
      changed = true
      textLines++
      afterBlank = false
      continue
    }
    const content = withoutQuotes(line)
    if (afterBlank && content.startsWith('<')) html = true
    const ial = IAL_LINE.test(line)
    afterIal = ial && textLines > 0
    const itemMarker = ITEM_MARKER.exec(content)
    itemText =
      itemMarker && content === line && content.length > itemMarker[0].length
        ? itemMarker[0].length
        : undefined
    textLines =
      html || ial || codeLine
        ? 0
        : itemMarker
          ? Number(content.length > itemMarker[0].length)
          : NOT_PARAGRAPH.test(content) || INTERRUPTS.test(content)
            ? 0
            : textLines + 1
    if (!display && INTERRUPTS.test(line)) inline = false
    const open = display || inline
    const last = !open && UNCLOSED_IAL.test(line) ? attributeListEnd(lines, n) : undefined
    if (last !== undefined) {
      const written = lines.slice(n, last + 1).join('\n')
      const inner = written.slice(written.indexOf('{:') + 2, written.lastIndexOf('}'))
      // What kramdown reads of it: classes, ids and key="value" pairs between white space.
      const tokens = inner.match(ATTRIBUTE) ?? []
      const ial = `{: ${tokens.join(' ')} }`
      const at: number = afterBlank && !isBlank(lines[last + 1] ?? '') ? last : n
      for (let k = n; k <= last; k++) lines[k] = k === at ? ial : ''
      onAttributeLines?.(n, last)
      changed = true
      n = last
      afterBlank = at !== last
      continue
    }
    if (display && INTERRUPTS.test(line)) {
      lines[n] = `    ${line}`
      changed = true
    } else if (EMPTY_HEADING.test(line)) {
      lines[n] = line.replace(EMPTY_HEADING, '$1\\$2')
      changed = true
    } else if (!open && bareMarkerIsText(line, afterBlank, lines[n + 1])) {
      // The marker's punctuation is escaped (`6\.`, `\*`): a backslash before a digit is text.
      lines[n] = line.replace(/[.*+-]$/, '\\$&')
      changed = true
    }
    // Outside formulas and what may be an indented code block (indented lines after a blank one).
    const indented = /^(?: {4}|\t)/.test(line)
    code = indented && (code || afterBlank)
    if (!open && !code && PAREN_ITEM.test(lines[n])) {
      lines[n] = lines[n].replace(PAREN_ITEM, '$1\\)')
      changed = true
    }
    const definition = !open && !code && (afterBlank || afterDefinition)
    afterDefinition = false
    if (definition) {
      const bracketed = bracketSpacedDefinition(lines[n])
      afterDefinition = DEFINITION_START.test(lines[n])
      changed ||= bracketed !== lines[n]
      lines[n] = bracketed
    }
    // A list item's text starts a block: `- [Term vectors]: If you set …` is a definition.
    const item = !open && !code ? ITEM_MARKER.exec(lines[n]) : null
    if (item) {
      const text = lines[n].slice(item[0].length)
      const bracketed = bracketSpacedDefinition(text)
      if (bracketed !== text) {
        lines[n] = item[0] + bracketed
        changed = true
      }
    }
    if (!open && !code) {
      const next = lines[n + 1]
      const continues = next !== undefined && !isBlank(next) && !INTERRUPTS.test(next)
      if (afterBlank || INTERRUPTS.test(line)) brackets = 0
      const bracketed = bracketSpacedAddresses(
        lines[n],
        continues && !FENCE.test(next) && !/^ *>/.test(next) ? next : undefined,
        brackets,
      )
      brackets = bracketed.open
      const unnested = nestedLinksAsText(bracketed.line)
      changed ||= unnested !== lines[n] || bracketed.next !== undefined
      lines[n] = unnested
      if (bracketed.next !== undefined) lines[n + 1] = bracketed.next
    }
    if (oddDollarRuns(line)) {
      if (display || inline) display = inline = false
      else if (afterBlank && /^[ >]*\$\$/.test(line)) display = true
      else inline = true
    }
    const backslashes = /\\+$/.exec(lines[n])?.[0].length ?? 0
    const next = lines[n + 1]
    if (
      !display &&
      !inline &&
      backslashes >= 2 &&
      backslashes % 2 === 0 &&
      next &&
      !isBlank(next)
    ) {
      lines[n] = lines[n].slice(0, -1)
      changed = true
    }
    afterBlank = false
  }
  return changed ? lines.join('\n') : text
}

/** Whether a bare list marker line is escaped (see the module's notes). */
function bareMarkerIsText(line: string, startsParagraph: boolean, next?: string): boolean {
  const marker = BARE_MARKER.exec(line)?.[2]
  if (!marker) return false
  // A numbered item other than 1 cannot interrupt the paragraph a bare number would start in
  // CommonMark (after an item, the number is the item's text and the list goes on).
  const number = next === undefined ? undefined : NUMBERED_ITEM.exec(next)?.[1]
  if (marker === '-') return startsParagraph
  if (/^\d/.test(marker)) return !startsParagraph || number === undefined || Number(number) === 1
  return true
}

/** A blank line, also a quote's `>` alone. */
const isBlank = (line: string) => /^[ >]*$/.test(line)
