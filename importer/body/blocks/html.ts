import type {Html, RootContent} from 'mdast'

import {closingCut, findClosing, loneOpening} from '../html/containers.ts'
import {isNavButtons} from '../html/next-link.ts'
import {singleElement} from '../html/single.ts'
import {parseTag, textOf} from '../html/tags.ts'
import {applyIal} from '../ial.ts'
import {BLOCK_TYPES} from '../names.ts'
import type {State} from '../state.ts'
import {report} from '../state.ts'
import {convertBlocks} from './index.ts'
import {convertTail} from './fragment.ts'
import {navigation} from './navigation.ts'
import {richBlocks} from './rich-inline.ts'
import type {Walk} from './walk.ts'

/**
 * Block HTML. Comments are dropped; the navigation block becomes `next`; `<details>` and
 * callout `<div>`s wrapping markdown become `details` / `callout`; other wrappers (`<div
 * markdown="1">`) are unwrapped; `<img>` becomes an image; anything else is kept verbatim in
 * a `rawHtml` block, which renderers show as text and never execute.
 */
export function html(node: Html, state: State, walk: Walk): void {
  const value = node.value.trim()
  if (/^<!--[\s\S]*-->$/.test(value)) {
    walk.transparent = true
    return report(state, 'info', 'html-comment', node, 'Dropped an HTML comment.')
  }
  if (isNavButtons(value) && !state.rich) return navigation(node, state, walk)
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
  singleElement(value, node, state, walk)
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
  if (!summary) {
    report(
      state,
      'warning',
      'details-summary-missing',
      node,
      'The <details> element has no <summary>; used "Details".',
      'Add <summary>…</summary> after <details>.',
    )
    summary = 'Details'
  }
  walk.out.push({_type: BLOCK_TYPES.details, summary, body: richBlocks(inner, state)})
}
