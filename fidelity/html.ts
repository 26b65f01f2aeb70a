/** HTML as a tree (hast, parsed by parse5 as browsers parse it), and small helpers over it. */
import type {Element, Parents, Root, RootContent} from 'hast'
import {fromHtml} from 'hast-util-from-html'

/** An HTML fragment (a page body) as a hast tree, entities decoded by the parser. */
export function parseFragment(html: string): Root {
  return fromHtml(html, {fragment: true})
}

/** True for an element with this tag name (one of several when given a set). */
export function isElement(
  node: Root | RootContent,
  names?: string | ReadonlySet<string>,
): node is Element {
  if (node.type !== 'element') return false
  if (names === undefined) return true
  return typeof names === 'string' ? node.tagName === names : names.has(node.tagName)
}

/** The class names of an element. */
export function classes(element: Element): string[] {
  const value = element.properties.className
  return Array.isArray(value) ? value.map(String) : []
}

/** An attribute as a string (hast keeps parsed properties), or undefined. */
export function attribute(element: Element, name: string): string | undefined {
  const value = element.properties[name]
  if (value === undefined || value === null || value === false) return undefined
  return Array.isArray(value) ? value.join(' ') : String(value)
}

/** Every element below `parent` in document order, the parent itself excluded. */
export function* descendants(parent: Parents): Generator<Element> {
  for (const child of parent.children) {
    if (child.type !== 'element') continue
    yield child
    yield* descendants(child)
  }
}

/** Removes, everywhere below `parent`, the elements `remove` selects (and what they hold). */
export function removeElements(parent: Parents, remove: (element: Element) => boolean): void {
  parent.children = parent.children.filter(
    (child) => child.type !== 'element' || !remove(child),
  ) as typeof parent.children
  for (const child of parent.children) if (child.type === 'element') removeElements(child, remove)
}

/** Whether `node` is text of nothing but whitespace. */
export function isBlankText(node: RootContent): boolean {
  return node.type === 'text' && node.value.trim() === ''
}
