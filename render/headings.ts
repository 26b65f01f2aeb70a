import {createContext, useContext} from 'react'

import {headingText as textOf} from '../schemas/headingText.ts'
import type {TypedObject} from './types.ts'

// What kramdown's GFM parser removes from a heading's text to make its id: all but word
// characters as Ruby's `\p{Word}` reads them (alphabetic characters, marks, decimal digits,
// connector punctuation), hyphens, spaces and tabs. Other numbers go: `²`, `½`, `①`.
const NON_WORD = /[^\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\- \t]/gu

/**
 * A heading's anchor id as Jekyll's kramdown (GFM input) makes it: lowercase, characters other
 * than word characters, hyphens and spaces removed, each space or tab a hyphen (so "A / B" is
 * `a--b`, and a trailing emoji leaves a trailing hyphen).
 */
export function headingId(text: string): string {
  return text.toLowerCase().replace(NON_WORD, '').replace(/[ \t]/g, '-')
}

type Block = TypedObject & {_key?: string; style?: string; body?: unknown}

/**
 * A heading's text as kramdown reads it for its tables of contents: its spans, with an inline
 * formula as its TeX source (`$$\KaTeX$$ Tests` has the id `katex-tests`).
 */
export function headingText(block: TypedObject): string {
  return textOf(block)
}

/** The dashes kramdown's typography makes of hyphens typed in text: `---` and `--`. */
const TYPED_DASHES = /---|--/g

/**
 * A heading's text as kramdown's GFM parser reads it for its id: {@link headingText}, with the
 * hyphens typed as dashes outside code as the em and en dashes kramdown shows, which the id
 * then drops (`Rules -- Westphalian` is `rules--westphalian`, not `rules----westphalian`).
 */
export function headingIdText(block: TypedObject): string {
  return textOf(block, (text, child) =>
    Array.isArray(child.marks) && child.marks.includes('code')
      ? text
      : text.replace(TYPED_DASHES, (dashes) => (dashes.length === 3 ? '\u2014' : '\u2013')),
  )
}

/**
 * A body's headings in reading order with their level, including those inside callouts and
 * collapsible sections, which kramdown numbers and lists in tables of contents too.
 */
export function* headingBlocks(
  blocks: readonly TypedObject[],
): Generator<{block: TypedObject & {_key?: string}; level: number}> {
  for (const block of blocks as readonly Block[]) {
    const level = block._type === 'block' ? /^h([1-6])$/.exec(block.style ?? '')?.[1] : undefined
    if (level) yield {block, level: Number(level)}
    else if (Array.isArray(block.body)) yield* headingBlocks(block.body as TypedObject[])
  }
}

/**
 * The ids of a body's headings in reading order, including those inside callouts and
 * collapsible sections, by block `_key`: a repeated id gets `-1`, `-2` … as kramdown numbers
 * it, so anchors and tables of contents point at the heading readers of the site reached.
 * `before` are ids taken above the body (the page title's, when its markdown had the H1).
 */
export function headingIds(
  blocks: readonly TypedObject[],
  before: readonly string[] = [],
): Map<string, string> {
  const ids = new Map<string, string>()
  const seen = new Map<string, number>()
  for (const id of before) seen.set(id, (seen.get(id) ?? 0) + 1)
  for (const {block} of headingBlocks(blocks)) {
    // An id the markdown named (`{#setup}`) is used as it is, and kramdown's own ids for the
    // other headings do not count it.
    const anchor = anchorOf(block)
    if (anchor !== undefined) {
      if (block._key) ids.set(block._key, anchor)
      continue
    }
    const base = headingId(headingIdText(block))
    const count = seen.get(base) ?? 0
    seen.set(base, count + 1)
    if (block._key) ids.set(block._key, count > 0 ? `${base}-${count}` : base)
  }
  return ids
}

/** The body being rendered and its heading ids, for headings and tables of contents. */
export interface BodyHeadings {
  blocks: readonly TypedObject[]
  ids: ReadonlyMap<string, string>
}

export const BodyHeadingsContext = createContext<BodyHeadings>({blocks: [], ids: new Map()})

/** The id a heading's markdown gave it (`## Setup {#setup}`), if any. */
export function anchorOf(block: TypedObject): string | undefined {
  const anchor = (block as {anchor?: unknown}).anchor
  return typeof anchor === 'string' && anchor !== '' ? anchor : undefined
}

/** The id of a heading block of the body being rendered (its own text's id outside a body). */
export function useHeadingId(block: TypedObject & {_key?: string}): string {
  const {ids} = useContext(BodyHeadingsContext)
  return (block._key && ids.get(block._key)) || anchorOf(block) || headingId(headingText(block))
}
