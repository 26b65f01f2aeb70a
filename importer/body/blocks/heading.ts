import type {Heading, Image, PhrasingContent} from 'mdast'

import {splitTrailingEmoji} from '../emoji.ts'
import {SPAN_IAL} from '../inline/handlers.ts'
import {rawElementsAcrossMarks} from '../inline/html.ts'
import {convertInline, createInline, flush} from '../inline/index.ts'
import {STYLE} from '../names.ts'
import type {State} from '../state.ts'
import {isNested, isTextOnly, report} from '../state.ts'
import {phrasingText} from './phrasing-text.ts'
import {emitSegments} from './segments.ts'
import type {Walk} from './walk.ts'

/**
 * Headings keep their level. The first H1 repeating the page title, before any other heading,
 * is dropped (its trailing emoji becomes the page emoji; an icon image in it is dropped with
 * it, and said); any other H1 stays an h1, a top-level section as readers see it. Where only
 * text goes (cells, footnotes) headings become plain paragraphs.
 */
export function heading(node: Heading, state: State, walk: Walk): void {
  if (node.depth === 1 && mayBeTitle(state, walk)) {
    // The text readers see: span attribute lists (`![icon](…){: .heading-icon}`) show nothing.
    const shown = phrasingText(node.children).replace(SPAN_IAL, '')
    const {text, emoji} = splitTrailingEmoji(shown)
    if (
      normalise(text) === normalise(state.ctx.title) ||
      normalise(shown) === normalise(state.ctx.title)
    ) {
      state.titleSeen = true
      state.titleNode = node
      if (emoji) state.emoji = emoji
      for (const image of imagesIn(node.children))
        report(
          state,
          'warning',
          'title-image-dropped',
          image,
          `Dropped the image "${image.alt ?? ''}" of the title heading: a page's title is text.`,
          'Add the image to the body, under the title, if readers need it.',
        )
      walk.transparent = true
      return
    }
  }
  if (!isNested(state)) state.headingSeen = true
  const inline = createInline()
  const {children, id} = headerId(node)
  convertInline(rawElementsAcrossMarks(children, state), state, inline)
  flush(inline)
  const textOnly = isTextOnly(state)
  const [block] = emitSegments(inline, textOnly ? STYLE.normal : STYLE.heading(node.depth), walk)
  if (id !== undefined && block && !textOnly) block.anchor = id
}

/** kramdown's header id: a letter, then word characters, `:` and `-` (`{#9x}` is text). */
const HEADER_ID = /[ \t]*\{#([A-Za-z][\w:-]*)\}[ \t]*$/

/**
 * A kramdown header id (`## Setup {#setup}`) names the heading's anchor instead of its text;
 * the text a reader sees excludes it.
 */
function headerId(node: Heading): {children: Heading['children']; id?: string} {
  const last = node.children[node.children.length - 1]
  const match = last?.type === 'text' ? HEADER_ID.exec(last.value) : null
  if (!last || !match || last.type !== 'text') return {children: node.children}
  const value = last.value.slice(0, match.index)
  const children =
    value === '' ? node.children.slice(0, -1) : [...node.children.slice(0, -1), {...last, value}]
  return {children, id: match[1]}
}

/** Whether an H1 here may be the page's title heading: the first, at the top level, before any other heading. */
export function mayBeTitle(state: State, walk: Pick<Walk, 'list'>): boolean {
  return !isNested(state) && !state.titleSeen && !state.headingSeen && !walk.list
}

/** The images among a heading's contents, at any depth. */
function imagesIn(nodes: readonly PhrasingContent[]): Image[] {
  return nodes.flatMap((node) =>
    node.type === 'image'
      ? [node]
      : 'children' in node
        ? imagesIn(node.children as PhrasingContent[])
        : [],
  )
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
