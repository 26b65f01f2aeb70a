import type {Html} from 'mdast'

import {checkLinkHref} from '../../../schemas/validation.ts'
import type {State} from '../state.ts'
import {report} from '../state.ts'
import {decodeEntities, textOf} from './tags.ts'

/** True for the theme-style navigation block: `<div class="nav-buttons">…</div>`. */
export function isNavButtons(html: string): boolean {
  return /^<div\b[^>]*\bclass\s*=\s*["'][^"']*\bnav-buttons\b/i.test(html.trimStart())
}

/**
 * Takes the "Next: …" anchor out of a navigation block into `state.next`, resolved through
 * `ctx.resolveLink`. Other anchors (e.g. "Previous") have no field in the model and are reported.
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
  const next =
    anchors.find((anchor) => /^next\b/i.test(anchor.label)) ?? anchors[anchors.length - 1]
  if (!next) {
    report(
      state,
      'warning',
      'next-link-missing',
      node,
      'Dropped a navigation block that holds no link.',
      'Remove the empty <div class="nav-buttons">.',
    )
    return
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
