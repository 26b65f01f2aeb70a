import {ANNOTATIONS, INLINE_TYPES, labelClasses} from '../../schemas/constants.ts'
import {destination, escapeInline, rawLiquid} from './escape.ts'
import {image} from './image.ts'
import type {BodyState, Child, MarkDef} from './state.ts'

const DELIMITERS: Record<string, string> = {strong: '**', em: '*', 'strike-through': '~~'}

interface Segment {
  /** Markdown already written (a code span or footnote reference), or text to escape. */
  text: string
  raw: boolean
  marks: string[]
  /** An inline object, which takes the marks around it. */
  inline?: boolean
  /** A formula's own link (`inlineMath.href`), written unless a link around it leads there. */
  href?: string
  /** A code span: kramdown reads one whole in a table cell, a pipe in it included. */
  code?: boolean
}

/** How a line is written where it goes. */
export interface InlineOptions {
  /** What a line break inside a formula is written as (default `\n`). */
  texNewline?: string
  /** The line is a table cell's: a pipe outside code spans is escaped, or it would end the cell. */
  cell?: boolean
}

// A pipe not escaped already.
const PIPE = /(?<!\\)\|/g

/**
 * Writes a text block's children as one line of kramdown: decorators as `**`/`*`/`~~`, code
 * spans, links and internal links, footnote references; hard breaks as two spaces and a
 * newline, the importer's paragraph breaks inside a list item (`\n\n`) as a blank line.
 */
export function inlineMarkdown(
  children: readonly Child[],
  markDefs: readonly MarkDef[],
  state: BodyState,
  {texNewline = '\n', cell = false}: InlineOptions = {},
): string {
  const defs = new Map(markDefs.map((def) => [def._key, def]))
  const segments: Segment[] = []
  for (const child of children) {
    if (child._type === INLINE_TYPES.taskCheck) continue
    if (child._type === INLINE_TYPES.footnoteReference) {
      segments.push({text: `[^${String(child.label ?? '')}]`, raw: true, marks: [], inline: true})
      continue
    }
    if (child._type === INLINE_TYPES.inlineMath) {
      const tex = String(child.tex ?? '')
      const formula = rawLiquid(`$$${tex.replace(/\n/g, texNewline)}$$`, tex)
      const href = typeof child.href === 'string' && child.href !== '' ? child.href : undefined
      segments.push({text: formula, raw: true, marks: [], inline: true, href})
      continue
    }
    if (child._type === INLINE_TYPES.inlineImage) {
      segments.push({text: image(child, state), raw: true, marks: [], inline: true})
      continue
    }
    if (typeof child.text !== 'string' || child.text === '') continue
    const marks = (child.marks ?? []).filter((mark) => mark in DELIMITERS || defs.has(mark))
    const code = marks.includes('code') || (child.marks ?? []).includes('code')
    segments.push(
      code
        ? {
            text: codeSpan(child.text),
            raw: true,
            code: true,
            marks: marks.filter((m) => m !== 'code'),
          }
        : {text: child.text, raw: false, marks},
    )
  }
  const carried = carryMarks(segments, defs)
  const written = cell
    ? carried.map((one) =>
        one.raw && !one.code ? {...one, text: one.text.replace(PIPE, '\\|')} : one,
      )
    : carried
  return render(written, {defs, state, cell})
}

/**
 * An inline object (formula, footnote reference) has no marks of its own: it takes the marks
 * of the text on both sides, so `**a $$x$$ b**` stays one strong run around it. A formula with
 * a link of its own takes the link of the text beside it that leads to the same address, and
 * is written inside it (`[a $$x$$ b](url)`): a link of its own there would be a link in a link.
 */
function carryMarks(segments: Segment[], defs: Map<string, MarkDef>): Segment[] {
  return segments.map((segment, index) => {
    if (!segment.inline) return segment
    const before = segments[index - 1]?.marks ?? []
    const after = segments[index + 1]?.marks ?? []
    const marks = before.filter((mark) => after.includes(mark))
    if (segment.href === undefined) return {...segment, marks}
    const same = (mark: string) => {
      const def = defs.get(mark)
      return def?._type === ANNOTATIONS.link && def.href === segment.href
    }
    const link = [...before, ...after].find(same)
    if (link) return {...segment, marks: marks.includes(link) ? marks : [...marks, link]}
    return {...segment, marks, text: `[${segment.text}](${destination(segment.href)})`}
  })
}

/**
 * Text escaped. In a table cell a backtick is a character reference: kramdown finds a row's cells
 * by its code spans before it reads escapes, so `\`` would open one that runs into the next rows
 * and ends the table.
 */
function escapeText(text: string, cell: boolean): string {
  const escaped = escapeInline(text)
  return cell ? escaped.replaceAll('\\`', '&#96;') : escaped
}

interface Writer {
  defs: Map<string, MarkDef>
  state: BodyState
  cell: boolean
}

/** The characters on either side of what `render` writes ('' for none or a delimiter). */
interface Around {
  before: string
  after: string
  /** What is wrapped is one element: a code span, or text all under one mark. */
  oneElement?: boolean
}

/** Whether `segments` write one element: a code span alone, or a mark they all have. */
function isOneElement(segments: readonly Segment[]): boolean {
  const [first] = segments
  if (!first) return false
  if (segments.length === 1 && first.code && first.marks.length === 0) return true
  return first.marks.some((mark) => segments.every((segment) => segment.marks.includes(mark)))
}

