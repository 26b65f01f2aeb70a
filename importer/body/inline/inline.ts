import type {State} from '../state.ts'
import type {Child, Item, MarkDef, Span} from '../blocks/text-block.ts'
import {ANNOTATIONS} from '../names.ts'
import {PARAGRAPH_MARK} from '../paragraph-mark.ts'

/** Inline content collected for one paragraph, heading or cell; images split it into segments. */
export interface Inline {
  children: Child[]
  markDefs: MarkDef[]
  /** Decorators and annotation keys applying to text appended now. */
  marks: string[]
  /**
   * Finished segments: text runs and block items (images) that interrupt them, with the source
   * line an image is on when it is known.
   */
  segments: Array<{children: Child[]; markDefs: MarkDef[]} | {item: Item; line?: number}>
  /** The source lines that show text (words, code, a formula), once any is known. */
  textLines?: Set<number>
  /** After an HTML line break: the spaces that start the text appended next are not shown. */
  afterBreak?: boolean
  /** The type of the node before the one converted now, among its siblings (none: it is first). */
  previousSibling?: string
  /** Where what that node appended begins, for a span attribute list after it (`label.ts`). */
  previousPlace?: InlinePlace
  /** The keys of the labels the paragraph has opened (`label.ts`); their count numbers the next. */
  labels?: Set<string>
  /** The names of the paragraph's HTML elements open now (`<span>`, `<sup>`, `<a>`). */
  openElements?: string[]
}

/**
 * Where an element's output begins in `inline`: a span attribute list after it may make it a
 * label (`label.ts`).
 */
export interface InlinePlace {
  children: Child[]
  index: number
  /** The length of the span before `index` then: the element's text may have joined it. */
  text: number
}

/** The place where what is appended next begins. */
export function placeIn(inline: Inline): InlinePlace {
  const last = inline.children.at(-1)
  return {
    children: inline.children,
    index: inline.children.length,
    text: last?._type === 'span' ? (last as Span).text.length : 0,
  }
}

/** Handles one phrasing node. */
export type InlineHandler = (node: never, state: State, inline: Inline) => void

/** Starts collecting inline content. */
export function createInline(): Inline {
  return {children: [], markDefs: [], marks: [], segments: []}
}

/** Appends text with the current marks, merging with the previous span when the marks match. */
export function appendText(inline: Inline, text: string): void {
  if (inline.afterBreak) {
    text = text.replace(/^[ \t]+/, '')
    if (text !== '') inline.afterBreak = false
  }
  if (text === '') return
  // '' marks an `<a>` without a usable href: it closes like a link but annotates nothing.
  const open = inline.marks.includes('') ? inline.marks.filter((m) => m !== '') : inline.marks
  const marks = inline.labels ? labelsFirst(open, inline.labels) : open
  const last = inline.children[inline.children.length - 1]
  if (last?._type === 'span' && sameMarks((last as Span).marks, marks)) {
    ;(last as Span).text += text
    return
  }
  inline.children.push({_type: 'span', text, marks: [...marks]})
}

/**
 * A label is one element with what it styles (kramdown's `<strong class="label">`): its key comes
 * first in a span's marks however it was written (`**A**{: .label }`, `**<span class="label">A
 * </span>**`), so an export and its import give the same span.
 */
function labelsFirst(marks: string[], labels: ReadonlySet<string>): string[] {
  let count = 0
  while (count < marks.length && labels.has(marks[count]!)) count++
  if (!marks.slice(count).some((mark) => labels.has(mark))) return marks
  return [...marks.filter((mark) => labels.has(mark)), ...marks.filter((mark) => !labels.has(mark))]
}

/**
 * An HTML `<br>`: a line break, without the spaces around it that a browser does not show
 * (`text <br>` and the line after it, whose soft line break reads as a space).
 */
