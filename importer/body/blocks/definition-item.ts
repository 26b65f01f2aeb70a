import {OBJECT_TYPES, STYLE} from '../names.ts'
import type {Item, TextBlock} from './text-block.ts'
import {textBlock} from './text-block.ts'

/** A span of no text: an empty term's. */
export function emptySpan() {
  return {_type: 'span' as const, text: '', marks: []}
}

/**
 * One entry of a `definitionList`: its terms and the blocks of its definition, from kramdown's
 * `term` / `: definition` lines or from HTML's `<dt>` and `<dd>`.
 */
export function definitionListItem(term: TextBlock[], definition: Item[]) {
  return {
    _type: OBJECT_TYPES.definitionListItem,
    // A definition written without a term keeps an empty one: the schema requires a term.
    term: term.length > 0 ? term : [textBlock(STYLE.normal, [emptySpan()], [])],
    ...(definition.length > 0 ? {definition} : {}),
  }
}
