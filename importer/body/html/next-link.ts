import type {Element, Nodes} from 'hast'
import type {Html} from 'mdast'

import {checkLinkHref} from '../../../schemas/validation.ts'
import type {State} from '../state.ts'
import {report} from '../state.ts'
import {fromHtml} from './fromHtml.ts'
import {attribute, visibleText} from './hast/text.ts'
import {tagAt} from './tokens.ts'

/** True for the theme-style navigation block: `<div class="nav-buttons">…</div>`. */
export function isNavButtons(html: string): boolean {
  const trimmed = html.trimStart()
  if (!trimmed.startsWith('<div')) return false
  const tag = tagAt(trimmed, 0)
  return !!tag && !tag.closing && /(?:^|\s)nav-buttons(?:\s|$)/.test(tag.attributes.class ?? '')
}

// Labels of links that go back, which never become the next lesson.
const BACK = /^\W*(?:prev(?:ious)?|back)\b/i

function anchorsIn(node: Nodes, into: Element[] = []): Element[] {
  if (node.type === 'element' && node.tagName === 'a') into.push(node)
  else if ('children' in node) for (const child of node.children) anchorsIn(child, into)
  return into
}

function withoutAnchors(node: Nodes): Nodes {
  if (!('children' in node)) return node
  return {
    ...node,
    children: node.children
      .filter((child) => !(child.type === 'element' && child.tagName === 'a'))
      .map(withoutAnchors),
  } as Nodes
}

/**
 * Takes the "Next: …" anchor out of a navigation block into `state.next`, resolved through
 * `ctx.resolveLink`; without one, the last link that is not "Previous"/"Back". Other anchors have no field in
 * the model and are reported, as is text outside the anchors.
 */
export function takeNextLink(html: string, node: Html, state: State): void {
  const root = fromHtml(html, {fragment: true})
  const anchors = anchorsIn(root).map((anchor) => ({
    href: attribute(anchor, 'href') ?? '',
    label: visibleText(anchor),
  }))
  // "Next: …" wins; otherwise the last link that does not point back.
  const next =
    anchors.find((anchor) => /^next\b/i.test(anchor.label)) ??
    anchors.findLast((anchor) => !BACK.test(anchor.label))
  const stray = visibleText(withoutAnchors(root))
  if (/[\p{L}\p{N}]/u.test(stray)) {
    report(
      state,
      'warning',
      'nav-text-dropped',
      node,
      `Dropped the text "${stray.slice(0, 80)}" of a navigation block: only its next link is kept.`,
      'Move the text out of the <div class="nav-buttons">.',
    )
  }
  for (const other of anchors) {
    if (other !== next)
      report(
        state,
        'info',
        'nav-link-dropped',
        node,
        `Dropped the navigation link "${other.label}": lessons only keep a link to the next lesson.`,
      )
  }
  if (!next) {
    report(
      state,
      'warning',
      'next-link-missing',
      node,
      'Dropped a navigation block that holds no link to a next lesson.',
      'Add a "Next: …" link to the <div class="nav-buttons">, or remove it.',
    )
    return
  }
  if (checkLinkHref(next.href) !== true) {
    report(
      state,
      'warning',
      'unsafe-link',
      node,
      `Dropped the next-lesson link to "${next.href.slice(0, 80)}": the address is not allowed.`,
      'Use a path in the site or an http(s) address.',
    )
    return
  }
  const target = state.ctx.resolveLink(next.href, state.ctx.file)
  if (!target) {
    report(
      state,
      'warning',
      'next-link-unresolved',
      node,
      `Kept the next-lesson link "${next.href}" as an address: no page of the site has it.`,
      'Fix the address, or add the page it points at.',
    )
  }
  if (state.next) {
    report(
      state,
      'warning',
      'next-link-duplicate',
      node,
      'Replaced an earlier next-lesson link: the page has more than one navigation block.',
      'Keep one navigation block per page.',
    )
  }
  state.next = {label: next.label, href: next.href, target}
}
