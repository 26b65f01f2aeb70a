import type {Code, Html, Nodes, Paragraph, PhrasingContent, RootContent, Text} from 'mdast'

import {BLOCK_TYPES, STYLE} from '../names.ts'
import type {State} from '../state.ts'
import type {DefinitionText, KramdownDefinitionList} from '../html/kramdown-definitions.ts'
import {convertMarkdownAt} from '../html/markdown.ts'
import type {PreparedBlock} from '../html/prepare.ts'
import {pointIn} from '../html/prepare.ts'
import {toRichText, toSectionBody} from '../rich-text.ts'
import {convertWithin, report} from '../state.ts'
import {definitionListItem as item, emptySpan} from './definition-item.ts'
import {richInline} from './rich-inline.ts'
import type {Item, TextBlock} from './text-block.ts'
import {isTextBlock, textBlock} from './text-block.ts'
import type {Walk} from './walk.ts'

/** True when a paragraph is a kramdown definition list: term lines, then `: definition` lines. */
export function isDefinitionList(children: PhrasingContent[]): boolean {
  for (const child of children) {
    if (child.type === 'text' && child.value.includes('\n: ')) return true
  }
  return false
}

/**
 * Whether a paragraph at the margin has a line kramdown reads as a definition: `:` after at most
 * three spaces. CommonMark drops a continuation line's indentation, so `    : [Lecture 9]` under
 * `: Fine tuning` reads as a `: ` line, where kramdown reads the two lines as one paragraph's
 * text. A paragraph in a list item or a quote is not checked here.
 */
export function hasDefinitionLine(node: Paragraph, state: State): boolean {
  const start = node.position?.start
  const end = node.position?.end.offset
  if (start?.offset === undefined || end === undefined || start.column !== 1) return true
  const lines = state.source.slice(start.offset, end).split('\n').slice(1)
  return lines.some((line) => /^ {0,3}:(?:[\t ]|$)/.test(line))
}

/**
 * True when the paragraph at `walk.index` is a term whose definition follows after a blank
 * line: exactly one, and empty (kramdown reads a line of spaces, or two blank lines, as ending
 * the paragraph, and the `: ` line as text).
 */
export function isTermBeforeDefinition(walk: Walk, state: State): boolean {
  const node = walk.nodes[walk.index]
  const next = walk.nodes[walk.index + 1]
  if (next === undefined || !startsWithDefinition(next)) return false
  const end = node?.position?.end.offset
  const start = next.position?.start.offset
  if (end === undefined || start === undefined) return true
  return /^\n\n[ \t]*$/.test(state.source.slice(end, start))
}

interface Entry {
  term: TextBlock[]
  definition: Item[]
}

/**
 * A definition list the pre-pass found as kramdown delimits it (`html/kramdown-definitions.ts`):
 * each term is a line of markdown text, each definition blocks of markdown, converted as a
 * callout's content is (code, lists, tables, quotes, nested definition lists).
 */
export function kramdownDefinitionList(
  entry: PreparedBlock,
  block: KramdownDefinitionList,
  node: Html,
  state: State,
  walk: Walk,
): void {
  const items = block.entries.map((each) => {
    const definition = each.definitions.flatMap((part) => {
      reportAttributes(part, 'definition', entry, state)
      return convertWithin(state, 'section', () => {
        const out: Item[] = []
        convertMarkdownAt(part.text, pointIn(entry, part.offset), state, out)
        // A definition of nothing readers see (`: [](#)`, `: <span></span>`) holds no block.
        return toSectionBody(out, state, node).filter((block) => !isEmptyText(block))
      })
    })
    return item(
      each.terms.map((term) => termBlock(term, entry, node, state)),
      definition,
    )
  })
  walk.out.push({_type: BLOCK_TYPES.definitionList, items})
  report(state, 'info', 'definition-list', node, 'Converted a kramdown definition list.')
}

