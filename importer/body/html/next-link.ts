import type {Html} from 'mdast'

import {checkLinkHref} from '../../../schemas/validation.ts'
import type {State} from '../state.ts'
import {report} from '../state.ts'
import {decodeEntities, textOf} from './tags.ts'

/** True for the theme-style navigation block: `<div class="nav-buttons">…</div>`. */
export function isNavButtons(html: string): boolean {
  return /^<div\b[^>]*\bclass\s*=\s*["'][^"']*\bnav-buttons\b/i.test(html.trimStart())
}

// Labels of links that go back, which never become the next lesson.
const BACK = /^\W*(?:prev(?:ious)?|back)\b/i

/**
 * Takes the "Next: …" anchor out of a navigation block into `state.next`, resolved through
 * `ctx.resolveLink`; without one, the last link that is not "Previous"/"Back". Other anchors have no field in
 * the model and are reported, as is text outside the anchors.
 */
export function takeNextLink(html: string, node: Html, state: State): void {
  const anchors = [...html.matchAll(/<a\b([^>]*)>([\s\S]*?)<\/a\s*>/gi)].map((match) => ({
    href: decodeEntities(
      /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i
        .exec(match[1])
        ?.slice(1)
        .find((v) => v !== undefined) ?? '',
    ),
    label: textOf(match[2]),
  }))
  // "Next: …" wins; otherwise the last link that does not point back.
  const next =
    anchors.find((anchor) => /^next\b/i.test(anchor.label)) ??
    anchors.findLast((anchor) => !BACK.test(anchor.label))
  const stray = textOf(html.replace(/<a\b[^>]*>[\s\S]*?<\/a\s*>/gi, ' '))
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
