import type {State} from '../state.ts'
import type {Point} from './hast/scope.ts'
import {parsesBlockHtml, scanBlocks} from './kramdown-blocks.ts'
import {startsLazyEnd} from './tokens.ts'
import type {KramdownBlock} from './kramdown-blocks.ts'

/** A block the pre-pass took out of the markdown, with the text its offsets point into. */
export interface PreparedBlock {
  block: KramdownBlock
  /** The markdown text the block's offsets refer to. */
  text: string
  /** Where `text` starts in the page. */
  at: Point
  /** Columns taken off the start of each line of `text` after the first (a list item's indentation). */
  indent?: number
  /**
   * Blocks that start on this one's closing line, right where it ends
   * (`<div>Show</div><div class="answer">…`): one placeholder stands for them all, and they are
   * converted after it, in order.
   */
  following?: PreparedBlock[]
  /** Markdown after a one-line block (or the last of `following`) on its line, converted last. */
  tail?: {text: string; offset: number}
}

interface Registry {
  nonce: string
  blocks: PreparedBlock[]
}

const registries = new WeakMap<State, Registry>()

// A line that may start a kramdown definition (`html/kramdown-definitions.ts`).
const DEFINITION_MARKER = /^ {0,3}:[\t| ]/m

/** The start of the page body. */
const PAGE_START: Point = {line: 1, column: 1, offset: 0}

/**
 * Finds the blocks kramdown delimits differently from CommonMark (HTML blocks, which end at
 * their closing tag, and tables only kramdown accepts) and replaces each by an HTML comment of
 * as many lines, which remark reads as one block ending on that line. The blocks are kept in a
 * registry of the page for `preparedBlock`.
 */
export function prepareKramdownBlocks(
  text: string,
  state: State,
  at: Point = PAGE_START,
  indent = 0,
): string {
  if (
    !text.includes('<') &&
    !text.includes('|') &&
    !text.includes('$$') &&
    !DEFINITION_MARKER.test(text)
  ) {
    return text
  }
  const {blocks} = scanBlocks(text, 0, undefined, parsesBlockHtml(state.ctx.site))
  if (blocks.length === 0) return text
  let registry = registries.get(state)
  if (!registry) {
    // The nonce keeps a page's own comment from naming a block.
    registry = {nonce: Math.random().toString(36).slice(2, 10), blocks: []}
    registries.set(state, registry)
  }
  let out = ''
  let pos = 0
  for (let i = 0; i < blocks.length;) {
    const block = blocks[i++]!
    out += text.slice(pos, block.lineStart)
    const index = registry.blocks.length
    const entry: PreparedBlock = {block, text, at, ...(indent ? {indent} : {})}
    registry.blocks.push(entry)
    let last = block
    while (i < blocks.length && startsWhereEnds(text, last, blocks[i]!)) {
      last = blocks[i++]!
      ;(entry.following ??= []).push({block: last, text, at, ...(indent ? {indent} : {})})
    }
    const span = text.slice(block.lineStart, last.consumed)
    const margin = text.slice(block.lineStart, 'start' in block ? block.start : block.lineStart)
    const endsLists =
      block.kind === 'element' &&
      /^ {0,3}$/.test(margin) &&
      startsLazyEnd(text.slice(block.lineStart, lineEndAt(text, block.lineStart)))
    const open = `<!--kramdown-${registry.nonce}:${index}${endsLists ? ` ${ENDS_LISTS}${margin.length}` : ''}`
    const atLineEnd = span.endsWith('\n') || last.consumed >= text.length
    const lines = newlines(span.endsWith('\n') ? span.slice(0, -1) : span)
    if (atLineEnd && lines > 0 && !indent && margin === '' && afterOpenHtmlBlock(out)) {
      // CommonMark's HTML block of the lines before runs on to a blank line: a placeholder with
      // blank lines in it would be cut at the first. One closed on its first line ends that
      // block's text (see `trailingPlaceholder`); its other lines are blank.
      out += open + '-->' + '\n'.repeat(lines) + (span.endsWith('\n') ? '\n' : '')
      pos = last.consumed
    } else if (atLineEnd) {
      out += open + '\n'.repeat(lines) + '-->' + (span.endsWith('\n') ? '\n' : '')
      pos = last.consumed
    } else if (lines > 0) {
      // The rest of the closing line is markdown: it starts the line after the comment.
      out += open + '\n'.repeat(lines - 1) + '-->\n'
      pos = last.consumed
    } else {
      const lineEnd = text.indexOf('\n', last.consumed)
      const end = lineEnd === -1 ? text.length : lineEnd
      entry.tail = {text: text.slice(last.consumed, end), offset: last.consumed}
      out += open + '-->'
      pos = end
    }
  }
  return out + text.slice(pos)
}

