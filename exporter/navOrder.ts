import type {NavEntry} from '../importer/site/nav/entries.ts'
import {sortSiblings} from '../importer/site/nav/sort.ts'

/** A page among its siblings, as the theme sorts it. */
export interface Sibling {
  /** `source.navOrder`: the value the page had, as text. */
  navOrder?: string
  title: string
  /** The page's file (`source.path`): the theme keeps file order between equal values. */
  path?: string
  /** A page with no source file yet (made in the Studio). */
  fresh?: boolean
}

/** How the parent and the site order children (`child_nav_order`, `nav_sort`). */
export interface SortRules {
  reversed: boolean
  navSort: 'case_sensitive' | 'case_insensitive'
}

/** Each sibling's `nav_order` to write, and whether its title is written as a YAML number. */
export interface SiblingOrder {
  orders: Array<number | string | undefined>
  numericTitles: boolean[]
}

const NUMBER = /^-?\d+(?:\.\d+)?$/

/** A nav_order as YAML reads it back: numbers are numbers. */
export function yamlNumber(value: string): number | string {
  return NUMBER.test(value.trim()) ? Number(value) : value
}

/**
 * Which values the theme must have read as numbers: the model keeps `nav_order` and `title`
 * as text, so `10` and `"10"` look alike. Numbers while they rise along the (sorted) array;
 * from the first that does not, text (the theme sorts text after every number).
 */
function risingNumbers(
  values: ReadonlyArray<string | undefined>,
  siblings: readonly Sibling[],
  reversed: boolean,
): boolean[] {
  const indexes = values.map((_, index) => index)
  if (reversed) indexes.reverse()
  const out = values.map(() => false)
  let previous = -Infinity
  let previousIndex = -1
  let text = false
  for (const index of indexes) {
    const value = values[index]
    if (value === undefined) continue
    const number = NUMBER.test(value) ? Number(value) : NaN
    // Equal numbers keep file order: a tie listed against it was text in the source.
    const rises =
      number > previous ||
      (number === previous && fileOrder(siblings[previousIndex], siblings[index]) <= 0)
    if (!text && rises) {
      previous = number
      previousIndex = index
      out[index] = true
    } else text = true
  }
  return out
}

function fileOrder(a: {path?: string} | undefined, b: {path?: string} | undefined): number {
  const x = a?.path ?? ''
  const y = b?.path ?? ''
  return x < y ? -1 : x > y ? 1 : 0
}

function sortsAsListed(
  orders: ReadonlyArray<number | string | undefined>,
  siblings: readonly Sibling[],
  numericTitles: readonly boolean[],
  rules: SortRules,
): boolean {
  const entries = siblings.map((sibling, index): NavEntry => ({
    key: String(index),
    title: sibling.title,
    navExclude: false,
    childOrderReversed: false,
    navOrder: orders[index],
    rawTitle: numericTitles[index] ? Number(sibling.title) : sibling.title,
  }))
  // The theme's sort is stable on file order, which is where equal values stay.
  const inFileOrder = [...entries].sort((a, b) =>
    fileOrder(siblings[Number(a.key)], siblings[Number(b.key)]),
  )
  const {sorted} = sortSiblings(inFileOrder, rules.navSort, rules.reversed)
  return sorted.every((entry, index) => entry.key === String(index))
}

/**
 * The `nav_order` of each page in a parent's array (or of the courses in the site's). The
 * values the pages had are kept while the theme's sort still puts the pages in the array's
 * order (pages without one, new pages among them, included); else pages without one get the
 * next whole number after the page before them, if that still sorts; else the whole array is
 * numbered 1, 2, 3 (counting down for `child_nav_order: reversed`).
 */
export function navOrders(
  siblings: readonly Sibling[],
  rules: SortRules = {reversed: false, navSort: 'case_sensitive'},
): SiblingOrder {
  const values = siblings.map((sibling) => sibling.navOrder)
  // A number read as text (`"2"` after `10`) only where the site writes text nav_orders too;
  // elsewhere a number out of order is an editor's reorder, and the pages are renumbered.
  const textSite = values.some((value) => value !== undefined && !NUMBER.test(value))
  const numericOrders = textSite
    ? risingNumbers(values, siblings, rules.reversed)
    : values.map((value) => value !== undefined)
  const kept = siblings.map((sibling, index) =>
    sibling.navOrder === undefined
      ? undefined
      : numericOrders[index]
        ? Number(sibling.navOrder)
        : sibling.navOrder,
  )
  // Titles sort only among pages without nav_order; the others' numeric titles stay numbers.
  const untitled = risingNumbers(
    siblings.map((sibling, index) => (kept[index] === undefined ? sibling.title : undefined)),
    siblings,
    rules.reversed,
  )
  const numericTitles = siblings.map((sibling, index) =>
    kept[index] === undefined ? untitled[index] : /^\d+$/.test(sibling.title),
  )
  // A new page gets a nav_order of its own when its siblings have them.
  const fresh = siblings.some((sibling) => sibling.fresh)
  const numbered = kept.some((value) => value !== undefined)
  if ((!fresh || !numbered) && sortsAsListed(kept, siblings, numericTitles, rules)) {
    return {orders: kept, numericTitles}
  }
  const filled = fill(kept, rules.reversed)
  if (sortsAsListed(filled, siblings, numericTitles, rules)) return {orders: filled, numericTitles}
  return {
    orders: siblings.map((_, index) => (rules.reversed ? siblings.length - index : index + 1)),
    numericTitles,
  }
}

function fill(
  values: ReadonlyArray<number | string | undefined>,
  reversed: boolean,
): Array<number | string | undefined> {
  const ordered = reversed ? [...values].reverse() : [...values]
  let previous = 0
  const out = ordered.map((value) => {
    if (typeof value === 'number') {
      previous = value
      return value
    }
    if (value !== undefined) return value
    previous = Math.floor(previous) + 1
    return previous
  })
  return reversed ? out.reverse() : out
}