// A term is a line of text for kramdown, never a block: `1. Step` or `# Name` is its text.
/** Reports the attribute list a term or definition starts with, which only styles it. */
function reportAttributes(
  part: DefinitionText,
  what: 'term' | 'definition',
  entry: PreparedBlock,
  state: State,
): void {
  if (part.attributes === undefined) return
  const at = {position: {start: pointIn(entry, part.offset), end: pointIn(entry, part.offset)}}
  const message = `Dropped the attribute list ${part.attributes} of a ${what}: it only styles it.`
  report(state, 'info', 'ial-dropped', at, message)
}

function termBlock(
  term: DefinitionText,
  entry: PreparedBlock,
  node: Html,
  state: State,
): TextBlock {
  reportAttributes(term, 'term', entry, state)
  // Most terms are words and numbers (`Apr 10`, `Week 3`): nothing to parse.
  if (PLAIN_TERM.test(term.text)) return textBlock(STYLE.normal, [plainSpan(term.text)], [])
  const blocks = convertWithin(state, 'text', () => {
    const out: Item[] = []
    convertMarkdownAt(term.text, pointIn(entry, term.offset), state, out)
    return toRichText(out, state, node)
  })
  // A term of nothing readers see (`[](#)`, an empty link) is an empty term.
  if (blocks.length === 0) return textBlock(STYLE.normal, [emptySpan()], [])
  const only = blocks.length === 1 ? blocks[0] : undefined
  if (only && only.style === STYLE.normal && !only.listItem) return only
  return textBlock(STYLE.normal, [plainSpan(term.text)], [])
}

// Letters, digits, spaces and single punctuation that markdown and kramdown's typography
// leave as written (no quotes, dashes, dots in a row, markup or entities).
const PLAIN_TERM = /^[\p{L}\p{N}](?:[\p{L}\p{N} ,/()]|[.:;?](?![.:;?]))*$/u

function plainSpan(text: string) {
  return {_type: 'span' as const, text, marks: []}
}

function isEmptyText(block: Item): boolean {
  if (!isTextBlock(block) || block.listItem) return false
  return block.children.every((child) => child._type === 'span' && child.text === '')
}

/**
 * A definition list the pre-pass did not take out (`kramdownDefinitionList` reads those): one
 * inside a list item or a quote, or right after a heading, read from remark's paragraphs. It
 * becomes one `definitionList` block: each run of term lines is an item's `term` (one paragraph
 * per term), its `: ` lines and the paragraphs indented under them its `definition`. Paragraphs
 * that continue the list after blank lines (`: more`, an indented paragraph, another term with
 * its definition) are taken in too.
 */
export function definitionList(
  children: PhrasingContent[],
  node: Paragraph,
  state: State,
  walk: Walk,
): void {
  const entries: Entry[] = []
  addLines(entries, children, state, false)
  for (let next = walk.nodes[walk.index + 1]; next; next = walk.nodes[walk.index + 1]) {
    const last = entries[entries.length - 1]
    if (startsWithDefinition(next) || isDefinitionParagraph(next)) {
      addLines(entries, (next as Paragraph).children, state, (last?.definition.length ?? 0) > 0)
    } else if (last?.definition.length && next.type === 'paragraph' && indented(next, node)) {
      last.definition.push(...richInline(next.children, state))
    } else if (last?.definition.length && isIndentedCode(next, state)) {
      // Indented four spaces after a blank line, CommonMark reads code; kramdown reads the
      // definition's further blocks (paragraphs, lists), as the `: ` marker's content column.
      last.definition.push(...definitionBlocks(next as Code, state))
    } else break
    walk.index++
  }
  const items = entries.map((entry) => item(entry.term, entry.definition))
  walk.out.push({_type: BLOCK_TYPES.definitionList, items})
  report(state, 'info', 'definition-list', node, 'Converted a kramdown definition list.')
}

