/**
 * kramdown's list nesting, written so CommonMark reads the same structure. Before parsing, list
 * item lines whose place kramdown and CommonMark disagree on are re-indented (spaces added at
 * the line start, so every line keeps its number) or given their list's bullet:
 *
 * - A list marker right after a line of an item (no blank line between) that is neither a
 *   sibling of that item nor indented to its content is a lazy line of that item for kramdown
 *   (`parser/kramdown/list.rb`), and GFM's paragraphs end at a list marker, so it starts a list
 *   nested in the item. CommonMark ends the item there and starts a new list:
 *
 *   ```
 *   1. Step
 *     - detail      ← kramdown: inside step 1; CommonMark: a new list after it
 *   2. Next step    ← kramdown: 2; CommonMark: a new list starting at 2
 *   ```
 *
 * - `-`, `*` and `+` items are one list for kramdown; CommonMark starts a new list at each
 *   change of bullet character.
 * - A thematic break after a blank line ends every open list for kramdown, however it is
 *   indented; it is moved to column 0 (the one change that removes spaces).
 * - A block attribute list line (`{:toc}` under `1. TOC`) ends the lists it is not inside: the
 *   heading after it is not a lazy line of their last item.
 * - A heading outside any list must start at column 0 for kramdown: an indented one (`  ## x`)
 *   is paragraph text, so its `#` is escaped. In a list, at the column of the item's text once
 *   each open item took its indentation off the line (`kramdownIndent`), or at the margin.
 * - A line of text right after a fenced block in an item, indented less than the item's text, is
 *   a lazy line of the item for kramdown; CommonMark has no paragraph to continue there and ends
 *   the list, so the next step starts a list of its own. So is one right under a table's rows
 *   (`![The form](form.png)` at the margin under a step's table). It is moved into the item,
 *   unless it starts with a tag of an element that is not a span element, which ends the list
 *   for both.
 * - The same holds for an HTML block the pre-pass took out (`html/prepare.ts`): its placeholder,
 *   at the margin right under an item's line, ends every list (`listEndingColumn`).
 * - A numbered line right under a line of text starts a list for kramdown, whose paragraphs end
 *   at any numbered item; CommonMark lets a list interrupt text only from 1. The first item of
 *   such a list (and of one a lazy line opens) is written `1.`: kramdown numbers every list from
 *   1. Not inside a formula that opens a block, nor in HTML (a line that starts with a tag, up to
 *   a blank line), where the line is the formula's or the HTML's text.
 *
 * A quote outside any list is a text of its own: the lines after its `>` markers are nested
 * the same way. Fenced code is left alone, unless its fence is a lazy line of an item (a fence
 * at the margin right under `- Step:`): kramdown takes the item's indentation off its lines
 * that have it, so they are placed to keep what kramdown keeps, which may remove spaces. In a
 * list, a line indented with tabs is read with its tabs as spaces to the next tab stop; a tab
 * after a list marker is written as the spaces it advances to, which places the item's text.
 * Outside any list, a line indented four columns or more (spaces or tabs) is indented code or
 * text of a paragraph: it is left as written, and no marker, fence or quote in it is read.
 */

import {TABLE_LINE} from './html/kramdown-table.ts'
import {listEndingColumn} from './html/prepare.ts'
import {startsLazyEnd} from './html/tokens.ts'
import {IAL_BLOCK_LINE, listIalLine} from './ial.ts'
import {fenceCloser} from './fences.ts'
import {oddDollarRuns} from './math-text.ts'
import {columnAfter, expandLeadingTabs} from './tabs.ts'

interface OpenItem {
  /** The column the item's list starts at: its parent item's content column, or 0 (or up to
   * 3 columns left of the list's first marker when that is further right). */
  base: number
  /** The column of the item's content (CommonMark's rule: marker, then 1–4 spaces). */
  content: number
  ordered: boolean
  /** The bullet character of the item's list (`-`, `*`, `+`), for unordered lists. */
  bullet?: string
  /**
   * Whether kramdown has found a list (or a blank line) in the item's own lines: from then on
   * it moves a lazy list line in (`nested_list_found` in list.rb).
   */
  nested?: boolean
  /** Whether the item's line was moved right, into the item it is a lazy line of. */
  moved?: boolean
}

