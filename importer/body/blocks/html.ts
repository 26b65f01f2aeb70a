import type {Html, RootContent} from 'mdast'

import {closingCut, findClosing, loneOpening} from '../html/containers.ts'
import {convertHtml} from '../html/hast/index.ts'
import {contentModel, parsesBlockHtml} from '../html/kramdown-blocks.ts'
import {convertPrepared, detailsBlock, lineOf} from '../html/kramdown-convert.ts'
import {isNavButtons} from '../html/next-link.ts'
import {convertMarkdownAt} from '../html/markdown.ts'
import {SPAN_ELEMENTS} from '../html/tokens.ts'
import {isKeptAsText, reportStrayClosingTag} from '../inline/html.ts'
import type {Point} from '../html/hast/scope.ts'
import {pointIn, preparedBlock, trailingPlaceholder} from '../html/prepare.ts'
import {KNOWN_ELEMENTS, parseTag, textOf} from '../html/tags.ts'
import {tagAt} from '../html/tokens.ts'
import {applyIal, listIalOf} from '../ial.ts'
import {BLOCK_TYPES} from '../names.ts'
import {PARAGRAPH_MARK, removeParagraphMark} from '../paragraph-mark.ts'
import {plainLine} from '../rich-text.ts'
import type {State} from '../state.ts'
import {convertInElement, isNested, report} from '../state.ts'
import {convertBlocks} from './index.ts'
import {convertTail} from './fragment.ts'
import {navigation} from './navigation.ts'
import {sectionBlocks} from './rich-inline.ts'
import {isTextBlock, type TextBlock} from './text-block.ts'
import type {Walk} from './walk.ts'

/**
 * Block HTML. A block the kramdown pre-pass delimited is converted whole (`convertPrepared`);
 * other HTML (inside list items) is read by the HTML parser and converted element by element.
 * Comments are dropped; the navigation block becomes `next`; `<details>` and callout `<div>`s
 * wrapping markdown become `details` / `callout`; other wrappers are unwrapped.
 */
