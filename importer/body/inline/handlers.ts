import type {
  Break,
  Definition,
  Delete,
  Emphasis,
  FootnoteReference,
  Html,
  Image,
  ImageReference,
  InlineCode,
  Link,
  LinkReference,
  Strong,
  Text,
} from 'mdast'
import type {InlineMath} from 'mdast-util-math'

import {INLINE_TYPES, MARK} from '../names.ts'
import type {State} from '../state.ts'
import {report} from '../state.ts'
import {altAsWritten, imageItem} from './image.ts'
import {inlineHtml, isBackslashText} from './html.ts'
import {convertInline} from './index.ts'
import type {Inline, InlineHandler} from './inline.ts'
import {
  addMarkDef,
  appendInlineObject,
  appendText,
  enclosingHref,
  noteTextLines,
  withMark,
} from './inline.ts'
import {linkAnnotation} from './links.ts'
import {labelOf, labelSince} from './label.ts'
import {ialClasses} from '../ial-classes.ts'

/** One handler per mdast phrasing node type. */
export const inlineHandlers: Record<string, InlineHandler> = {
  // A soft line break renders as a space; hard breaks (`break`) are kept as "\n".
  text: (node: Text, state, inline) => {
    const text = spanIal(node, inline, state)
    noteTextLines(inline, text, node.position?.start.line)
    appendText(inline, softBreaks(text))
  },
  // A backslash break inside an HTML element is the backslash and a soft line break.
  break: (node: Break, state, inline) =>
    appendText(inline, isBackslashText(node, state, inline) ? '\\ ' : '\n'),
  strong: (node: Strong, state, inline) =>
    withMark(inline, MARK.strong, () => convertInline(node.children, state, inline)),
  emphasis: (node: Emphasis, state, inline) =>
    withMark(inline, MARK.em, () => convertInline(node.children, state, inline)),
  delete: (node: Delete, state, inline) =>
    withMark(inline, MARK.strike, () => convertInline(node.children, state, inline)),
  inlineCode: (node: InlineCode, _state, inline) => {
    noteTextLines(inline, 'code', node.position?.start.line)
    withMark(inline, MARK.code, () => appendText(inline, node.value))
  },
  link: (node: Link, state, inline) =>
    link(node.url, node.title, node, mailtoShown(node, state.source), state, inline),
  linkReference: (node: LinkReference, state, inline) => {
    const definition = lookup(node.identifier, state)
    link(definition?.url ?? '', definition?.title, node, node.children, state, inline)
  },
  image: (node: Image, state, inline) =>
    imageItem(node.url, altAsWritten(node, state), node.title, node, state, inline, true),
  imageReference: (node: ImageReference, state, inline) => {
    const definition = lookup(node.identifier, state)
    const alt = altAsWritten(node, state)
    imageItem(definition?.url ?? '', alt, definition?.title, node, state, inline, true)
  },
  footnoteReference: (node: FootnoteReference, _state, inline) => {
    noteTextLines(inline, 'note', node.position?.start.line)
    appendInlineObject(inline, {
      _type: INLINE_TYPES.footnoteReference,
      label: node.label ?? node.identifier,
    })
  },
  html: (node: Html, state, inline) => inlineHtml(node, state, inline),
  inlineMath: (node: InlineMath, _state, inline) => {
    noteTextLines(inline, 'formula', node.position?.start.line)
    // `[$$\KaTeX$$](https://katex.org)`: a mark cannot cover the formula, so it keeps the link.
    const href = enclosingHref(inline)
    appendInlineObject(inline, {
      _type: INLINE_TYPES.inlineMath,
      tex: node.value,
      ...(href ? {href} : {}),
    })
  },
}

function softBreaks(text: string): string {
  return text.includes('\n') ? text.replace(/[ \t]*\r?\n[ \t]*/g, ' ') : text
}

/** A kramdown span attribute list (`{: .btn }`), anywhere in a text. */
export const SPAN_IAL = /\{:\s*[^{}\n]*?\s*\}/g

