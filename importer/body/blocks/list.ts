import type {List, ListItem, RootContent} from 'mdast'

import type {Point} from '../html/hast/scope.ts'
import {parsesBlockHtml, scanBlocks} from '../html/kramdown-blocks.ts'
import {convertMarkdownAt} from '../html/markdown.ts'
import {pointIn} from '../html/prepare.ts'
import {LIST, STYLE} from '../names.ts'
import {ITEM_IAL} from '../ial.ts'
import type {State} from '../state.ts'
import {report, type Located} from '../state.ts'
import {endsInListOf} from './html.ts'
import {convertBlocks} from './index.ts'
import {separateFromListBefore, settleItem, startAt} from './list-item.ts'
import type {Item, TextBlock} from './text-block.ts'
import {isTextBlock} from './text-block.ts'
import {tableOfContents} from './toc.ts'
import type {ListContext, ListState, Walk} from './walk.ts'

/**
 * Lists flatten to text blocks with `listItem` and `level` (nesting depth, from 1), one block
 * per item. A task item's first block starts with a `taskCheck`. An item's further paragraphs
 * join its block after a blank line (`\n\n`); its other blocks (code, images, tables, callouts,
 * a paragraph after them) follow it carrying the item's `level` and no `listItem`, so the list
 * and its numbering go on after them (see `list-item.ts`). A list with `{:toc}` attached is
 * kramdown's table-of-contents placeholder and becomes a `tableOfContents` block.
 */
export function list(node: List, state: State, walk: Walk): void {
  const level = (walk.list?.level ?? 0) + 1
  const listStart = walk.out.length
  const shared: ListState = {}
  for (const item of node.children) {
    const task = typeof item.checked === 'boolean'
    const type = task ? LIST.task : node.ordered ? LIST.number : LIST.bullet
    const context: ListContext = {
      type,
      level,
      checked: task ? (item.checked as boolean) : undefined,
      contentColumn: contentColumn(item, state.source),
      outer: walk.list,
      list: shared,
    }
    const start = walk.out.length
    const itemText = htmlItemText(item, context.contentColumn, state)
    const html = itemText && withoutItemIal(itemText, state)
    if (html) {
      // Its text is read anew, from its content's first column: code blocks' indentation too.
      const column = context.contentColumn
      context.contentColumn = 0
      try {
        convertMarkdownAt(html.text, html.at, state, walk.out, context, column)
      } finally {
        context.contentColumn = column
      }
    } else {
      dropItemIal(item, state)
      convertBlocks(item.children, state, walk.out, context)
    }
    joinParagraphs(walk.out, start, type, level)
    settleItem(walk.out, start, context)
  }
  if (shared.start !== undefined) startAt(walk.out[listStart], shared.start)
  else if (!continuesList(walk.nodes[walk.index - 1], node, state.source)) {
    // Something stood between this list and an item before it (a comment, an attribute list
    // such as `{: style=…}`): kramdown ended that list there.
    separateFromListBefore(walk.out, listStart, level)
  }
  if (shared.toc) {
    walk.out.splice(listStart)
    walk.out.push(tableOfContents(node.ordered === true, state, shared.toc))
  }
}

/**
 * Takes kramdown's attribute list off the start of an item's first line (`- {: .hint} Hint: …`,
 * which kramdown gives the `<li>`): the reader sees the text after it. One on a line of its own
 * is the paragraph's below it, as anywhere (`blocks/paragraph.ts`).
 */
function dropItemIal(item: ListItem, state: State): void {
  const paragraph = item.children[0]
  if (paragraph?.type !== 'paragraph') return
  const [text, next] = paragraph.children
  if (text?.type !== 'text') return
  const found = ITEM_IAL.exec(text.value)
  const rest = found && text.value.slice(found[0].length)
  // Text must follow on its line: in the same text node, or as the next inline node.
  if (!found || rest!.startsWith('\n') || (rest === '' && (!next || next.type === 'break'))) return
  if (rest === '') paragraph.children.shift()
  else {
    const length = found[0].length
    const start = text.position?.start
    text.value = rest!
    if (start?.offset !== undefined)
      text.position = {
        start: {...start, column: start.column + length, offset: start.offset + length},
        end: text.position!.end,
      }
  }
  reportItemIal(found[1]!, paragraph, state)
}

/** An item's text read anew (see {@link htmlItemText}) without the attribute list it starts with. */
function withoutItemIal(item: {text: string; at: Point}, state: State): {text: string; at: Point} {
  const found = ITEM_IAL.exec(item.text)
  const length = found?.[0].length ?? 0
  if (!found || /^(?:\n|$)/.test(item.text.slice(length))) return item
  reportItemIal(found[1]!, {position: {start: item.at, end: item.at}}, state)
  return {text: item.text.slice(length), at: pointIn(item, length)}
}