function render(
  segments: Segment[],
  writer: Writer,
  around: Around = {before: '', after: ''},
): string {
  let out = ''
  let index = 0
  while (index < segments.length) {
    const first = segments[index]
    if (first.marks.length === 0) {
      out += first.raw ? first.text : escapeText(first.text, writer.cell)
      index++
      continue
    }
    // The mark that runs longest from here is the outermost, so marks nest without overlap.
    let best = first.marks[0]
    let bestEnd = index + 1
    for (const mark of first.marks) {
      let end = index + 1
      while (end < segments.length && segments[end].marks.includes(mark)) end++
      // Equal runs nest in the order the span lists them (the importer lists outer first).
      if (end > bestEnd) {
        best = mark
        bestEnd = end
      }
    }
    const inner = segments
      .slice(index, bestEnd)
      .map((segment) => ({...segment, marks: segment.marks.filter((m) => m !== best)}))
    const next = segments[bestEnd]
    const beside = {
      before: out === '' ? around.before : out.slice(-1),
      after: next ? next.text.slice(0, 1) : around.after,
      oneElement: isOneElement(inner),
    }
    out += wrap(render(inner, writer), best, writer, beside)
    index = bestEnd
  }
  return out
}

function wrap(inner: string, mark: string, {defs, state, cell}: Writer, beside: Around): string {
  // Delimiters next to whitespace do not open or close emphasis: keep the spaces outside.
  const lead = /^\s*/.exec(inner)![0]
  const trail = inner.slice(lead.length).match(/\s*$/)![0]
  const core = inner.slice(lead.length, inner.length - trail.length)
  if (core === '') return inner
  const delimiter = nestedDelimiter(
    mark,
    core,
    lead === '' && beside.before,
    trail === '' && beside.after,
  )
  if (delimiter) return `${lead}${delimiter}${core}${delimiter}${trail}`
  const def = defs.get(mark)!
  if (def._type === ANNOTATIONS.label) return `${lead}${label(core, def, beside)}${trail}`
  const href = linkHref(def, state)
  if (href === undefined) return inner
  const title =
    typeof def.title === 'string' && def.title ? ` "${def.title.replace(/"/g, '\\"')}"` : ''
  const target = `${destination(href)}${title}`
  const link = (text: string) => `[${text}](${cell ? target.replace(PIPE, '\\|') : target})`
  // A link's text keeps its spaces, as kramdown's heading ids do (`[Setup ](…)` is `setup-`);
  // a line break stays outside.
  return /\n/.test(lead + trail) ? `${lead}${link(core)}${trail}` : link(inner)
}

/**
 * `***x***` reads as emphasis around strong, whatever was meant: strong right around emphasis
 * is written `__*x*__`, emphasis right around strong `_**x**_`.
 */
function nestedDelimiter(
  mark: string,
  core: string,
  before: string | false,
  after: string | false,
): string | undefined {
  const delimiter = DELIMITERS[mark]
  // Underscores inside a word are text for kramdown (`A_b_`): there `*` it is.
  if ([before, after].some((side) => side && /[\p{L}\p{N}]/u.test(side))) return delimiter
  const edge = (pattern: RegExp) => pattern.test(core)
  if (mark === 'strong' && edge(/^\*(?!\*)|(?<!\*)\*$/)) return '__'
  if (mark === 'em' && edge(/^\*\*|\*\*$/)) return '_'
  return delimiter
}

/**
 * A label as kramdown reads one: after one element, its span attribute list
 * (`**Quiz 1**{: .label .label-yellow }`); around anything else, a `<span>` of its classes, whose
 * markdown kramdown reads.
 */
function label(core: string, def: MarkDef, beside: Around): string {
  const classes = labelClasses(def.color)
  if (beside.oneElement) return `${core}{: ${classes.map((name) => `.${name}`).join(' ')} }`
  return `<span class="${classes.join(' ')}">${core}</span>`
}

function linkHref(def: MarkDef, state: BodyState): string | undefined {
  if (def._type === ANNOTATIONS.link) return typeof def.href === 'string' ? def.href : undefined
  if (def._type === ANNOTATIONS.internalLink) {
    const ref = (def.reference as {_ref?: string} | undefined)?._ref
    const anchor = typeof def.anchor === 'string' ? def.anchor : undefined
    // The address as the page wrote it, while it still leads there: `{% link %}` stays a tag.
    const written = typeof def.written === 'string' ? def.written : undefined
    if (ref && written && state.stillLeadsTo(written, ref)) {
      return anchor ? `${written}#${anchor}` : written
    }
    return ref ? state.linkTo(ref, anchor) : anchor ? `#${anchor}` : undefined
  }
  return undefined
}

/**
 * A code span with enough backticks to hold the backticks inside it. kramdown reads a single
 * backtick with a space after it at a word's start as a backtick, and keeps a single-backtick
 * span's spaces as written; it drops one space on each side inside longer fences. Code that
 * starts with a space takes two backticks and a space each side that kramdown drops.
 */
export function codeSpan(code: string): string {
  const text = code.replace(/\n/g, ' ')
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longest === 0 && /^\s/.test(text) ? 2 : longest + 1)
  const pad = fence.length > 1 ? ' ' : ''
  return rawLiquid(`${fence}${pad}${text}${pad}${fence}`, text)
}