/**
 * Text a span attribute list follows that kramdown takes as an element, not as text: its smart
 * quotes and typographic symbols (`"Go"{: .btn }`, `--`, `...`, `<<`, `>>`).
 */
const ELEMENT_TEXT_BEFORE = /(?:["']|--|\.\.\.|<<|>>)$/

/**
 * A kramdown span attribute list right after an element (`[Go](#x){: .btn }`, `**b**{: .x}`,
 * `` `c`{: .x} ``) only styles it: dropped, unless it makes the element a label (`label.ts`).
 * After text, or first in its paragraph, kramdown keeps it as the text it is (`word{: .btn}`,
 * `payload. {: .tip}`), and so do its readers.
 */
function spanIal(node: Text, inline: Inline, state: State): string {
  if (!node.value.includes('{:')) return node.value
  return node.value.replace(SPAN_IAL, (match, offset: number) => {
    const before = node.value.slice(0, offset)
    const after = node.value.slice(offset + match.length)
    if (!kramdownTakes(match, before, after, inline.previousSibling)) return match
    const label = labelOf(ialClasses(match.slice(2, -1).trim()))
    const place = inline.previousPlace
    const onElement = before === '' || IAL_CHAIN.test(before)
    if (onElement && label && place && labelSince(inline, place, label)) return ''
    report(
      state,
      'info',
      'ial-dropped',
      node,
      `Dropped the span attribute list ${match}: it only styles the text.`,
    )
    return ''
  })
}

/**
 * Whether kramdown takes `match`, a span attribute list between `before` and `after` in a text
 * node (whose previous sibling is of type `previous`), as its own: an extension (`{::nomarkdown}`,
 * `{:/}`) wherever it is; a list on a line of its own, which ends the paragraph before it; a
 * list right after an element.
 */
function kramdownTakes(
  match: string,
  before: string,
  after: string,
  previous: string | undefined,
): boolean {
  if (/^\{:[:/]/.test(match)) return true
  if (/\n[ \t]*$/.test(before) && /^[ \t]*\n/.test(after)) return true
  // Right after the element, or after lists kramdown took there (`[Go](x){: .btn}{:target="_blank"}`).
  if (before === '' || IAL_CHAIN.test(before)) return previous !== undefined && previous !== 'text'
  return ELEMENT_TEXT_BEFORE.test(before)
}

/** Span attribute lists one after another, nothing between them. */
const IAL_CHAIN = /^(?:\{:\s*[^{}\n]*?\s*\})+$/

/**
 * A link's text; for an address in angle brackets that is `mailto:`, the address without it, as
 * kramdown shows `<mailto:team@example.com>`: `team@example.com`.
 */
function mailtoShown(node: Link, source: string): Link['children'] {
  const [only] = node.children
  const start = node.position?.start.offset
  if (
    node.children.length !== 1 ||
    only?.type !== 'text' ||
    only.value !== node.url ||
    !node.url.startsWith('mailto:') ||
    start === undefined ||
    source[start] !== '<'
  )
    return node.children
  return [{...only, value: only.value.slice('mailto:'.length)}]
}

function link(
  url: string,
  title: string | null | undefined,
  node: Link | LinkReference,
  children: Link['children'],
  state: State,
  inline: Inline,
): void {
  const def = linkAnnotation(url, title, node, state)
  if (!def) return convertInline(children, state, inline)
  withMark(inline, addMarkDef(inline, def), () => convertInline(children, state, inline))
}

function lookup(identifier: string, state: State): Definition | undefined {
  if (!state.definitions) {
    state.definitions = new Map()
    collectDefinitions(state.root, state.definitions)
  }
  return state.definitions.get(identifier)
}

function collectDefinitions(node: unknown, into: Map<string, Definition>): void {
  const n = node as {type?: string; children?: unknown[]} | undefined
  if (!n) return
  if (n.type === 'definition') {
    const definition = n as Definition
    // kramdown takes the last definition of a label (CommonMark the first).
    into.set(definition.identifier, definition)
  }
  if (n.children && n.type !== 'paragraph' && n.type !== 'heading') {
    for (const child of n.children) collectDefinitions(child, into)
  }
}