function reportItemIal(ial: string, at: Located, state: State): void {
  const message = `Dropped the attribute list ${ial} that starts a list item: it only styles the item.`
  report(state, 'info', 'ial-dropped', at, message)
}

/**
 * An item's text with its indentation taken off, when it holds HTML that kramdown delimits
 * differently from CommonMark (a `<div>` holding blank lines, which CommonMark ends at the
 * first; its content, which kramdown keeps as HTML): read as kramdown reads an item's text,
 * as the page's is (`html/prepare.ts`). Undefined for any other item, and in a quote.
 */
function htmlItemText(
  item: ListItem,
  column: number | undefined,
  state: State,
): {text: string; at: Point} | undefined {
  const element = (child: RootContent) => child.type === 'html' && /^\s*<[a-z]/i.test(child.value)
  if (column === undefined || !item.children.some(element)) return
  const start = item.children[0]?.position?.start
  const end = item.position?.end.offset
  if (start?.offset === undefined || end === undefined) return
  const lineStart = state.source.lastIndexOf('\n', start.offset - 1) + 1
  if (state.source.slice(lineStart, start.offset).includes('>')) return
  const [first = '', ...rest] = state.source.slice(start.offset, end).split('\n')
  const text = [first, ...rest.map((line) => line.slice(Math.min(column, indentOf(line))))].join(
    '\n',
  )
  if (scanBlocks(text, 0, undefined, parsesBlockHtml(state.ctx.site)).blocks.length === 0) return
  return {text, at: {line: start.line, column: start.column, offset: start.offset}}
}

const indentOf = (line: string) => line.length - line.trimStart().length

/**
 * Whether kramdown reads `list` as going on from the node before it: lists right after one
 * another, or a list after a paragraph of span-level HTML whose lines CommonMark took with the
 * list's first items. `list-nesting.ts` gives every item of one kramdown list its first bullet,
 * so bullet lists one after another with other bullets (`-` then `*`) are lists kramdown ended
 * there: the lazy lines of an item opened the first one.
 */
function continuesList(before: RootContent | undefined, list: List, source: string): boolean {
  if (before?.type === 'list')
    return (
      list.ordered === true ||
      before.ordered === true ||
      bulletOf(before, source) === bulletOf(list, source)
    )
  return before?.type === 'html' && endsInListOf(before, list.ordered === true)
}

/** The character a bullet list's first item is marked with. */
function bulletOf(list: List, source: string): string | undefined {
  const offset = list.children[0]?.position?.start.offset
  return offset === undefined ? undefined : source[offset]
}

// Where an item's content starts: after its marker and the spaces that follow it (one space
// when the marker is followed by more than four, which start an indented code block).
function contentColumn(item: ListItem, source: string): number | undefined {
  const start = item.position?.start
  if (start?.offset === undefined) return undefined
  const marker = /^([-*+]|\d{1,9}[.)])([ \t]*)/.exec(source.slice(start.offset, start.offset + 20))
  if (!marker) return undefined
  const spaces = marker[2].length
  return start.column - 1 + marker[1].length + (spaces >= 1 && spaces <= 4 ? spaces : 1)
}

// Adjacent blocks of one item at its own level are its paragraphs: nested lists sit deeper,
// and code, images and tables are not text blocks. Headings stay blocks of their own, each an
// anchor and an entry of a table of contents (`#### Skills` then `#### Contact`, lazy lines of
// an item for kramdown); so do quotes of one paragraph, each a frame of its own (`> I ran …`
// then, after a blank line, `> This script …`: two quotes; one of several paragraphs is a
// `quote` block).
function joinParagraphs(out: Item[], start: number, type: string, level: number): void {
  const own = (item: Item | undefined): item is TextBlock =>
    isTextBlock(item) &&
    item.listItem === type &&
    item.level === level &&
    !/^h[1-6]$/.test(item.style) &&
    item.style !== STYLE.blockquote
  for (let i = out.length - 1; i > start; i--) {
    const previous = out[i - 1]
    const block = out[i]
    if (!own(previous) || !own(block) || previous.style !== block.style) continue
    previous.children.push({_type: 'span', text: '\n\n', marks: []}, ...block.children)
    for (const def of block.markDefs)
      if (!previous.markDefs.some((other) => other._key === def._key)) previous.markDefs.push(def)
    out.splice(i, 1)
  }
}

/**
 * True when the blocks before `index` end in a numbered list at `level` (its last item, or
 * blocks that belong to it), which a numbered item right after would continue.
 */
