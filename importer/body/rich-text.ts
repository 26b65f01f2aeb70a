import type {Nodes} from 'mdast'

import {
  CELL_MEMBER_TYPES,
  QUOTE_MEMBER_TYPES,
  SECTION_MEMBER_TYPES,
} from '../../schemas/constants.ts'
import {blockText, isTextBlock, textBlock} from './blocks/text-block.ts'
import type {Item, Span, TextBlock} from './blocks/text-block.ts'
import {BLOCK_TYPES, MARK, STYLE} from './names.ts'
import {itemPlainText} from './plain-text.ts'
import type {State} from './state.ts'
import {report} from './state.ts'

/** Where narrowed items go: rich text, a table cell, a section body, a quote's body. */
type Into = 'text' | 'cell' | 'section' | 'quote'

/** What each place holds besides text blocks. */
const MEMBERS: Record<Into, ReadonlySet<string>> = {
  text: new Set(),
  cell: new Set(CELL_MEMBER_TYPES),
  section: new Set(SECTION_MEMBER_TYPES),
  quote: new Set(QUOTE_MEMBER_TYPES),
}

/** Places whose text blocks take style `normal`: no headings or quote styles there. */
const TEXT_ONLY: ReadonlySet<Into> = new Set(['text', 'cell'])
/** Blocks whose own content is a section body, so it can move into an outer one. */
const NESTED_SECTIONS: ReadonlySet<string> = new Set([BLOCK_TYPES.callout, BLOCK_TYPES.details])

/**
 * Narrows body items to `richText`: text blocks keep marks and lists but take style `normal`;
 * custom blocks (code, tables…) become a paragraph of their text, with an info diagnostic.
 */
export function toRichText(items: Item[], state: State, node: Nodes | undefined): TextBlock[] {
  return narrow(items, state, node, 'text') as TextBlock[]
}

/**
 * Narrows body items to a `cellBody` (a table cell's content): rich text, and code blocks, which
 * kramdown shows in a cell; other custom blocks become a paragraph of their text.
 */
export function toCellBody(items: Item[], state: State, node: Nodes | undefined): Item[] {
  return narrow(items, state, node, 'cell')
}

/**
 * Text blocks as one line of rich text (`titleText`: a callout's title, a collapsible section's
 * summary): their text joined by spaces, marks, links and formulas kept, style `normal`; none
 * when they show no text.
 */
export function toTitleText(blocks: readonly Item[]): TextBlock[] {
  const text = blocks.filter(isTextBlock)
  if (text.every((block) => blockText(block).trim() === '')) return []
  const children: TextBlock['children'] = []
  const markDefs: TextBlock['markDefs'] = []
  for (const block of text) {
    if (children.length > 0) children.push({_type: 'span', text: ' ', marks: []})
    children.push(...block.children)
    for (const def of block.markDefs)
      if (!markDefs.some((other) => other._key === def._key)) markDefs.push(def)
  }
  return [textBlock(STYLE.normal, children, markDefs)]
}

/** One line of plain text as a summary holds it; none for no text. */
export function plainLine(text: string): TextBlock[] {
  const shown = text.replace(/\s+/g, ' ').trim()
  return shown ? [textBlock(STYLE.normal, [{_type: 'span', text: shown, marks: []}], [])] : []
}

/**
 * Narrows body items to a `sectionBody` (a callout's or collapsible section's content): text
 * blocks, images, code, tables, embeds, dividers and definition lists stay as they are; other
 * custom blocks (a callout inside a callout…) become a paragraph of their text.
 */
export function toSectionBody(items: Item[], state: State, node: Nodes | undefined): Item[] {
  return narrow(items, state, node, 'section')
}

/**
 * Narrows body items to a `quoteBody` (a quote of several blocks): a section body's, and
 * callouts.
 */
export function toQuoteBody(items: Item[], state: State, node: Nodes | undefined): Item[] {
  return narrow(items, state, node, 'quote')
}

function narrow(items: Item[], state: State, node: Nodes | undefined, into: Into): Item[] {
  const textOnly = TEXT_ONLY.has(into)
  const kept: Item[] = []
  for (const item of items) {
    if (isTextBlock(item)) {
      if (textOnly) item.style = STYLE.normal
      kept.push(item)
      continue
    }
    if (MEMBERS[into].has(item._type)) {
      kept.push(item)
      continue
    }
    const inner = (item as {body?: unknown}).body
    if (item._type === BLOCK_TYPES.quote && Array.isArray(inner)) {
      // No frame inside a callout or another quote: the quote's text takes the Quote style, as
      // a quote of one paragraph does (in text only, the style is normal), and its blocks go
      // back into the list item the quote sat in.
      const level = typeof item.level === 'number' ? item.level : 0
      for (const block of narrow(inner as Item[], state, node, into)) {
        if (!textOnly && isTextBlock(block)) block.style = STYLE.blockquote
        if (level > 0) block.level = level + (typeof block.level === 'number' ? block.level : 0)
        kept.push(block)
      }
      continue
    }
    if (!textOnly && NESTED_SECTIONS.has(item._type) && Array.isArray(inner)) {
      // A callout in a callout: its blocks join the outer one, which keeps their types.
      report(
        state,
        'info',
        'nested-section-flattened',
        node,
        `Moved the content of a ${item._type} inside another into the outer one: a ${item._type} cannot hold one.`,
      )
      // Its title or summary (one line of rich text) stays the bold line readers saw.
      const [line] = ((item as {title?: unknown}).title ??
        (item as {summary?: unknown}).summary ??
        []) as Item[]
      if (isTextBlock(line)) kept.push(inBold(line))
      kept.push(...narrow(inner as Item[], state, node, into))
      continue
    }
    const text = itemPlainText(item)
    report(
      state,
      'info',
      'flattened-in-rich-text',
      node,
      `Kept the text of a ${item._type} block as a paragraph: this place holds ${into === 'text' ? 'text only' : 'no ' + item._type + ' blocks'}.`,
    )
    if (text !== '') {
      const marks = item._type === BLOCK_TYPES.code ? [MARK.code] : []
      const block = textBlock(STYLE.normal, [{_type: 'span', text, marks}], [])
      // Still part of its list item, so the list keeps counting past it.
      if (typeof item.level === 'number') block.level = item.level
      kept.push(block)
    }
  }
  return kept
}

/** A copy of `block` whose text is all bold. */
function inBold(block: TextBlock): TextBlock {
  const children = block.children.map((child) =>
    child._type === 'span' && !(child as Span).marks.includes(MARK.strong)
      ? {...child, marks: [MARK.strong, ...(child as Span).marks]}
      : child,
  )
  return {...block, children}
}
