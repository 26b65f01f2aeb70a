import type {Html, RootContent} from 'mdast'

import {closingCut, findClosing, loneOpening} from '../html/containers.ts'
import {convertHtml} from '../html/hast/index.ts'
import {convertPrepared, detailsBlock} from '../html/kramdown-convert.ts'
import {isNavButtons} from '../html/next-link.ts'
import {convertMarkdownAt} from '../html/markdown.ts'
import {preparedBlock} from '../html/prepare.ts'
import {KNOWN_ELEMENTS, parseTag, textOf} from '../html/tags.ts'
import {tagAt} from '../html/tokens.ts'
import {applyIal} from '../ial.ts'
import {BLOCK_TYPES} from '../names.ts'
import type {State} from '../state.ts'
import {isNested, report} from '../state.ts'
import {convertBlocks} from './index.ts'
import {convertTail} from './fragment.ts'
import {navigation} from './navigation.ts'
import {sectionBlocks} from './rich-inline.ts'
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
  const value = node.value.trim()
  if (/^<!--[\s\S]*-->$/.test(value)) {
    walk.transparent = true
    return report(state, 'info', 'html-comment', node, 'Dropped an HTML comment.')
  }
  if (isNavButtons(value) && !isNested(state)) return navigation(node, state, walk)
  const opening = loneOpening(value)
  if (opening) return container(opening, node, state, walk)
  const closingOnly = parseTag(value)
  if (closingOnly?.closing) {
    walk.transparent = true
    return report(
      state,
      'info',
      'html-wrapper-dropped',
      node,
      `Dropped a closing </${closingOnly.name}> tag that closes nothing converted.`,
    )
  }
  const start = node.position?.start
  const at = {line: start?.line ?? 1, column: start?.column ?? 1, offset: start?.offset ?? 0}
  if (MARKDOWN_ATTRIBUTE.test(value)) {
    // Inside a quote or list item the pre-pass has not delimited it: its own markdown is read
    // as the page's is, so `markdown="1"` content and attribute lists there convert the same.
    return convertMarkdownAt(value, at, state, walk.out, walk.list)
  }
  const first = tagAt(value, 0)
  if (!first || !KNOWN_ELEMENTS.has(first.name)) {
    // `<String>` on its own line: a parser sees a tag, a reader sees text.
    convertBlocks(
      [{type: 'paragraph', children: [{type: 'text', value}], position: node.position}],
      state,
      walk.out,
      walk.list,
    )
    return
  }
  convertHtml(node.value, at, state, walk)
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
  if (opening.name === 'details') details(opening, inner, node, state, walk)
  else wrapper(opening, inner, node, state, walk)
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
  let summary = textOf(/<summary\b[^>]*>([\s\S]*?)<\/summary\s*>/i.exec(opening.rest)?.[1] ?? '')
  const first = inner[0]
  if (!summary && first?.type === 'html' && /^\s*<summary\b/i.test(first.value)) {
    summary = textOf(first.value)
    inner = inner.slice(1)
  }
  walk.out.push(detailsBlock(summary, () => sectionBlocks(inner, state), node, state))
}
