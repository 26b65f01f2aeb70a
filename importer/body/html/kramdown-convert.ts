import type {Html} from 'mdast'

import {kramdownDefinitionList} from '../blocks/definition-list.ts'
import {richInline} from '../blocks/rich-inline.ts'
import {tableBlock} from '../blocks/table.ts'
import {reportNotLast, takeNavigation} from '../blocks/navigation.ts'
import type {Item, TextBlock} from '../blocks/text-block.ts'
import {headingText} from '../../../schemas/headingText.ts'
import {isTextBlock} from '../blocks/text-block.ts'
import type {Walk} from '../blocks/walk.ts'
import {applyIal, isCalloutClass} from '../ial.ts'
import {BLOCK_TYPES, STYLE} from '../names.ts'
import {PARAGRAPH_MARK, removeParagraphMark} from '../paragraph-mark.ts'
import {parseMarkdown} from '../parse.ts'
import {closeQuote} from '../blocks/blockquote.ts'
import {mathBlock} from '../blocks/math.ts'
import {plainLine, toSectionBody, toTitleText} from '../rich-text.ts'
import type {State} from '../state.ts'
import {convertInElement, convertWithin, isNested, isTextOnly, report} from '../state.ts'
import {convertHtml} from './hast/index.ts'
import type {Point} from './hast/scope.ts'
import {htmlBlockAt, parsesBlockHtml} from './kramdown-blocks.ts'
import type {HtmlExtent} from './kramdown-blocks.ts'
import type {KramdownTable} from './kramdown-table.ts'
import {convertMarkdownAt, shiftLines} from './markdown.ts'
import {isNavButtons} from './next-link.ts'
import type {PreparedBlock} from './prepare.ts'
import {pointIn} from './prepare.ts'

/**
 * Converts a block the pre-pass took out: an HTML comment (dropped), a kramdown-only table, a
 * formula over blank lines, or
 * an HTML element: its HTML through the HTML parser, or its `markdown="1"` content as markdown.
 * The blocks that follow it on its closing line, then the markdown after them, follow it.
 */
export function convertPrepared(entry: PreparedBlock, node: Html, state: State, walk: Walk): void {
  const group = [entry, ...(entry.following ?? [])]
  for (const each of group) convertOne(each, node, state, walk)
  // A comment before other blocks on its line does not leave their placeholder empty.
  if (group.length > 1 && group.some((each) => each.block.kind !== 'comment'))
    walk.transparent = false
  if (entry.tail) {
    convertMarkdownAt(
      entry.tail.text,
      pointIn(entry, entry.tail.offset),
      state,
      walk.out,
      walk.list,
    )
  }
}

function convertOne(entry: PreparedBlock, node: Html, state: State, walk: Walk): void {
  const {block} = entry
  if (block.kind === 'comment') {
    walk.transparent = true
    report(state, 'info', 'html-comment', node, 'Dropped an HTML comment.')
  } else if (block.kind === 'table') {
    kramdownTable(block, state, walk, (offset) => pointIn(entry, offset))
  } else if (block.kind === 'math') mathBlock(block.tex, walk)
  else if (block.kind === 'definitions') kramdownDefinitionList(entry, block, node, state, walk)
  else element(entry, block, node, state, walk)
}

/**
 * Elements a browser shows something else in place of: the page an `<iframe>` embeds (the
 * content, markdown read or not, is only for browsers without frames). They convert as HTML
 * does (an `<iframe>` becomes an embed) whatever their content model.
 */
const EMBEDDING = new Set(['iframe', 'object', 'applet'])

function element(
  entry: PreparedBlock,
  block: HtmlExtent,
  node: Html,
  state: State,
  walk: Walk,
): void {
  const html = entry.text.slice(block.start, block.end)
  const name = block.tag?.name ?? 'html'
  if (!block.closed) {
    report(
      state,
      'warning',
      'unclosed-html',
      node,
      `The <${name}> element is never closed: kramdown reads the rest of the page as its content, and so does the importer.`,
      `Close it with </${name}>.`,
    )
  }
  if (isNavButtons(html) && !isNested(state)) return navigationBlock(html, entry, node, state, walk)
  if (!block.content || block.model === 'raw' || EMBEDDING.has(name)) {
    return convertHtml(html, pointIn(entry, block.start), state, walk, (text, at, into) =>
      convertMarkdownAt(text, at, state, into.out, into.list),
    )
  }
  const content = entry.text.slice(block.content.start, block.content.end)
  const at = pointIn(entry, block.content.start)
  const handler = markdownElements[name] ?? (block.model === 'span' ? spanElement : wrapper)
  convertInElement(state, () => handler(block, content, at, node, state, walk))
}