// A marker with nothing after it, not even a space, starts no item for kramdown: text (see
// kramdown-lines.ts).
const MARKER = /^( *)([-+*]|\d{1,9}\.)( +)/
const THEMATIC_BREAK = /^ {0,3}([-*_])(?: *\1){2,} *$/
const FENCE = /^ *(`{3,}|~{3,})/
// A fence's info string holds no backtick: ```` ```nav_order:``` places … ```` is a code span.
const ITEM_FENCE = /^(?:(`{3,})[^`]*|(~{3,}).*)$/
const BLOCK_START = /^ *(?:>|#{1,6}(?:[ \t]|$)|<!--)/
const HEADING_LINE = /^ *#{1,6}(?:[ \t]|$)/

/**
 * Quotes in quotes whose lists are nested; deeper ones are left as written (the page's nesting
 * limit refuses far less deep pages, after this pass).
 */
const MAX_QUOTES = 32

/** A quote's line: the spaces before its `>`. */
const QUOTE = /^( *)>/
/** A line kramdown and CommonMark read a quote's `>` on, however indented the quote before. */
const QUOTE_MARKER = /^ {0,3}>/

/**
 * The index after the last line of the quote starting at `from`: the lines whose `>` follows
 * the same spaces, and outside a list the lines without `>` after them up to a blank line,
 * which kramdown reads as the quote's too (its lazy lines end only at a blank line, an attribute
 * list, `^` or a block tag; CommonMark continues only a paragraph with them, so a line after
 * `>` alone or one that starts a list or a heading left the quote). Those are written with the
 * quote's `>`, which changes what they read as to CommonMark alone. In a list (`inList`), a
 * line's leading tabs count as the spaces they advance to, and are written as them.
 */
function quoteEnd(
  lines: string[],
  from: number,
  spaces: string,
  inList: boolean,
): {end: number; lazy: boolean} {
  let end = from + 1
  let lazy = false
  // Whether a formula (`$$`) is open: its lines are TeX, left to the pass over the page's lines.
  let formula = oddDollarRuns(lines[from]!)
  for (; end < lines.length; end++) {
    const line = inList ? expandLeadingTabs(lines[end]!) : lines[end]!
    const toggles = oddDollarRuns(line)
    if (line.startsWith(`${spaces}>`)) lines[end] = line
    else if (!inList && !formula && !QUOTE_MARKER.test(line) && lazyQuoteLine(line)) {
      lines[end] = `${spaces}> ${line}`
      lazy = true
    } else break
    formula = formula !== toggles
  }
  return {end, lazy}
}

/** A quote's line, then a line of text without `>` (that may be a lazy line of the quote). */
const LAZY_QUOTE_LINE = /^ *>.*\n(?! *>)[ \t]*\S/m
/** A quote's line inside a quote, then a line (that may be a lazy line of the inner quote). */
const NESTED_QUOTE_LINE = /^ *>[ \t]*>.*\n/m

/** A line kramdown's quote runs on over without a `>` (its `LAZY_END` ends it otherwise). */
function lazyQuoteLine(line: string): boolean {
  return (
    line.trim() !== '' &&
    !IAL_BLOCK_LINE.test(line) &&
    !/^\^\s*$/.test(line) &&
    !startsLazyEnd(line)
  )
}

/**
 * Nests the lists inside the quote on lines `from`–`end` (exclusive, `>` at column `at`) in
 * place: the text after each `>` and the one space that belongs to it. Whether any moved.
 */
function nestInQuote(
  lines: string[],
  from: number,
  end: number,
  at: number,
  depth: number,
): boolean {
  const markers = lines
    .slice(from, end)
    .map((line) => line.slice(0, at + (line[at + 1] === ' ' ? 2 : 1)))
  const text = lines
    .slice(from, end)
    .map((line, i) => line.slice(markers[i]!.length))
    .join('\n')
  const nested = kramdownListNesting(text, depth)
  if (nested === text) return false
  nested.split('\n').forEach((line, i) => (lines[from + i] = markers[i] + line))
  return true
}

/**
 * What kramdown keeps of a line's indentation in the open items (`parser/kramdown/list.rb`):
 * each item, from the outermost, takes its own indentation off a line that has that many spaces
 * left, and leaves a line with fewer as it is. A fenced block keeps the rest: its code is not
 * un-indented to its fence, as CommonMark's is.
 */
function kramdownIndent(stack: readonly OpenItem[], spaces: number): number {
  for (const item of stack)
    if (spaces >= item.content - item.base) spaces -= item.content - item.base
  return spaces
}

/**
 * The indentation (spaces and tabs) kramdown keeps of a lazy line's `blanks` in the open items,
 * as {@link kramdownIndent} but with tabs: an item takes its indentation off a line that starts
 * with that many spaces, leaving any tab after them; a line that starts with a tab is first
 * read with its indentation as the spaces its tabs advance to (stops of four columns); any
 * other line is left as it is.
 */
function kramdownBlanks(stack: readonly OpenItem[], blanks: string): string {
  for (const item of stack) {
    const take = item.content - item.base
    if (blanks.startsWith('\t')) blanks = ' '.repeat(columnAfter(blanks, 0))
    if (blanks.startsWith(' '.repeat(take))) blanks = blanks.slice(take)
  }
  return blanks
}

/** `line` placed `column` columns in, with what kramdown keeps of its indentation after that. */
function placeRightOf(column: number, line: string, stack: readonly OpenItem[]): string {
  const text = line.trimStart()
  return ' '.repeat(column) + kramdownBlanks(stack, line.slice(0, line.length - text.length)) + text
}

/**
 * Whether `line`, in a fence that opened `fenceIndent` columns in, is a lazy line of the item
 * holding the fence: the fence is inside the innermost open item, and the line is no marker
 * and is indented less than that item's text (tabs to stops of four columns).
 */
function inItemFence(stack: readonly OpenItem[], fenceIndent: number, line: string): boolean {
  const item = stack.at(-1)
  if (!item || fenceIndent < item.content || !/\S/.test(line)) return false
  const expanded = expandLeadingTabs(line)
  const indent = expanded.length - expanded.trimStart().length
  return indent < item.content && !MARKER.test(expanded)
}

/** The text with list lines moved to where kramdown nests them (same lines, same order). */
export function kramdownListNesting(text: string, quotes = 0): string {
  if (
    !/^(?: *>)*(?: *(?:[-+*]|\d{1,9}\.)[ \t]| {1,3}#{1,6}[ \t])/m.test(text) &&
    !LAZY_QUOTE_LINE.test(text) &&
    !NESTED_QUOTE_LINE.test(text)
  )
    return text
  const lines = text.split('\n')
  const closedFence = fenceCloser(lines)
  const stack: OpenItem[] = []
  let blank = true
  let fence: string | undefined
  // The opening fence's line and its indentation before this pass moved it; once its line is
  // placed, where it went and where its item's text starts, when it moved into an item (null:
  // it did not).
  let fenceLine = 0
  let fenceIndent = 0
  let lazyFence: {moved: number; content: number} | null | undefined
  // Lines after one moved into an item, up to a blank line, move with it (kramdown's lazy run).
  let run: number | undefined
  // The line before closed a fenced block: CommonMark continues no paragraph after it.
  let afterFence = false
  // The line before, in an item, was a table's (one with a pipe): nor after a GFM table's rows.
  let afterTable = false
  // Whether the lines are inside a formula that opened a block, or HTML (see below).
  let display = false
  let html = false
  let changed = false
  // The lines of a quote whose lists are nested already, up to this index.
  let quoted = 0
  const shift = (n: number, by: number) => {
    if (by <= 0) return
    lines[n] = ' '.repeat(by) + lines[n]
    changed = true
  }
  for (let n = 0; n < lines.length; n++) {
    let line = lines[n]!
    if (fence !== undefined) {
      // In a list a tab advances to the next multiple of four columns, in a fence's lines too:
      // a closing fence indented with a tab closes it.
      const close = FENCE.exec(stack.length > 0 ? expandLeadingTabs(line) : line)?.[1]
      const closes = close !== undefined && close[0] === fence[0] && close.length >= fence.length
      if (lazyFence === undefined) {
        const moved = lines[fenceLine]!.length - lines[fenceLine]!.trimStart().length
        lazyFence =
          moved > fenceIndent ? {moved, content: moved - kramdownIndent(stack, fenceIndent)} : null
      }
      if (lazyFence && /^[ \t]*\S/.test(line)) {
        // A fence moved into an item (a lazy line for kramdown): each line is placed what
        // kramdown keeps of its indentation (see `kramdownIndent`) right of the item's text,
        // as blocks/code.ts then reads a fence's lines; the closing fence where the opening one
        // is.
        const placed = closes
          ? ' '.repeat(lazyFence.moved) + line.trimStart()
          : placeRightOf(lazyFence.content, line, stack)
        changed ||= placed !== line
        lines[n] = placed
      } else if (run !== undefined && line.trim() !== '') shift(n, run)
      else if (inItemFence(stack, fenceIndent, line)) {
        // A line of a fence inside an item, indented less than the item's text, and no list
        // marker: a lazy line of the item for kramdown, which keeps what indentation it has (a
        // closing fence two columns in still closes the fence); CommonMark would end the item
        // there, and the fence with it. It is placed right of the item's text.
        lines[n] = placeRightOf(stack.at(-1)!.content, line, stack)
        changed = true
      }
      if (closes) fence = undefined
      afterFence = closes
      continue
    }
    const fenceBefore = afterFence
    afterFence = false
    const tableBefore = afterTable
    afterTable = stack.length > 0 && line.includes('|') && TABLE_LINE.test(line.trimStart())
    if (line.trim() === '') {
      blank = true
      display = html = false
      run = undefined
      for (const item of stack) item.nested = true
      continue
    }
    // A formula that opens a block (`$$` first on a line after a blank one) runs to the line
    // that closes it: the lines between are TeX, whatever they start with.
    const inFormula = display
    if (oddDollarRuns(line)) display = !display && blank && /^[ >]*\$\$/.test(line)
    // A line that starts with a tag starts HTML, whose lines up to a blank one are the HTML's
    // text for CommonMark (`<div class="answer"><p>` over `768. This is obtained …`): kramdown
    // reads an element's content raw too.
    html ||= /^[ \t>]*<[A-Za-z/!?]/.test(line)
    const inHtml = html
    if (stack.length === 0 && columnAfter(/^[ \t]*/.exec(line)![0], 0) >= 4) {
      // Outside any list, a line indented four columns is code (or text of the paragraph it
      // follows) for kramdown and CommonMark alike: no marker, fence or quote in it is one.
      blank = false
      run = undefined
      continue
    }
    if (stack.length > 0 && /^[ ]*\t/.test(line)) {
      // In a list a tab advances to the next multiple of four columns, for kramdown and
      // CommonMark alike: written as those spaces, the line can be placed as any other.
      line = lines[n] = expandLeadingTabs(line)
      changed = true
    }
    // A marker indented four columns past the text it could nest in starts code, which keeps
    // its tabs.
    const code = line.length - line.trimStart().length >= (stack.at(-1)?.content ?? 0) + 4
    const expanded = code ? line : expandMarkerTabs(line)
    if (expanded !== line) {
      line = lines[n] = expanded
      changed = true
    }
    const quote = n >= quoted && quotes < MAX_QUOTES ? QUOTE.exec(line) : null
    if (quote && quote[1]!.length < (stack.at(-1)?.content ?? 0) + 4) {
      // A quote's lines hold a text of their own: its lists nest as the page's do. Outside any
      // list its lines are done; in an item they are then placed as any other line.
      const end = quoteEnd(lines, n, quote[1]!, stack.length > 0)
      quoted = end.end
      changed = nestInQuote(lines, n, quoted, quote[1]!.length, quotes + 1) || end.lazy || changed
      line = lines[n]!
      if (stack.length === 0) {
        n = quoted - 1
        blank = false
        run = undefined
        continue
      }
    }
    // A fence no later line closes opens nothing for kramdown: its line is text (blocks/code.ts).
    const opened = closedFence(FENCE.exec(line)?.[1], n)
    const indent = line.length - line.trimStart().length
    if (blank && stack.length > 0 && THEMATIC_BREAK.test(line)) {
      // kramdown ends every open list at a rule after a blank line, however it is indented
      // (`list.rb`); CommonMark keeps an indented one in the item. It moves to column 0.
      if (indent > 0) lines[n] = line.trimStart()
      changed ||= indent > 0
      stack.length = 0
      blank = false
      run = undefined
      continue
    }
    const element = stack.length > 0 ? listEndingColumn(line) : undefined
    if (element !== undefined && element < stack[0]!.content) {
      // An HTML block's start tag (`<div markdown="1">` right under an item's line) is no lazy
      // line for kramdown: every list ends there. Its placeholder stays at the margin, where
      // CommonMark ends them too (a comment interrupts a paragraph).
      stack.length = 0
      blank = false
      run = undefined
      continue
    }
    if (stack.length > 0 && indent < stack.at(-1)!.content && IAL_BLOCK_LINE.test(line)) {
      // A block attribute list is never a lazy line for kramdown: it applies to the list
      // (`1. TOC` then `{:toc}`), which ends there, with every list it is not inside. One that
      // only styles the list (a class, an id) ends it for CommonMark too (see `listIalLine`): the
      // text under it is a paragraph after the list.
      if (!blank && !/\btoc\b|\bstart\s*=/.test(line)) {
        lines[n] = listIalLine(line)
        changed = true
      }
      while (stack.length > 0 && stack.at(-1)!.content > indent) stack.pop()
      blank = false
      run = undefined
      continue
    }
    if (!inFormula && !inHtml && HEADING_LINE.test(line)) {
      // kramdown's headings start at the line's first column, in an item at the first column of
      // its text once each open item took its indentation off the line (a lazy line keeps its
      // own): an indented one (`  ## x`, `   ### RESULT` under `11. Click Save.`) is text.
      const kept = kramdownIndent(stack, indent)
      if (kept > 0 && kept < 4) {
        line = lines[n] = line.replace('#', '\\#')
        changed = true
      }
    }
    // A marker four columns past the text it could nest in is none: code, or text of a paragraph.
    const match = THEMATIC_BREAK.test(line) || code ? null : MARKER.exec(line)
    // GFM paragraphs end at these, so a lazy one starts a block inside the item (an HTML
    // comment too: it is a lazy line for kramdown, `<!-- 3. Old step -->` between two steps).
    // After a fenced block there is no paragraph to continue: a lazy line of text for kramdown
    // (`{% include copy.html %}` two columns in, under a step's code) ends the list for
    // CommonMark, and the next step would start a list of its own. An HTML block's tag is no
    // lazy line for kramdown either: it ends the list for both.
    const blockStart =
      !match &&
      (BLOCK_START.test(line) ||
        opened !== undefined ||
        ((fenceBefore || tableBefore) && !startsLazyEnd(line)))
    const afterText = !blank && !fenceBefore && !inFormula && !inHtml
    const placed = place(stack, indent, match, blank, blockStart)
    blank = false
    if (opened) [fence, fenceLine, fenceIndent, lazyFence] = [opened, n, indent, undefined]
    else if (match) {
      // A fence right after the marker (`1. ```` `) opens in the item's text: its lines are the
      // code's up to the closing fence, which must not be read as opening another.
      const found = ITEM_FENCE.exec(line.slice(match[0].length))
      const inItem = found?.[1] ?? found?.[2]
      if (inItem) [fence, fenceLine, fenceIndent, lazyFence] = [inItem, n, match[0].length, null]
    }
    if (!placed) {
      if (run !== undefined && !match) shift(n, run)
      continue
    }
    if (placed.text && match) {
      // `  - Relying on …` under an item's nested list: text of the paragraph before it.
      const at = indent + match[2].length - 1
      lines[n] = `${line.slice(0, at)}\\${line.slice(at)}`
      changed = true
      continue
    }
    const starts = placed.pushedIn || (afterText && !placed.sibling)
    if (match && starts && /^\d+\.$/.test(match[2])) {
      // A numbered line right under a line of text (`**Bad example**` over `5. Wait …`), or a
      // lazy one kramdown moved in, starts a list there for kramdown, under an item's text too:
      // CommonMark lets a numbered list interrupt text only from 1 (`5.` would be more of the
      // text), and kramdown numbers every list from 1 anyway.
      const number = match[2].slice(0, -1)
      if (number !== '1') {
        lines[n] = `${line.slice(0, indent)}1.${line.slice(indent + match[2].length)}`
        changed = true
      }
    }
    run = placed.indent > indent ? placed.indent - indent : undefined
    shift(n, placed.indent - indent)
    if (match && placed.bullet && placed.bullet !== match[2]) {
      const at = placed.indent
      lines[n] = lines[n].slice(0, at) + placed.bullet + lines[n].slice(at + 1)
      changed = true
    }
  }
  return changed ? lines.join('\n') : text
}

