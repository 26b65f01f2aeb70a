import type {RootContent} from 'hast'

import type {Item} from '../../blocks/text-block.ts'
import type {Walk} from '../../blocks/walk.ts'
import type {State} from '../../state.ts'
import {fromHtml} from '../fromHtml.ts'
import {convertHast, isBlock} from './blocks.ts'
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
  const {root, scope} = parsed(html, at, state, walk, markdown)
  convertHast(root.children, scope)
}

/** `html` parsed as a fragment (lone buttons marked), and the scope its nodes convert in. */
function parsed(
  html: string,
  at: Point,
  state: State,
  walk: Walk,
  markdown?: HastScope['markdown'],
) {
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
  return {root, scope}
}

/**
 * Converts an HTML page (an `.html` file with front matter, after its Liquid) to Portable Text
 * appended to `out`: Jekyll hands it to no markdown converter, so it is read as a browser reads
 * it, and markdown in it stays text. Each top-level element, and each run of text and inline
 * elements between them, records its lines in `state.blockSpans`, as a markdown page's blocks do.
 */
export function convertHtmlPage(html: string, state: State, out: Item[]): void {
  const walk: Walk = {nodes: [], index: 0, out, topLevel: true}
  const {root, scope} = parsed(html, {line: 1, column: 1, offset: 0}, state, walk)
  let run: RootContent[] = []
  const convert = (nodes: RootContent[]) => {
    const start = out.length
    convertHast(nodes, scope)
    const first = nodes[0]
    // A run's text starts after the white space its node opens with (the blank line after `</p>`).
    const blank = first.type === 'text' ? /^\s*/.exec(first.value)![0].split('\n').length - 1 : 0
    const from = first.position && first.position.start.line + blank
    const to = nodes.at(-1)!.position?.end.line
    if (from === undefined || to === undefined) return
    for (let i = start; i < out.length; i++) state.blockSpans.set(out[i], [from, to])
  }
  for (const node of root.children) {
    if (!isBlock(node)) {
      // White space between blocks shows nothing, and starts no run of its own lines.
      if (run.length > 0 || node.type !== 'text' || node.value.trim() !== '') run.push(node)
      continue
    }
    if (run.length > 0) convert(run)
    run = []
    convert([node])
  }
  if (run.length > 0) convert(run)
}