export function appendLineBreak(inline: Inline): void {
  const last = inline.children[inline.children.length - 1] as Span | undefined
  // Spaces only: a line break before it (`<br><br>`) is one a reader sees.
  if (last?._type === 'span' && !last.marks.includes('code'))
    last.text = last.text.replace(/[ \t]+$/, '')
  appendText(inline, '\n')
  inline.afterBreak = true
}

/** Appends an inline object (a formula, a footnote reference, an image in a line). */
export function appendInlineObject(inline: Inline, child: Child): void {
  inline.afterBreak = false
  inline.children.push(child)
}

/**
 * Closes the current text run and puts a block item (an image) between runs; `line`, the source
 * line the item is on, lets `blocks/segments.ts` keep it in a line of text.
 */
export function appendItem(inline: Inline, item: Item, line?: number): void {
  inline.afterBreak = false
  flush(inline)
  inline.segments.push(line === undefined ? {item} : {item, line})
}

/** A character a reader sees: not white space, nor the paragraph mark (see paragraph-mark.ts). */
const SHOWN = new RegExp(`[^\\s${PARAGRAPH_MARK}]`)

/**
 * Notes the source lines that `text`, starting on line `first`, shows something on (soft line
 * breaks included): an image on one of them is in a line of text.
 */
export function noteTextLines(inline: Inline, text: string, first: number | undefined): void {
  if (first === undefined) return
  let line = first
  let from = 0
  for (;;) {
    const end = text.indexOf('\n', from)
    const part = end < 0 ? text.slice(from) : text.slice(from, end)
    if (SHOWN.test(part)) (inline.textLines ??= new Set()).add(line)
    if (end < 0) return
    from = end + 1
    line++
  }
}

/** Adds an annotation definition once per block and returns its key. */
export function addMarkDef(inline: Inline, def: MarkDef): string {
  const existing = inline.markDefs.find((other) => other._key === def._key)
  if (!existing) inline.markDefs.push(def)
  return def._key
}

/** Runs `inner` with an extra mark applied. */
export function withMark(inline: Inline, mark: string, inner: () => void): void {
  // `**a *b***` can nest the same decorator twice; once is what a reader sees.
  if (inline.marks.includes(mark)) return inner()
  inline.marks.push(mark)
  inner()
  inline.marks.pop()
}

/** The annotations among `markDefs` that a span of `children` marks. */
export function usedMarkDefs(children: readonly Child[], markDefs: readonly MarkDef[]): MarkDef[] {
  const used = new Set(children.flatMap((child) => (child as {marks?: string[]}).marks ?? []))
  return markDefs.filter((def) => used.has(def._key))
}

/** Ends the current text run. */
export function flush(inline: Inline): void {
  if (inline.children.length > 0) {
    // Only the annotations a span of this run uses (a link around an image alone marks none).
    inline.segments.push({
      children: inline.children,
      markDefs: usedMarkDefs(inline.children, inline.markDefs),
    })
  }
  inline.children = []
  // An annotation still open (a link around an image) carries over to the next run.
  inline.markDefs = inline.markDefs.filter((def) => inline.marks.includes(def._key))
}

function sameMarks(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/**
 * The address of the innermost link open around the current position, for an inline object (an
 * image, a formula) that a link mark cannot cover. A link to a page of the site gives the
 * address the page wrote (`./streaming.html`), which the generated site maps to that page; one
 * written as a Liquid `{% link %}` tag gives none.
 */
export function enclosingHref(inline: Inline): string | undefined {
  for (let i = inline.marks.length - 1; i >= 0; i--) {
    const def = inline.markDefs.find((candidate) => candidate._key === inline.marks[i])
    if (def && def._type === ANNOTATIONS.link && typeof def.href === 'string') return def.href
    if (def?._type === ANNOTATIONS.internalLink && typeof def.written === 'string') {
      if (def.written.startsWith('{%')) return undefined
      return typeof def.anchor === 'string' ? `${def.written}#${def.anchor}` : def.written
    }
  }
  return undefined
}