type MarkdownElement = (
  block: HtmlExtent,
  content: string,
  at: Point,
  node: Html,
  state: State,
  walk: Walk,
) => void

const wrapper: MarkdownElement = (block, content, at, node, state, walk) => {
  report(
    state,
    'info',
    'html-wrapper-dropped',
    node,
    `Dropped the <${block.tag?.name}> wrapper and converted the markdown inside it.`,
  )
  const start = walk.out.length
  convertMarkdownAt(content, at, state, walk.out, walk.list)
  const classes = classesOf(block)
  if (classes.length > 0) applyIal(classes, walk.out, start, node, state)
}

/** The classes of an HTML block's opening tag. */
const classesOf = (block: HtmlExtent): string[] =>
  (block.tag?.attributes.class ?? '').split(/\s+/).filter(Boolean)

// `<p markdown="1">`, `<h2 markdown="1">`: the content is one paragraph (heading) of markdown text.
const spanElement: MarkdownElement = (block, content, at, _node, state, walk) => {
  const start = walk.out.length
  convertMarkdownAt(content, at, state, walk.out, walk.list)
  const depth = /^h([1-6])$/.exec(block.tag?.name ?? '')?.[1]
  if (!depth || isTextOnly(state)) return
  for (const item of walk.out.slice(start)) {
    if (!isTextBlock(item)) continue
    item.style = STYLE.heading(Number(depth))
    // An HTML heading, even with markdown="1", is not in kramdown's table of contents.
    state.noTocHeadings.push(headingText(item))
  }
}

function sectionMarkdown(content: string, at: Point, node: Html, state: State): Item[] {
  return convertWithin(state, 'section', () => {
    const out: Item[] = []
    convertMarkdownAt(content, at, state, out)
    return toSectionBody(out, state, node)
  })
}

/**
 * What `convert` makes of an element's content, read as one line of rich text, as a summary
 * holds it: its markdown (`<summary markdown="block">` over `**Hint 1**`: "Hint 1" in bold), or
 * the HTML kramdown keeps in it (`<summary>Fields: <code>config</code></summary>`).
 */
export function lineOf(state: State, convert: (out: Item[]) => void): TextBlock[] {
  return toTitleText(
    convertWithin(state, 'text', () => {
      const out: Item[] = []
      convert(out)
      return out
    }),
  )
}

const markdownElements: Record<string, MarkdownElement> = {
  details: (_block, content, at, node, state, walk) => {
    // kramdown reads the `<summary>` line inside as an HTML block of its own.
    const first = content.search(/\S/)
    const summaryBlock =
      first !== -1 ? htmlBlockAt(content, first, first, parsesBlockHtml(state.ctx.site)) : undefined
    let summary: TextBlock[] = []
    let rest = content
    let restAt = at
    let overflow: {text: string; at: Point} | undefined
    if (summaryBlock?.tag?.name === 'summary') {
      const inner = summaryBlock.content
      let line = inner ? content.slice(inner.start, inner.end) : ''
      const blank = summaryBlock.model !== 'raw' ? firstBlankLine(line) : -1
      if (inner && blank !== -1) {
        overflow = {
          text: strayClosingsAsText(line.slice(blank)),
          at: pointIn({text: content, at}, inner.start + blank),
        }
        line = line.slice(0, blank)
      }
      summary = lineOf(state, (out) =>
        summaryBlock.model !== 'raw' && inner
          ? convertMarkdownAt(line, pointIn({text: content, at}, inner.start), state, out)
          : convertHtml(
              content.slice(first, summaryBlock.end),
              pointIn({text: content, at}, first),
              state,
              {nodes: [], index: 0, out, topLevel: false},
            ),
      )
      rest = content.slice(summaryBlock.consumed)
      restAt = pointIn({text: content, at}, summaryBlock.consumed)
    }
    walk.out.push(
      detailsBlock(summary, () => sectionMarkdown(rest, restAt, node, state), node, state),
    )
    if (overflow) {
      // `<summary markdown="1">` over `` `job.yml`</summary> ``: kramdown finds no end of the
      // summary on its first line and shows everything up to the next `</summary>` in it,
      // always visible. Its first paragraph is the summary; the blocks after it stay visible
      // after the section instead of being squeezed into one line.
      report(
        state,
        'warning',
        'details-summary-blocks',
        node,
        'The <summary> holds more than one paragraph: kramdown shows them all in the summary, always visible. Kept its first paragraph as the summary and the rest after the collapsible section.',
        'Write </summary> on a line of its own, right after the summary text.',
      )
      convertMarkdownAt(overflow.text, overflow.at, state, walk.out, walk.list)
    }
  },
  blockquote: (block, content, at, node, state, walk) => {
    const start = walk.out.length
    convertMarkdownAt(content, at, state, walk.out, walk.list)
    closeQuote(walk.out, start, state, walk.list, node)
    // `<blockquote class="important" markdown="1">` is the callout just-the-docs styles, as
    // `{: .important }` on a `>` quote is; its other classes style what the model does not keep.
    const callouts = classesOf(block).filter((name) => isCalloutClass(name, state))
    if (callouts.length > 0) applyIal(callouts, walk.out, start, node, state)
  },
}

