import type {Element} from 'hast'

import {PARAGRAPH_MARK, removeParagraphMark} from '../../paragraph-mark.ts'
import {convertInElement} from '../../state.ts'
import {pointIn} from '../prepare.ts'
import {locate, type HastScope} from './scope.ts'

/**
 * A block element marked `markdown="1"` (or `"block"`) inside HTML: kramdown reads its content as
 * markdown, so the source between its tags goes to the markdown converter, into the scope's walk.
 * False when there is none to convert that way.
 */
export function markdownContent(element: Element, scope: HastScope): boolean {
  const attribute = element.properties.markdown
  const span = attribute === 'span'
  if (!scope.markdown || (attribute !== '1' && attribute !== 'block' && !span)) return false
  const first = element.children[0]
  const start = first?.position?.start.offset
  const end = element.children.at(-1)?.position?.end.offset
  if (start === undefined || end === undefined) return false
  const text = scope.html.slice(start, end)
  const at = locate(first, scope).position.start
  const convert = scope.markdown
  // kramdown reads the content as inside its element (a backslash at a line's end stays text).
  convertInElement(scope.state, () => {
    if (!span) return convert(text, at, scope.walk)
    // `markdown="span"`: one paragraph of markdown text (`[Docs](./docs/){: .btn }` in a
    // `<td>`), read as a paragraph's even where it starts with a tag; it starts where its text
    // does, after the white space taken off.
    const from = scope.walk.out.length
    const begins = pointIn({text, at}, text.length - text.trimStart().length)
    // The mark before the text takes a column of its own.
    const markAt = {...begins, column: begins.column - 1, offset: begins.offset - 1}
    convert(PARAGRAPH_MARK + text.trim(), markAt, scope.walk)
    for (const item of scope.walk.out.slice(from)) removeParagraphMark(item)
  })
  return true
}
