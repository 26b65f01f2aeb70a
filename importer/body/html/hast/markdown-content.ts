import type {Element} from 'hast'

import {locate, type HastScope} from './scope.ts'

/**
 * A block element marked `markdown="1"` (or `"block"`) inside HTML: kramdown reads its content as
 * markdown, so the source between its tags goes to the markdown converter, into the scope's walk.
 * False when there is none to convert that way.
 */
export function markdownContent(element: Element, scope: HastScope): boolean {
  const attribute = element.properties.markdown
  if (!scope.markdown || (attribute !== '1' && attribute !== 'block')) return false
  const first = element.children[0]
  const start = first?.position?.start.offset
  const end = element.children.at(-1)?.position?.end.offset
  if (start === undefined || end === undefined) return false
  scope.markdown(scope.html.slice(start, end), locate(first, scope).position.start, scope.walk)
  return true
}