/**
 * Where the first blank line of a summary's markdown starts, after its first paragraph and
 * before more text (-1 for none, or when that paragraph opens a code fence, which may hold blank
 * lines).
 */
function firstBlankLine(markdown: string): number {
  const text = markdown.search(/\S/)
  if (text === -1) return -1
  const blank = /\n[ \t]*\n/g
  blank.lastIndex = text
  const found = blank.exec(markdown)
  if (!found || markdown.slice(found.index).trim() === '') return -1
  if (/^[ \t]*(?:`{3,}|~{3,})/m.test(markdown.slice(text, found.index))) return -1
  return found.index + 1
}

/**
 * `markdown` with each line that is only a closing tag closing nothing before it written as text
 * (`&lt;/details&gt;`): in a summary's markdown, kramdown shows the `</details>` of the section
 * the summary swallowed as that text.
 */
function strayClosingsAsText(markdown: string): string {
  const open = new Map<string, number>()
  const tag = /<(\/?)([A-Za-z][\w-]*)(?=[\s/>])/g
  return markdown.replace(/^.*$/gm, (line) => {
    const closing = /^[ \t]*<\/([A-Za-z][\w-]*)[ \t]*>[ \t]*$/.exec(line)?.[1]?.toLowerCase()
    if (closing && !open.get(closing)) return line.replace('<', '&lt;')
    for (const [, slash, name] of line.matchAll(tag)) {
      const key = name!.toLowerCase()
      open.set(key, Math.max(0, (open.get(key) ?? 0) + (slash ? -1 : 1)))
    }
    return line
  })
}

/** A `details` block; without a summary it reads "Details", with a warning before the body's own. */
export function detailsBlock(
  summary: TextBlock[],
  body: () => Item[],
  node: Html,
  state: State,
): Item {
  if (summary.length === 0) {
    report(
      state,
      'warning',
      'details-summary-missing',
      node,
      'The <details> element has no <summary>; used "Details".',
      'Add <summary>…</summary> after <details>.',
    )
  }
  return {
    _type: BLOCK_TYPES.details,
    summary: summary.length > 0 ? summary : plainLine('Details'),
    body: body(),
  }
}

/**
 * A table as kramdown reads it (from the pre-pass, or a paragraph of table lines in a list).
 * `pointAt` gives the page's point of an offset in the text the table was found in.
 */
export function kramdownTable(
  table: KramdownTable,
  state: State,
  walk: Walk,
  pointAt: (offset: number) => Point,
): void {
  const rows = table.rows.map((cells, r) =>
    cells.map((cell, c) => {
      const spanText = asSpanText(cell)
      let root = parseMarkdown(spanText)
      // A cell of HTML alone (`<img src="…" />`) is an HTML block for CommonMark, span-level
      // HTML for kramdown: read as a paragraph's, after a mark taken out again.
      const marked = root.children[0]?.type === 'html'
      const text = marked ? PARAGRAPH_MARK + spanText : spanText
      if (marked) root = parseMarkdown(text)
      // Parsed on its own, the cell's nodes are at its line 1: moved to where it is in the page
      // (less the backslash `asSpanText` may add before it, or the mark).
      const at = pointAt(table.cellOffsets[r][c])
      shiftLines(root, {...at, column: at.column - (text.length - cell.length)}, 0)
      const paragraph = root.children[0]
      if (paragraph?.type !== 'paragraph') return []
      const content = richInline(paragraph.children, state)
      if (marked) removeParagraphMark(content)
      return content
    }),
  )
  walk.out.push(tableBlock(rows, table.headerRows, table.align))
}

/**
 * A table cell's text as one paragraph: kramdown reads cells as span-level text, so a cell
 * that is only `-`, `1. …`, `# …` or `> …` is that text, not a list, heading or quote.
 */
function asSpanText(cell: string): string {
  const number = /^(\d{1,9})([.)])(?=\s|$)/.exec(cell)
  if (number) return `${number[1]}\\${cell.slice(number[1].length)}`
  return /^(?:[-+*]|#{1,6}|>)(?=\s|$)/.test(cell) ? `\\${cell}` : cell
}

function navigationBlock(
  html: string,
  entry: PreparedBlock,
  node: Html,
  state: State,
  walk: Walk,
): void {
  takeNavigation(html, node, state, walk)
  reportNotLast(!!entry.tail?.text.trim(), node, state, walk)
}