/** A line CommonMark starts an HTML block with that ends only at a blank line (its kinds 6 and 7). */
const OPEN_HTML_LINE = /^ {0,3}<\/?[A-Za-z]/

/**
 * Whether the last lines of `out`, back to a blank line, are an HTML block for CommonMark that
 * runs on to the next blank line (`<br/>` or `<img …>` alone on its line, which kramdown reads as
 * a paragraph): it would take in the next line too.
 */
function afterOpenHtmlBlock(out: string): boolean {
  if (out === '' || !out.endsWith('\n')) return false
  const blank = out.lastIndexOf('\n\n', out.length - 2)
  const runStart = blank === -1 ? 0 : blank + 2
  if (runStart >= out.length - 1) return false
  return OPEN_HTML_LINE.test(out.slice(runStart, out.indexOf('\n', runStart)))
}

/**
 * An HTML block whose last line is a one-line placeholder (see `afterOpenHtmlBlock`): the HTML
 * before it, and the block the placeholder stands for. Undefined for any other HTML.
 */
export function trailingPlaceholder(
  value: string,
  state: State,
): {before: string; block: PreparedBlock} | undefined {
  const registry = registries.get(state)
  if (!registry) return undefined
  const at = value.lastIndexOf(`\n<!--kramdown-${registry.nonce}:`)
  if (at === -1 || !value.trimEnd().endsWith('-->')) return undefined
  const block = preparedBlock(value.slice(at + 1), state)
  return block && {before: value.slice(0, at), block}
}

/**
 * Whether `next` starts on `block`'s closing line, right where it ends: kramdown reads it as the
 * next HTML block, and a placeholder of its own there would end the one before it too soon.
 */
function startsWhereEnds(text: string, block: KramdownBlock, next: KramdownBlock): boolean {
  return next.lineStart === block.consumed && text[block.consumed - 1] !== '\n'
}

/** Where the line holding `offset` ends (its newline, or the end of the text). */
function lineEndAt(text: string, offset: number): number {
  const end = text.indexOf('\n', offset)
  return end === -1 ? text.length : end
}

/** What marks the placeholder of an element that ends lists, and its tag's column. */
const ENDS_LISTS = 'ends-lists-at-'

const LIST_ENDING = new RegExp(`^<!--kramdown-[a-z0-9]+:\\d+ ${ENDS_LISTS}(\\d)`)

/**
 * The column its start tag was at when `line` is the placeholder of an HTML element that
 * kramdown reads as no lazy line of a list item (`<div markdown="1">` right under an item's
 * line): the lists it is not inside end there (`list-nesting.ts`). Undefined for any other line.
 */
export function listEndingColumn(line: string): number | undefined {
  const column = LIST_ENDING.exec(line)?.[1]
  return column === undefined ? undefined : Number(column)
}

/** The block a placeholder comment stands for, or undefined for any other HTML. */
export function preparedBlock(value: string, state: State): PreparedBlock | undefined {
  const registry = registries.get(state)
  if (!registry) return undefined
  const prefix = `<!--kramdown-${registry.nonce}:`
  if (!value.startsWith(prefix)) return undefined
  return registry.blocks[Number.parseInt(value.slice(prefix.length), 10)]
}

/** The page point of `offset` in a prepared block's text. */
export function pointIn(entry: {text: string; at: Point; indent?: number}, offset: number): Point {
  const before = entry.text.slice(0, offset)
  const line = newlines(before)
  const column = offset - (before.lastIndexOf('\n') + 1) + 1
  return {
    line: entry.at.line + line,
    column: line === 0 ? entry.at.column + column - 1 : column + (entry.indent ?? 0),
    offset: entry.at.offset + offset,
  }
}

function newlines(text: string): number {
  let count = 0
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++
  return count
}
