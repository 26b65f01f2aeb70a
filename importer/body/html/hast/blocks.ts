import type {Element, ElementContent, RootContent} from 'hast'

import {createInline} from '../../inline/index.ts'
import {STYLE} from '../../names.ts'
import {blockHandlers, linkAroundBlocks} from './block-handlers.ts'
import {emitParagraph} from './paragraph.ts'
import {convertPhrasing, isHidden, warnUnsafeAttributes} from './phrasing.ts'
import {reportAt, type HastScope} from './scope.ts'
import {readStyle} from '../style.ts'
import {textContent} from './text.ts'
import {markdownContent} from './markdown-content.ts'
import {isTextBlock, type Item, type Span} from '../../blocks/text-block.ts'

// Elements a browser lays out as blocks: they end the paragraph before them.
const BLOCK_NAMES = new Set(
  'address article aside blockquote body center dd details dialog dir div dl dt fieldset figcaption figure footer h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu nav ol p pre section summary table tbody td tfoot th thead tr ul caption'.split(
    ' ',
  ),
)

const MAX_DEPTH = 64
const blockCache = new WeakMap<Element, boolean>()

/** True for an element laid out as a block, or an inline one wrapping blocks (`<a><div>…`). */
export function isBlock(node: RootContent): node is Element {
  if (node.type !== 'element') return false
  if (BLOCK_NAMES.has(node.tagName)) return true
  let cached = blockCache.get(node)
  if (cached === undefined) {
    cached = node.children.some(isBlock)
    blockCache.set(node, cached)
  }
  return cached
}

/**
 * Converts sibling hast nodes to Portable Text: runs of text and inline elements become
 * paragraphs, block elements go to their handler in `blockHandlers` (unknown ones are unwrapped).
 */
export function convertHast(nodes: Array<RootContent | ElementContent>, scope: HastScope): void {
  let inline = createInline()
  for (const node of nodes) {
    if (node.type === 'doctype') continue
    if (node.type === 'element' && isHidden(node, scope)) continue
    if (!isBlock(node)) {
      convertPhrasing([node as ElementContent], scope, inline)
      continue
    }
    emitParagraph(inline, STYLE.normal, scope)
    inline = createInline()
    blockElement(node, scope)
  }
  emitParagraph(inline, STYLE.normal, scope)
}

function blockElement(element: Element, scope: HastScope): void {
  if (scope.depth >= MAX_DEPTH) {
    const inline = createInline()
    inline.children.push({_type: 'span', text: textContent(element), marks: []})
    emitParagraph(inline, STYLE.normal, scope)
    return
  }
  if (markdownContent(element, scope)) return
  scope.depth++
  try {
    warnUnsafeAttributes(element, scope)
    const style = element.properties.style
    // A block's bold, italic or struck-through style shows on all its text
    // (`<div style="font-weight: bold;">` over a note); the rest only styles the block.
    const {marks, message} =
      typeof style === 'string' ? readStyle(element.tagName, style, 'block', true) : {marks: []}
    if (message) reportAt(scope, 'info', 'style-dropped', element, message)
    const handler =
      blockHandlers[element.tagName] ??
      (element.tagName === 'a' ? linkAroundBlocks : blockHandlers.div)
    const start = scope.walk.out.length
    handler(element, scope)
    if (marks.length > 0) decorateText(scope.walk.out.slice(start), marks)
  } finally {
    scope.depth--
  }
}

/** Gives every span of the text blocks among `items` the decorators `marks`, after its own. */
function decorateText(items: readonly Item[], marks: readonly string[]): void {
  for (const item of items) {
    if (!isTextBlock(item)) continue
    for (const child of item.children) {
      if (child._type !== 'span') continue
      const span = child as Span
      for (const mark of marks) if (!span.marks.includes(mark)) span.marks.push(mark)
    }
  }
}
