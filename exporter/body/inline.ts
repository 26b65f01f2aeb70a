import {ANNOTATIONS, INLINE_TYPES} from '../../schemas/constants.ts'
import {escapeInline} from './escape.ts'
import type {BodyState, Child, MarkDef} from './state.ts'

const DELIMITERS: Record<string, string> = {strong: '**', em: '*', 'strike-through': '~~'}

interface Segment {
  /** Markdown already written (a code span or footnote reference), or text to escape. */
  text: string
  raw: boolean
  marks: string[]
}

/**
 * Writes a text block's children as one line of kramdown: decorators as `**`/`*`/`~~`, code
 * spans, links and internal links, footnote references; hard breaks as two spaces and a
 * newline, the importer's paragraph breaks inside a list item (`\n\n`) as a blank line.
 */
export function inlineMarkdown(
  children: readonly Child[],
  markDefs: readonly MarkDef[],
  state: BodyState,
): string {
  const defs = new Map(markDefs.map((def) => [def._key, def]))
  const segments: Segment[] = []
  for (const child of children) {
    if (child._type === INLINE_TYPES.taskCheck) continue
    if (child._type === INLINE_TYPES.footnoteReference) {
      segments.push({text: `[^${String(child.label ?? '')}]`, raw: true, marks: []})
      continue
    }
    if (child._type === INLINE_TYPES.inlineMath) {
      segments.push({text: `$$${String(child.tex ?? '')}$$`, raw: true, marks: []})
      continue
    }
    if (typeof child.text !== 'string' || child.text === '') continue
    const marks = (child.marks ?? []).filter((mark) => mark in DELIMITERS || defs.has(mark))
    const code = marks.includes('code') || (child.marks ?? []).includes('code')
    segments.push(
      code
        ? {text: codeSpan(child.text), raw: true, marks: marks.filter((m) => m !== 'code')}
        : {text: child.text, raw: false, marks},
    )
  }
  return render(segments, defs, state)
}

function render(segments: Segment[], defs: Map<string, MarkDef>, state: BodyState): string {
  let out = ''
  let index = 0
  while (index < segments.length) {
    const first = segments[index]
    if (first.marks.length === 0) {
      out += first.raw ? first.text : escapeInline(first.text)
      index++
      continue
    }
    // The mark that runs longest from here is the outermost, so marks nest without overlap.
    let best = first.marks[0]
    let bestEnd = index + 1
    for (const mark of first.marks) {
      let end = index + 1
      while (end < segments.length && segments[end].marks.includes(mark)) end++
      if (end > bestEnd || (end === bestEnd && defs.has(mark) && !defs.has(best))) {
        best = mark
        bestEnd = end
      }
    }
    const inner = segments
      .slice(index, bestEnd)
      .map((segment) => ({...segment, marks: segment.marks.filter((m) => m !== best)}))
    out += wrap(render(inner, defs, state), best, defs, state)
    index = bestEnd
  }
  return out
}

function wrap(inner: string, mark: string, defs: Map<string, MarkDef>, state: BodyState): string {
  // Delimiters next to whitespace do not open or close emphasis: keep the spaces outside.
  const lead = /^\s*/.exec(inner)![0]
  const trail = inner.slice(lead.length).match(/\s*$/)![0]
  const core = inner.slice(lead.length, inner.length - trail.length)
  if (core === '') return inner
  const delimiter = DELIMITERS[mark]
  if (delimiter) return `${lead}${delimiter}${core}${delimiter}${trail}`
  const def = defs.get(mark)!
  const href = linkHref(def, state)
  if (href === undefined) return inner
  const title =
    typeof def.title === 'string' && def.title ? ` "${def.title.replace(/"/g, '\\"')}"` : ''
  return `${lead}[${core}](${destination(href)}${title})${trail}`
}

function linkHref(def: MarkDef, state: BodyState): string | undefined {
  if (def._type === ANNOTATIONS.link) return typeof def.href === 'string' ? def.href : undefined
  if (def._type === ANNOTATIONS.internalLink) {
    const ref = (def.reference as {_ref?: string} | undefined)?._ref
    const anchor = typeof def.anchor === 'string' ? def.anchor : undefined
    return ref ? state.linkTo(ref, anchor) : anchor ? `#${anchor}` : undefined
  }
  return undefined
}

/** A link destination, in angle brackets when it holds spaces or unbalanced parentheses. */
export function destination(href: string): string {
  const opened = (href.match(/\(/g) ?? []).length
  const closed = (href.match(/\)/g) ?? []).length
  return /[\s<>]/.test(href) || opened !== closed ? `<${href.replace(/>/g, '%3E')}>` : href
}

/** A code span with enough backticks to hold the backticks inside it. */
export function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longest + 1)
  const pad = longest > 0 ? ' ' : ''
  return `${fence}${pad}${text}${pad}${fence}`
}