/** A list marker followed by blanks of which one is a tab (`1.<tab>Edge-triggered`). */
const MARKER_TAB = /^( *(?:[-+*]|\d{1,9}\.))( *\t[ \t]*)/

/**
 * A list item's line with the tabs after its marker written as the spaces they advance to (tab
 * stops of four columns), as kramdown reads them: `1.<tab>Step` is `1.  Step`, whose text starts
 * at column 4 for nesting the lines under it.
 */
function expandMarkerTabs(line: string): string {
  const match = MARKER_TAB.exec(line)
  if (!match) return line
  const marker = match[1]!
  const spaces = columnAfter(match[2]!, marker.length) - marker.length
  return marker + ' '.repeat(spaces) + line.slice(match[0].length)
}

/**
 * Walks the open items from the outermost to find where a line belongs, truncating the stack
 * to its container; for a list marker, pushes its item and returns the column and bullet it
 * must have for CommonMark to read kramdown's structure.
 */
function place(
  stack: OpenItem[],
  indent: number,
  marker: RegExpExecArray | null,
  afterBlank: boolean,
  blockStart = false,
):
  | {indent: number; bullet?: string; text?: boolean; pushedIn?: boolean; sibling?: boolean}
  | undefined {
  const ordered = marker ? /\d/.test(marker[2]) : false
  let column = indent
  let depth = stack.length
  let sibling: OpenItem | undefined
  let pushedIn = false
  // The item of the list that lazy lines opened, when this marker ends that list (see below).
  let lazyList: OpenItem | undefined
  for (let level = 0; level < stack.length; level++) {
    const item = stack[level]
    if (
      marker &&
      item.ordered === ordered &&
      column >= item.base &&
      column - item.base <= 3 &&
      column < item.content
    ) {
      depth = level
      sibling = item
      break
    }
    if (column >= item.content) {
      // A list line among the item's own lines: a list the item holds. The first one (no list
      // or blank line in the item's lines before it) starts a new part of the item, parsed on
      // its own (`item.value << ''` in list.rb): the lists its lazy lines opened end there.
      if (marker && column - item.content <= 3) {
        if (!item.nested) {
          lazyList = stack[level + 1]
          stack.length = depth = level + 1
        }
        item.nested = true
      }
      continue
    }
    if (afterBlank) {
      depth = level
      break
    }
    // A paragraph's lazy continuation line changes nothing.
    if (!marker && !blockStart) return undefined
    // kramdown keeps a lazy line's indentation relative to the item's own container; once the
    // item holds a list of its own, it moves a lazy list line in by the item's indentation and
    // four more (list.rb), which leaves no list marker: the line is text.
    const nested = marker !== null && item.nested === true
    column += (item.content - item.base) * (nested ? 2 : 1) + (nested ? 4 : 0)
    pushedIn ||= nested
  }
  stack.length = depth
  if (!marker) return blockStart && column > indent ? {indent: column} : undefined
  if (pushedIn && column - (stack.at(-1)?.content ?? 0) >= 4) return {indent, text: true}
  // A list's siblings may sit up to 3 columns left of its first item; a container this walk
  // does not track (a definition) can indent the whole list.
  const container = depth > 0 ? stack[depth - 1].content : 0
  const base = sibling?.base ?? Math.max(container, column - 3)
  const spaces = marker[3].length
  const width = marker[2].length + (spaces === 0 || spaces > 4 ? 1 : spaces)
  // An item whose first line is empty (`2. ` over its steps) holds what is indented four columns
  // past its list's container for kramdown (list.rb), where CommonMark's text starts one column
  // past the marker: `   1. Select` under `2. ` is its sibling for kramdown. The marker moves
  // right so CommonMark agrees, as far as a marker may (3 columns past the container) and not
  // into the text of the item before it (CommonMark would nest it there).
  const empty = marker.input.slice(marker[0].length).trim() === ''
  const room = Math.min(container + 3, (sibling?.content ?? Infinity) - 1) - column
  const lead = empty
    ? Math.max(0, Math.min(container + 4 - (column + marker[2].length + 1), room))
    : 0
  let bullet = ordered ? undefined : (sibling?.bullet ?? marker[2])
  // CommonMark would read the item as one more of the list the lazy lines opened, which kramdown
  // has ended: written with another bullet, it starts a list of its own there too.
  if (bullet && lazyList?.moved && lazyList.bullet === bullet && column < lazyList.content)
    bullet = bullet === '-' ? '*' : '-'
  stack.push({
    base,
    content: empty ? container + 4 : column + width,
    ordered,
    ...(bullet ? {bullet} : {}),
    ...(column + lead > indent ? {moved: true} : {}),
  })
  return {
    indent: column + lead,
    ...(bullet ? {bullet} : {}),
    ...(pushedIn ? {pushedIn} : {}),
    ...(sibling ? {sibling: true} : {}),
  }
}
