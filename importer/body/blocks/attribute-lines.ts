import type {Paragraph, PhrasingContent} from 'mdast'

type Point = NonNullable<Paragraph['position']>['start']

/** An attribute list on a line of its own inside a paragraph's text (not an extension's `{::`). */
const INNER_LINE = /\n[ \t]*\{:(?![:/])[^{}\n]*\}[ \t]*(?=\n)/
/** The same line in the page, where it may be behind a quote's `>` markers. */
const INNER_SOURCE_LINE = /\n[ \t>]*\{:(?![:/])[^{}\n]*\}[ \t]*(?=\n)/

/**
 * A paragraph cut after its first attribute list on a line of its own between two of its lines
 * (`Font size 1` / `{: .fs-1 }` / `Font size 2`): kramdown ends the paragraph there and gives it
 * the list, so readers see two paragraphs, the first styled (a `{: .note }` makes it a callout).
 * CommonMark reads one paragraph with the list as a line of its text. The first part ends with
 * the list's line, for the paragraph's own handling to apply; undefined when there is no such
 * line, or it cannot be placed in the page.
 */
export function splitAtAttributeLine(
  node: Paragraph,
  source: string,
): [Paragraph, Paragraph] | undefined {
  const index = node.children.findIndex(
    (child) => child.type === 'text' && INNER_LINE.test(child.value),
  )
  if (index === -1) return undefined
  const text = node.children[index] as Extract<PhrasingContent, {type: 'text'}>
  const from = text.position?.start
  const to = text.position?.end.offset
  if (from?.offset === undefined || to === undefined || !node.position) return undefined
  const inSource = INNER_SOURCE_LINE.exec(source.slice(from.offset, to))
  const inValue = INNER_LINE.exec(text.value)!
  if (!inSource) return undefined
  // The line ends where the list does; the next paragraph starts on the line after it.
  const end = from.offset + inSource.index + inSource[0].length
  const lines = source.slice(from.offset, end).split('\n')
  const endPoint: Point = {
    line: from.line + lines.length - 1,
    column: lines.at(-1)!.length + 1,
    offset: end,
  }
  const startPoint: Point = {line: endPoint.line + 1, column: 1, offset: end + 1}
  const cut = inValue.index + inValue[0].length
  const head = text.value.slice(0, cut)
  const tail = text.value.slice(cut + 1)
  const first: Paragraph = {
    type: 'paragraph',
    children: [
      ...node.children.slice(0, index),
      {type: 'text', value: head, position: {start: from, end: endPoint}},
    ],
    position: {start: node.position.start, end: endPoint},
  }
  const rest: PhrasingContent[] = node.children.slice(index + 1)
  if (tail !== '')
    rest.unshift({
      type: 'text',
      value: tail,
      position: {start: startPoint, end: text.position!.end},
    })
  const second: Paragraph = {
    type: 'paragraph',
    children: rest,
    position: {start: startPoint, end: node.position.end},
  }
  return [first, second]
}
