import {escapeLineStart} from './escape.ts'
import {inlineMarkdown, type InlineOptions} from './inline.ts'
import type {BodyState, Child, Item, MarkDef} from './state.ts'

/** The inline markdown of a text block (its children and mark definitions). */
export function blockInline(block: Item, state: BodyState, options?: InlineOptions): string {
  return inlineMarkdown(
    (block.children as Child[] | undefined) ?? [],
    (block.markDefs as MarkDef[] | undefined) ?? [],
    state,
    options,
  )
}

/**
 * Stands for a line break inside a formula while text's line breaks become hard breaks: no
 * text holds it (markdown parsers replace U+0000, as CommonMark says).
 */
const TEX_NEWLINE = '\0'

/**
 * A text block's markdown as paragraphs: `\n\n` in a list item's text separates its own
 * paragraphs; any other `\n` is a hard break (two spaces, then the next line). A formula's lines
 * stay as written: two spaces there would be the formula's, and grow each round trip. Outside a
 * list item (`breaksOnly`) a block is one paragraph, so `\n\n` is two breaks in a row (what
 * `<br>` on a line of its own makes): the line between them is written `<br>`, as a line of two
 * spaces would be blank and end the paragraph, and a mark open across it with it.
 */
export function paragraphs(block: Item, state: BodyState, breaksOnly = false): string[] {
  const text = blockInline(block, state, {texNewline: TEX_NEWLINE})
  return (breaksOnly ? [text] : text.split(/\n{2,}/))
    .map((paragraph) => notATable(hardBreaks(paragraph.split('\n'))).replaceAll(TEX_NEWLINE, '\n'))
    .filter((paragraph) => paragraph.trim() !== '')
}

/**
 * Where in `line` kramdown sees a table's pipe (an unescaped `|` outside code spans; a
 * formula's too, which text cannot escape), with the formula it is in, and the spaces outside
 * code spans and formulas, where a line may break without changing what it shows.
 */
function pipesAndSpaces(line: string): {
  pipes: Array<{at: number; from: number; to: number}>
  spaces: number[]
} {
  const pipes: Array<{at: number; from: number; to: number}> = []
  const spaces: number[] = []
  let formula = -1
  let open: Array<{at: number; from: number; to: number}> = []
  for (let at = 0; at < line.length; at++) {
    const char = line[at]
    if (char === '\\') at++
    else if (char === '`' && formula < 0) {
      const run = /^`+/.exec(line.slice(at))![0]
      const close = line.indexOf(run, at + run.length)
      if (close >= 0) at = close + run.length - 1
    } else if (line.startsWith('$$', at)) {
      if (formula < 0) formula = at
      else {
        for (const pipe of open) pipe.to = at + 2
        open = []
        formula = -1
      }
      at++
    } else if (char === '|') {
      const pipe = {at, from: formula < 0 ? at : formula, to: at + 1}
      pipes.push(pipe)
      if (formula >= 0) open.push(pipe)
    } else if (char === ' ' && formula < 0) spaces.push(at)
  }
  return {pipes, spaces}
}

/**
 * A paragraph kramdown would read as a table, written so it does not: kramdown starts a table at
 * a block whose every line holds a pipe, and a formula's pipe counts (`$$E \in \R^{|V|}$$` on
 * the paragraph's one line, where the page had it on its second). Its first line is broken at a
 * space before the first pipe's formula, else after the last one's, which the reader sees as the
 * space it was.
 */
function notATable(paragraph: string): string {
  if (!paragraph.includes('|')) return paragraph
  const lines = paragraph.split('\n')
  const found = lines.map(pipesAndSpaces)
  if (found.some(({pipes}) => pipes.length === 0)) return paragraph
  const [line] = lines as [string]
  const {pipes, spaces} = found[0]!
  const before = spaces.filter((at) => at < pipes[0]!.from && line.slice(0, at).trim() !== '')
  const after = spaces.filter((at) => at >= pipes.at(-1)!.to && line.slice(at).trim() !== '')
  const at = before.at(-1) ?? after[0]
  if (at === undefined) return paragraph
  lines[0] = `${line.slice(0, at)}\n${escapeLineStart(line.slice(at + 1))}`
  return lines.join('\n')
}

/** A paragraph's lines joined by hard breaks; a line left empty between two is `<br>`. */
function hardBreaks(lines: readonly string[]): string {
  let out = escapeLineStart(lines[0]!)
  let afterBr = false
  for (let n = 1; n < lines.length; n++) {
    // White space a reader sees at a line's start (a no-break space) stays; spaces go.
    const line = lines[n]!.replace(/^[ \t]+/, '')
    // The break `<br>` writes is the line's own: the line after it follows as a soft one.
    out += afterBr ? '\n' : '  \n'
    afterBr = line === '' && n < lines.length - 1
    out += afterBr ? '<br>' : escapeLineStart(line)
  }
  return out
}

/**
 * Prefixes every line that is not blank (all lines after the first when `skipFirst`). A line of
 * spaces stays as it is: kramdown keeps such a line as written inside a list item (a code
 * block's), so a prefix would be the code's, growing on each round trip.
 */
export function indent(text: string, prefix: string, skipFirst = false): string {
  return text
    .split('\n')
    .map((line, index) =>
      (skipFirst && index === 0) || /^[ \t]*$/.test(line) ? line : prefix + line,
    )
    .join('\n')
}

/** Quotes every line for a blockquote (`> `, or `>` alone on a blank line). */
export function quote(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n')
}

/**
 * Whether a normal text block starts or ends with white space: where the importer split an image
 * on a line of its own out of a paragraph, the line break beside it became a space.
 */
export function textEdgeSpace(item: Item | undefined, edge: 'start' | 'end'): boolean {
  if (item?._type !== 'block') return false
  if (item.style !== undefined && item.style !== 'normal') return false
  const children = (item.children as Array<{text?: unknown}> | undefined) ?? []
  const child = edge === 'start' ? children[0] : children[children.length - 1]
  const text = typeof child?.text === 'string' ? child.text : ''
  return edge === 'start' ? /^\s/.test(text) : /\s$/.test(text)
}

/**
 * Two parts of one paragraph on lines of their own: the space a line break became at either edge
 * taken off, and no line break added after a hard one (`<br>` before an image); `after`'s lines
 * indented by `prefix` (into a list item).
 */
export function joinLines(before: string, after: string, prefix = ''): string {
  const next = indent(after.replace(/^ /, ''), prefix)
  return before.endsWith('\n') ? before + next : `${before.replace(/(?<! ) $/, '')}\n${next}`
}
