import type {Break, Paragraph, PhrasingContent, Text} from 'mdast'

type Point = NonNullable<Paragraph['position']>['start']

/** An attribute list on a line of its own inside a paragraph's text (not an extension's `{::`). */
const INNER_LINE = /\n[ \t]*\{:(?![:/])[^{}\n]*\}[ \t]*(?=\n)/
/** The same line in the page, where it may be behind a quote's `>` markers. */
const INNER_SOURCE_LINE = /\n[ \t>]*\{:(?![:/])[^{}\n]*\}[ \t]*(?=\n)/
/** An attribute list that ends a text, on a line of its own (or the text's only line). */
const LAST_LINE = /(?:^|\n)[ \t]*\{:(?![:/])[^{}\n]*\}[ \t]*$/
/** An attribute list that starts a text on a line of its own, with a line after it. */
const FIRST_LINE = /^[ \t]*\{:(?![:/])[^{}\n]*\}[ \t]*\n/

/**
 * A paragraph cut after its first attribute list on a line of its own between two of its lines
 * (`Font size 1` / `{: .fs-1 }` / `Font size 2`): kramdown ends the paragraph there and gives it
 * the list, so readers see two paragraphs, the first styled (a `{: .note }` makes it a callout).
 * CommonMark reads one paragraph with the list as a line of its text. The first part ends with
 * the list's line, for the paragraph's own handling to apply; undefined when there is no such
 * line, or it cannot be placed in the page.
 *
 * Two spaces (or a backslash) ending the line above the list, or two spaces ending the list's
 * own line, are a line break to CommonMark, which then splits the text around it:
 * `{: .mt-6 }␠␠` over the next step's text ends the paragraph all the same for kramdown, whose
 * paragraphs end at an attribute list whatever ends the line (a backslash after the list makes
 * it text).
 */
export function splitAtAttributeLine(
  node: Paragraph,
  source: string,
): [Paragraph, Paragraph] | undefined {
  const {children} = node
  for (let index = 0; index < children.length; index++) {
    const child = children[index]
    if (child.type !== 'text') continue
    if (INNER_LINE.test(child.value)) return splitInside(node, index, source)
    const before = children[index - 1]
    const after = children[index + 1]
    if (after && isSpacesBreak(after, source) && index + 2 < children.length) {
      const last = LAST_LINE.exec(child.value)
      // The text's first line is a line of its own only after a line break.
      if (last && (last[0].startsWith('\n') || before?.type === 'break'))
        return splitAround(node, index, index + 2, children[index + 2].position?.start)
    }
    if (before?.type === 'break') {
      const first = FIRST_LINE.exec(child.value)
      if (first) return splitFirstLine(node, index, first[0].length)
    }
  }
  return undefined
}

/** Whether `node` is a line break that white space at a line's end made (not a backslash). */
function isSpacesBreak(node: PhrasingContent | undefined, source: string): node is Break {
  const at = node?.type === 'break' ? node.position?.start.offset : undefined
  return at !== undefined && /[ \t]/.test(source[at] ?? '')
}

/**
 * The paragraph cut around a line break: the children up to `last` (the text ending with the
 * list's line), and from `next` on, the line break between them left out.
 */
function splitAround(
  node: Paragraph,
  last: number,
  next: number,
  start: Point | undefined,
): [Paragraph, Paragraph] | undefined {
  const end = node.children[last].position?.end
  if (!node.position || !end || !start) return undefined
  return [
    {
      type: 'paragraph',
      children: node.children.slice(0, last + 1),
      position: {start: node.position.start, end},
    },
    {
      type: 'paragraph',
      children: node.children.slice(next),
      position: {start, end: node.position.end},
    },
  ]
}

/** The paragraph cut after the first line of the text at `index`, `length` characters long. */
function splitFirstLine(
  node: Paragraph,
  index: number,
  length: number,
): [Paragraph, Paragraph] | undefined {
  const text = node.children[index] as Text
  const from = text.position?.start
  if (from?.offset === undefined) return undefined
  // The list's line is the text's first: its own line of the page, from the text's start.
  const line = text.value.slice(0, length - 1)
  const offset = from.offset + line.length
  const end: Point = {line: from.line, column: from.column + line.length, offset}
  const start: Point = {line: from.line + 1, column: 1, offset: offset + 1}
  return cutText(node, index, [line, end], [text.value.slice(length), start])
}

/** The paragraph cut after the list's line inside the text at `index`. */
function splitInside(
  node: Paragraph,
  index: number,
  source: string,
): [Paragraph, Paragraph] | undefined {
  const text = node.children[index] as Text
  const from = text.position?.start
  const to = text.position?.end.offset
  if (from?.offset === undefined || to === undefined) return undefined
  const inSource = INNER_SOURCE_LINE.exec(source.slice(from.offset, to))
  const inValue = INNER_LINE.exec(text.value)!
  if (!inSource) return undefined
  // The line ends where the list does; the next paragraph starts on the line after it.
  const offset = from.offset + inSource.index + inSource[0].length
  const lines = source.slice(from.offset, offset).split('\n')
  const end: Point = {line: from.line + lines.length - 1, column: lines.at(-1)!.length + 1, offset}
  const start: Point = {line: end.line + 1, column: 1, offset: offset + 1}
  const cut = inValue.index + inValue[0].length
  return cutText(node, index, [text.value.slice(0, cut), end], [text.value.slice(cut + 1), start])
}

/**
 * The paragraph cut inside the text at `index`: the first part ends with `head`, which ends at
 * `end`; the second starts with `tail` (when there is any), which starts at `start`.
 */
function cutText(
  node: Paragraph,
  index: number,
  [head, end]: [string, Point],
  [tail, start]: [string, Point],
): [Paragraph, Paragraph] | undefined {
  const text = node.children[index] as Text
  if (!text.position || !node.position) return undefined
  const rest: PhrasingContent[] = node.children.slice(index + 1)
  if (tail !== '')
    rest.unshift({type: 'text', value: tail, position: {start, end: text.position.end}})
  return [
    {
      type: 'paragraph',
      children: [
        ...node.children.slice(0, index),
        {type: 'text', value: head, position: {start: text.position.start, end}},
      ],
      position: {start: node.position.start, end},
    },
    {type: 'paragraph', children: rest, position: {start, end: node.position.end}},
  ]
}