// Term lines open a new entry (after a definition) or join the open one (several terms share
// a definition); `: ` lines add a paragraph to the open entry's definition.
function addLines(
  entries: Entry[],
  children: PhrasingContent[],
  state: State,
  afterDefinition: boolean,
): void {
  let inDefinition = afterDefinition
  for (const line of joinContinuations(splitLines(children))) {
    const first = line[0] as Text
    if (isDefinitionLine(line)) {
      if (entries.length === 0) entries.push({term: [], definition: []})
      const content = [{...first, value: first.value.replace(/^:[ \t]+/, '')}, ...line.slice(1)]
      entries[entries.length - 1].definition.push(...richInline(unwrapBlockHtml(content), state))
      inDefinition = true
      continue
    }
    if (inDefinition || entries.length === 0) entries.push({term: [], definition: []})
    entries[entries.length - 1].term.push(...richInline(line, state))
    inDefinition = false
  }
}

// A definition is block content for kramdown: `: <p class="x">text</p>` is an HTML paragraph.
const BLOCK_WRAPPER = /^<(p|div)(?:\s[^>]*)?>$/i

/** A definition written as one block HTML element: its content, without the tags readers never see. */
function unwrapBlockHtml(content: PhrasingContent[]): PhrasingContent[] {
  const items = content.filter((child) => !(child.type === 'text' && child.value.trim() === ''))
  const open = items[0]
  const close = items[items.length - 1]
  const name = open?.type === 'html' ? BLOCK_WRAPPER.exec(open.value.trim())?.[1] : undefined
  if (!name || close === open || close?.type !== 'html') return content
  if (close.value.trim().toLowerCase() !== `</${name.toLowerCase()}>`) return content
  return content.filter((child) => child !== open && child !== close)
}

function startsWithDefinition(node: RootContent): boolean {
  if (node.type !== 'paragraph') return false
  const first = node.children[0]
  return first?.type === 'text' && first.value.startsWith(': ')
}

function isDefinitionParagraph(node: RootContent): boolean {
  return node.type === 'paragraph' && isDefinitionList(node.children)
}

function isIndentedCode(node: RootContent, state: State): boolean {
  if (node.type !== 'code' || node.lang) return false
  const offset = node.position?.start.offset
  return offset !== undefined && !/^[ \t]*(`{3}|~{3})/.test(state.source.slice(offset, offset + 80))
}

// The code's lines are the definition's markdown, each on the page line it came from.
function definitionBlocks(node: Code, state: State): TextBlock[] {
  const start = node.position?.start
  const at = {line: start?.line ?? 1, column: (start?.column ?? 1) + 4, offset: start?.offset ?? 0}
  return convertWithin(state, 'text', () => {
    const items: Item[] = []
    convertMarkdownAt(node.value, at, state, items)
    return toRichText(items, state, node)
  })
}

// kramdown keeps a paragraph in the definition when it is indented under the `: ` marker: two
// columns past where the list's text starts, which in a list item or a quote is past the
// item's or the quote's own indentation.
function indented(node: Nodes, list: Paragraph): boolean {
  const column = node.position?.start.column
  const base = list.position?.start.column
  return column !== undefined && base !== undefined && column - base >= 2
}

function isDefinitionLine(line: PhrasingContent[]): boolean {
  const first = line[0]
  return first?.type === 'text' && first.value.startsWith(': ')
}

// After a definition, a line is a new term only when a definition follows it; otherwise it
// continues the definition (kramdown reads it as a lazy continuation line).
function joinContinuations(lines: PhrasingContent[][]): PhrasingContent[][] {
  const joined: PhrasingContent[][] = []
  let inDefinition = false
  lines.forEach((line, i) => {
    const definition = isDefinitionLine(line)
    const next = lines[i + 1]
    if (!definition && inDefinition && !(next && isDefinitionLine(next))) {
      joined[joined.length - 1].push({type: 'text', value: ' '}, ...line)
      return
    }
    inDefinition = definition
    joined.push([...line])
  })
  return joined
}

function splitLines(children: PhrasingContent[]): PhrasingContent[][] {
  const lines: PhrasingContent[][] = [[]]
  for (const child of children) {
    if (child.type !== 'text' || !child.value.includes('\n')) {
      lines[lines.length - 1].push(child)
      continue
    }
    const parts = child.value.split('\n')
    parts.forEach((part, i) => {
      if (i > 0) lines.push([])
      if (part !== '') lines[lines.length - 1].push({...child, value: part})
    })
  }
  return lines.filter((line) => line.length > 0)
}
