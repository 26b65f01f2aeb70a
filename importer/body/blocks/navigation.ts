import type {Html} from 'mdast'

import {closingCut, closingEnd, findClosing, loneOpening} from '../html/containers.ts'
import {takeNextLink} from '../html/next-link.ts'
import {preparedBlock} from '../html/prepare.ts'
import {BLOCK_TYPES} from '../names.ts'
import type {State} from '../state.ts'
import {report} from '../state.ts'
import {convertTail} from './fragment.ts'
import type {Walk} from './walk.ts'

/**
 * The navigation block (`<div class="nav-buttons">`) becomes `next`, wherever it is; the rule
 * right above it goes with it. Whatever follows its `</div>`, in the same HTML block or after
 * it, is converted as ordinary content, in order.
 */
export function navigation(node: Html, state: State, walk: Walk): void {
  const closing = loneOpening(node.value) ? findClosing(walk.nodes, walk.index + 1, 'div') : -1
  const last = (closing === -1 ? node : walk.nodes[closing]) as Html
  const cut =
    closing === -1
      ? closingEnd(node.value, 'div')
      : closingCut(walk.nodes, walk.index + 1, closing, 'div')
  // The source, not the node values: a link on a line of its own inside the block is a paragraph.
  const from = node.position?.start.offset
  const to = last.position?.start.offset
  const head =
    from === undefined || to === undefined || last === node ? '' : state.source.slice(from, to)
  takeNavigation(head + (cut === -1 ? last.value : last.value.slice(0, cut)), node, state, walk)
  if (closing !== -1) walk.index = closing
  const tailStart = walk.out.length
  if (cut !== -1) convertTail(last, cut, state, walk)
  const tail = walk.out.length > tailStart
  if (tail) walk.transparent = false
  reportNotLast(tail, node, state, walk)
}

/** Takes the next-lesson link from a navigation block's HTML; the rule right above goes with it. */
export function takeNavigation(navHtml: string, node: Html, state: State, walk: Walk): void {
  walk.transparent = true
  // The rule above the buttons belongs to the navigation, not to the lesson.
  if (walk.out[walk.out.length - 1]?._type === BLOCK_TYPES.divider) walk.out.pop()
  takeNextLink(navHtml, node, state)
}

/** Reports a navigation block followed by content (`tail`: content in its own HTML block). */
export function reportNotLast(tail: boolean, node: Html, state: State, walk: Walk): void {
  if (!tail && walk.nodes.slice(walk.index + 1).every((next) => isComment(next, state))) return
  report(
    state,
    'info',
    'nav-not-last',
    node,
    'Took the next-lesson link from a navigation block that is not at the end of the page; the content after it stays in the body, in order.',
  )
}

// A pre-pass placeholder is a comment only when the block it stands for is one.
function isComment(node: {type: string; value?: unknown}, state: State): boolean {
  if (node.type !== 'html') return false
  const value = String(node.value)
  const prepared = preparedBlock(value, state)
  return prepared
    ? prepared.block.kind === 'comment' && !prepared.following
    : /^\s*<!--[\s\S]*-->\s*$/.test(value)
}
