import type {Html} from 'mdast'

import {convertMarkdownAt} from '../html/markdown.ts'
import {pointIn} from '../html/prepare.ts'
import type {State} from '../state.ts'
import type {Walk} from './walk.ts'

/**
 * Converts the markdown CommonMark swallowed into an HTML block after its closing tag
 * (`</div>` then the lines up to the next blank line). Kramdown, which Jekyll uses, renders
 * those lines as markdown, so this tail alone is converted in place, with positions pointing
 * into the page.
 */
export function convertTail(node: Html, cut: number, state: State, walk: Walk): void {
  const start = node.position?.start
  const at = {line: start?.line ?? 1, column: start?.column ?? 1, offset: start?.offset ?? 0}
  const tailAt = pointIn({text: node.value, at}, cut)
  convertMarkdownAt(node.value.slice(cut), tailAt, state, walk.out, walk.list)
}
