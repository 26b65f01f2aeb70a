import {spacesEscaped} from '../../../uri.ts'
import type {Element, Nodes} from 'hast'

/** An attribute as written (hast keeps parsed properties), or undefined. */
export function attribute(element: Element, name: string): string | undefined {
  const key =
    name === 'class' ? 'className' : name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())
  const value = element.properties[key] ?? element.properties[name]
  if (value === undefined || value === null || value === false) return undefined
  return Array.isArray(value) ? value.join(' ') : String(value)
}

/** The class names of an element. */
export function classesOf(element: Element): string[] {
  const value = element.properties.className
  return Array.isArray(value) ? value.map(String) : []
}

// Elements whose text a browser sets apart from the text around them.
const SEPARATED = new Set(
  'address article aside blockquote dd details div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header li main nav ol p pre section summary table td th tr ul'.split(
    ' ',
  ),
)

/** The text a node holds, tags removed (entities were decoded by the parser). */
export function textContent(node: Nodes): string {
  if (node.type === 'text') return node.value
  if (!('children' in node)) return ''
  let text = ''
  const stack: Array<Nodes | string> = [...node.children].reverse()
  // Iterative: hostile nesting must not exhaust the stack.
  while (stack.length > 0) {
    const current = stack.pop()!
    if (typeof current === 'string') text += current
    else if (current.type === 'text') text += current.value
    else if (current.type === 'element' && current.tagName === 'br') text += '\n'
    else if ('children' in current) {
      const separated = current.type === 'element' && SEPARATED.has(current.tagName)
      if (separated) stack.push(' ')
      for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i])
      if (separated) stack.push(' ')
    }
  }
  return text
}

/** Text content with whitespace collapsed as a browser shows it outside `<pre>`. */
export function visibleText(node: Nodes): string {
  return textContent(node).replace(/\s+/g, ' ').trim()
}

/**
 * A URL attribute (`src`, `href`) as a browser reads it: surrounding whitespace removed, tabs and
 * line breaks inside dropped, spaces inside written `%20` (`a (1).jpg` → `a%20(1).jpg`), so the
 * address is one the schema's URL rules accept and a markdown image of the same file would have.
 */
export function urlAttribute(element: Element, name: string): string | undefined {
  const value = attribute(element, name)
  return value === undefined ? undefined : spacesEscaped(value.trim().replace(/[\t\n\r]/g, ''))
}
