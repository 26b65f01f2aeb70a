import type {Walk} from '../../blocks/walk.ts'
import type {State} from '../../state.ts'
import {fromHtml} from '../fromHtml.ts'
import {convertHast} from './blocks.ts'
import {markLoneButtons} from '../buttons.ts'
import type {HastScope, Point} from './scope.ts'

export type {Point} from './scope.ts'

/**
 * Converts an HTML fragment, parsed by parse5 as a browser parses it (entities included), to
 * Portable Text appended to `walk.out`; `at` is where the fragment starts in the page.
 * `markdown` converts the content of a nested `markdown="1"` element, as kramdown reads it.
 */
export function convertHtml(
  html: string,
  at: Point,
  state: State,
  walk: Walk,
  markdown?: HastScope['markdown'],
): void {
  const root = fromHtml(html, {fragment: true})
  markLoneButtons(root)
  const scope: HastScope = {
    state,
    walk,
    html,
    at,
    pre: false,
    depth: 0,
    all: convertHast,
    ...(markdown ? {markdown} : {}),
  }
  convertHast(root.children, scope)
}
