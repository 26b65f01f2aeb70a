/**
 * hast-util-from-html's `fromHtml`, loaded the first time a page needs it: it brings parse5's
 * tree builder, hastscript and property-information (about a fifth of the body converter's
 * start-up), which a page without HTML to parse into a tree never uses, as in a one-page
 * re-import. Loaded with `require` (Node loads an ES module synchronously that way), since
 * the conversion is synchronous.
 */
import type {Element, ElementContent, Nodes, Root} from 'hast'
import type {fromHtml as FromHtml} from 'hast-util-from-html'

import {onFirstUse} from '../../onFirstUse.ts'
import {TEXT_LT, textClosersEscaped} from './tokens.ts'

const load = onFirstUse<{fromHtml: typeof FromHtml}>('hast-util-from-html')

/**
 * Parses HTML as browsers do (see hast-util-from-html), except that a `</` kramdown keeps as
 * text stays text, with the text after it.
 */
export function fromHtml(value: string, options?: Parameters<typeof FromHtml>[1]): Root {
  const escaped = textClosersEscaped(value)
  if (escaped === value && options?.fragment) {
    const plain = plainElement(value)
    if (plain) return plain
  }
  const root = load().fromHtml(escaped, options)
  if (escaped !== value) restoreLt(root)
  return root
}

/**
 * Elements parse5 keeps as written in a fragment, with their text as it is: not `<pre>` or
 * `<textarea>`, where it drops a first line break, nor `<td>`, which it drops outside a table.
 */
const PLAIN_ELEMENTS = new Set(
  'summary span p div b i em strong code kbd small sub sup mark u s del ins h1 h2 h3 h4 h5 h6'.split(
    ' ',
  ),
)

/**
 * One element without attributes around text with nothing for a parser to read in it (no
 * tag, entity, carriage return, NUL or surrogate): `<summary>Hint</summary>`, as kramdown keeps
 * a details block's summary.
 */
const PLAIN = /^<([a-z][a-z0-9]*)>([^<&\r\0\ud800-\udfff]*)<\/\1>$/

/** A place in the fragment, as parse5 gives it. */
type Point = {line: number; column: number; offset: number}

/**
 * The tree parse5 gives a fragment that is one plain element ({@link PLAIN}), made without it:
 * the same nodes and positions (`fromHtml.test.ts` compares them), in about a tenth of the time
 * (0.7 to 1.3 µs a summary against 9.5 to 10.4 µs once parse5 is warm, and far more before).
 */
export function plainElement(html: string): Root | undefined {
  const match = PLAIN.exec(html)
  if (!match || !PLAIN_ELEMENTS.has(match[1])) return undefined
  const [, tagName, text] = match
  const open = tagName.length + 2
  const start: Point = {line: 1, column: 1, offset: 0}
  const textEnd = pointAfter(text, {line: 1, column: open + 1, offset: open})
  const end = pointAfter(`</${tagName}>`, textEnd)
  const children: ElementContent[] = text
    ? [
        {
          type: 'text',
          value: text,
          position: {start: {line: 1, column: open + 1, offset: open}, end: textEnd},
        },
      ]
    : []
  const element: Element = {
    type: 'element',
    tagName,
    properties: {},
    children,
    position: {start, end},
  }
  return {
    type: 'root',
    children: [element],
    data: {quirksMode: false},
    position: {start: {...start}, end: {...end}},
  }
}

/** The point just after `text`, written from `from`. */
function pointAfter(text: string, from: Point): Point {
  const lines = text.split('\n')
  const last = lines[lines.length - 1].length
  return lines.length === 1
    ? {line: from.line, column: from.column + last, offset: from.offset + text.length}
    : {line: from.line + lines.length - 1, column: last + 1, offset: from.offset + text.length}
}

const restore = (text: string) => text.replaceAll(TEXT_LT, '<')

function restoreLt(node: Nodes): void {
  if (node.type === 'text' || node.type === 'comment') node.value = restore(node.value)
  if (node.type === 'element') {
    for (const [key, property] of Object.entries(node.properties)) {
      if (typeof property === 'string') node.properties[key] = restore(property)
      else if (Array.isArray(property))
        node.properties[key] = property.map((item) =>
          typeof item === 'string' ? restore(item) : item,
        )
    }
    if (node.content) restoreLt(node.content)
  }
  if ('children' in node) for (const child of node.children) restoreLt(child as Nodes)
}