/** An element whose content kramdown reads as markdown: `<div markdown="1">`, `markdown="block"`. */
const MARKDOWN_ATTRIBUTE = /^<[a-z][a-z0-9-]*\b[^>]*\smarkdown\s*=\s*["']?(?:1|block|span)\b/i

export function html(node: Html, state: State, walk: Walk): void {
  const prepared = preparedBlock(node.value, state)
  if (prepared) return convertPrepared(prepared, node, state, walk)
  const trailing = trailingPlaceholder(node.value, state)
  if (trailing) {
    // `<br/>` lines right above a kramdown block: CommonMark took the block's placeholder in.
    html({...node, value: trailing.before}, state, walk)
    return convertPrepared(trailing.block, node, state, walk)
  }
  const value = node.value.trim()
  const listIal = listIalOf(value)
  if (listIal !== undefined) {
    const why = 'just-the-docs styles a class only on a paragraph or a quote, not on a list'
    const message = `Dropped the attribute list ${listIal} under the list it ends: ${why}.`
    return report(state, 'info', 'ial-dropped', node, message)
  }
  if (/^<!--[\s\S]*-->$/.test(value)) {
    walk.transparent = true
    return report(state, 'info', 'html-comment', node, 'Dropped an HTML comment.')
  }
  const start = node.position?.start
  const at = {line: start?.line ?? 1, column: start?.column ?? 1, offset: start?.offset ?? 0}
  const comment = /^\s*<!--[\s\S]*?-->/.exec(node.value)
  if (comment) {
    // `<!-- [Grad section only] -->New robot …` in a list item: kramdown drops the comment and
    // reads the rest of its line as a paragraph; CommonMark's HTML block took the line whole.
    report(state, 'info', 'html-comment', node, 'Dropped an HTML comment.')
    return convertMarkdownAt(
      node.value.slice(comment[0].length),
      pointIn({text: node.value, at}, comment[0].length),
      state,
      walk.out,
      walk.list,
    )
  }
  if (isNavButtons(value) && !isNested(state)) return navigation(node, state, walk)
  // `<a name="setup">` over `## Setup`: span-level HTML starts a paragraph for kramdown, never
  // an element holding the blocks after it, closed or not.
  if (isSpanParagraph(value)) return spanParagraph(node, at, state, walk)
  const opening = loneOpening(value)
  if (opening) return container(opening, node, state, walk)
  const closingOnly = parseTag(value)
  if (closingOnly?.closing && !walk.topLevel) {
    // In a list item or an element, HTML is read element by element: its closing tag may be
    // one whose element was converted apart.
    walk.transparent = true
    return report(
      state,
      'info',
      'html-wrapper-dropped',
      node,
      `Dropped a closing </${closingOnly.name}> tag that closes nothing converted.`,
    )
  }
  if (closingOnly?.closing) {
    // At the page's level an element's own closing tag ends it before this (see prepare.ts): no
    // element is open for this one, kramdown reads the line as a paragraph, and readers see the
    // tag as text.
    reportStrayClosingTag(closingOnly.name, node, state)
    return asText(value, node, state, walk)
  }
  if (MARKDOWN_ATTRIBUTE.test(value)) {
    // Inside a quote or list item the pre-pass has not delimited it: its own markdown is read
    // as the page's is, so `markdown="1"` content and attribute lists there convert the same.
    return convertMarkdownAt(value, at, state, walk.out, walk.list)
  }
  const first = tagAt(value, 0)
  if (!first || !KNOWN_ELEMENTS.has(first.name)) {
    // `<String>` on its own line: a parser sees a tag, a reader sees text.
    return asText(value, node, state, walk)
  }
  convertHtml(node.value, at, state, walk, (text, point, into) =>
    convertMarkdownAt(text, point, state, into.out, into.list),
  )
}

/** The HTML as a paragraph of its text, as a reader sees it. */
function asText(value: string, node: Html, state: State, walk: Walk): void {
  convertBlocks(
    [{type: 'paragraph', children: [{type: 'text', value}], position: node.position}],
    state,
    walk.out,
    walk.list,
  )
}

// Span elements that hold text; an image or a form control on its own line stays an element.
const TEXT_SPAN_ELEMENTS = new Set(
  [...SPAN_ELEMENTS].filter(
    (name) => !['img', 'br', 'input', 'select', 'option', 'button'].includes(name),
  ),
)

/**
 * Whether HTML that CommonMark took as a block is, for kramdown, a paragraph starting with
 * span-level HTML (`<span class="fs-6">` on a line of its own, `<img …>` then lines of text).
 */
function isSpanParagraph(value: string): boolean {
  const first = tagAt(value, 0)
  return (
    first !== undefined &&
    !first.closing &&
    (TEXT_SPAN_ELEMENTS.has(first.name) ||
      // `<br>` or `<img …>` alone on a line, then text: CommonMark's HTML block took the text.
      // Not `<select>` over lines of `<option>`s: a paragraph could only show their source.
      (SPAN_ELEMENTS.has(first.name) &&
        !isKeptAsText(value.slice(first.start, first.end)) &&
        /\n[ \t]*\S/.test(value.slice(first.end))))
  )
}

// A list item's marker at the margin, as kramdown starts a list there.
const MARGIN_ITEM = /^(?:([-+*])|\d{1,9}\.)[ \t]/gm

/**
 * Whether such a paragraph's lines end in a list that a list right after it continues: the
 * image, its text and `1. Raw +5V` are one HTML block for CommonMark, which then starts a list
 * at `2. Single-ended IO`; kramdown reads one list, numbered on from 1.
 */
export function endsInListOf(node: Html, ordered: boolean): boolean {
  const value = node.value.trim()
  if (!isSpanParagraph(value)) return false
  const markers = [...value.matchAll(MARGIN_ITEM)]
  const last = markers.at(-1)
  return last !== undefined && (last[1] === undefined) === ordered
}

/**
 * `<span class="fs-6">` on a line of its own, or `<br>` before lines of text: CommonMark starts
 * an HTML block there, kramdown a paragraph whose span-level HTML holds markdown (a link, an
 * attribute list…), which a list may follow. The lines are converted as that paragraph.
 */
function spanParagraph(node: Html, at: Point, state: State, walk: Walk): void {
  const start = walk.out.length
  convertMarkdownAt(PARAGRAPH_MARK + node.value, at, state, walk.out, walk.list)
  for (const item of walk.out.slice(start)) {
    removeParagraphMark(item)
    // The line breaks after the opening tag and before the closing one are not text.
    const spans = (item as {children?: Array<{_type?: string; text?: string}>}).children
    const first = spans?.[0]
    const last = spans?.[spans.length - 1]
    if (first?._type === 'span' && first.text) first.text = first.text.trimStart()
    if (last?._type === 'span' && last.text) last.text = last.text.trimEnd()
  }
  // The mark alone before an image taken out of the paragraph (`<img …>` then text): no block.
  const head = walk.out[start]
  if (
    isTextBlock(head) &&
    head.listItem === undefined &&
    head.children.every((child) => child._type === 'span' && child.text === '')
  )
    walk.out.splice(start, 1)
}

function container(
  opening: {name: string; tag: string; rest: string},
  node: Html,
  state: State,
  walk: Walk,
): void {
  const closing = findClosing(walk.nodes, walk.index + 1, opening.name)
  if (closing === -1) {
    report(
      state,
      'warning',
      'unclosed-html',
      node,
      `The <${opening.name}> element is never closed; kept its tag as unconverted HTML.`,
      `Close it with </${opening.name}>.`,
    )
    walk.out.push({
      _type: BLOCK_TYPES.rawHtml,
      html: node.value,
      reason: `unclosed <${opening.name}>`,
    })
    return
  }
  const inner = walk.nodes.slice(walk.index + 1, closing) as RootContent[]
  // CommonMark ends an HTML block at a blank line, not at its closing tag: the markdown lines
  // after `</div>` are in the closing node.
  const cut = closingCut(walk.nodes, walk.index + 1, closing, opening.name)
  walk.index = closing
  convertInElement(state, () =>
    opening.name === 'details'
      ? details(opening, inner, node, state, walk)
      : wrapper(opening, inner, node, state, walk),
  )
  if (cut !== -1) convertTail(walk.nodes[closing] as Html, cut, state, walk)
}

function wrapper(
  opening: {name: string; tag: string},
  inner: RootContent[],
  node: Html,
  state: State,
  walk: Walk,
): void {
  const tag = parseTag(opening.tag)
  const classes = (tag?.attributes.class ?? '').split(/\s+/).filter(Boolean)
  report(
    state,
    'info',
    'html-wrapper-dropped',
    node,
    `Dropped the <${opening.name}> wrapper and converted the markdown inside it.`,
  )
  const start = walk.out.length
  convertBlocks(inner, state, walk.out, walk.list)
  if (classes.length > 0) applyIal(classes, walk.out, start, node, state)
}

function details(
  opening: {rest: string},
  inner: RootContent[],
  node: Html,
  state: State,
  walk: Walk,
): void {
  let summary = summaryLine(opening.rest, node, state)
  const first = inner[0]
  if (summary.length === 0 && first?.type === 'html' && /^\s*<summary\b/i.test(first.value)) {
    summary = summaryLine(first.value, first, state)
    inner = inner.slice(1)
  }
  walk.out.push(detailsBlock(summary, () => sectionBlocks(inner, state), node, state))
}

const SUMMARY = /<summary\b[^>]*>([\s\S]*?)<\/summary\s*>/i

/**
 * The summary line of the `<summary>` element in `html`, if any: its text, or its markdown when
 * kramdown reads its content as markdown (`<summary markdown="span">**Hint**</summary>`: "Hint"
 * in bold; any summary on a site with `parse_block_html`), in a quote or a list item as anywhere
 * else.
 */
function summaryLine(html: string, node: Html, state: State): TextBlock[] {
  const found = SUMMARY.exec(html)
  if (!found) return []
  const tag = tagAt(found[0], 0)
  if (!tag || contentModel(tag, parsesBlockHtml(state.ctx.site)) === 'raw') {
    return plainLine(textOf(found[1]!))
  }
  const start = node.position?.start
  const at = {line: start?.line ?? 1, column: start?.column ?? 1, offset: start?.offset ?? 0}
  const content = found.index + tag.end
  return lineOf(state, (out) =>
    convertMarkdownAt(found[1]!, pointIn({text: html, at}, content), state, out),
  )
}
