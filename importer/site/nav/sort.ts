import type {Diagnostic} from '../../types.ts'
import {keyPosition} from '../pages.ts'
import type {NavEntry} from './entries.ts'

type NavSort = 'case_sensitive' | 'case_insensitive'

/** Ruby's String#<=> compares UTF-8 bytes, i.e. code points, not UTF-16 units. */
function compareText(a: string, b: string, navSort: NavSort): number {
  // Liquid's sort_natural uses casecmp, which folds ASCII letters only.
  const x = navSort === 'case_insensitive' ? a.replace(/[A-Z]+/g, (s) => s.toLowerCase()) : a
  const y = navSort === 'case_insensitive' ? b.replace(/[A-Z]+/g, (s) => s.toLowerCase()) : b
  // UTF-16 order equals code point order unless a surrogate pair meets a char above U+D7FF.
  if (!/[\uD800-\uDFFF]/.test(x + y)) return x < y ? -1 : x > y ? 1 : 0
  const left = [...x]
  const right = [...y]
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const diff = left[i].codePointAt(0)! - right[i].codePointAt(0)!
    if (diff !== 0) return diff
  }
  return left.length - right.length
}

/** The theme's four groups: numeric nav_order, text nav_order, numeric title, the rest. */
function group(entry: NavEntry): 0 | 1 | 2 | 3 {
  if (typeof entry.navOrder === 'number') return 0
  if (entry.navOrder !== undefined) return 1
  return typeof entry.rawTitle === 'number' ? 2 : 3
}

function sortKey(entry: NavEntry): number | string {
  const g = group(entry)
  if (g === 0) return entry.navOrder as number
  if (g === 1) return String(entry.navOrder)
  return g === 2 ? (entry.rawTitle as number) : entry.title
}

/**
 * Orders siblings as just-the-docs does (stable on source order), reversed when the parent
 * has `child_nav_order: reversed`. Equal nav_order values get a warning: the theme's order
 * for them is undefined.
 */
export function sortSiblings(
  siblings: NavEntry[],
  navSort: NavSort,
  reversed: boolean,
): {sorted: NavEntry[]; diagnostics: Diagnostic[]} {
  const sorted = [...siblings].sort((a, b) => {
    const ga = group(a)
    const gb = group(b)
    if (ga !== gb) return ga - gb
    const ka = sortKey(a)
    const kb = sortKey(b)
    if (typeof ka === 'number' && typeof kb === 'number') return ka - kb
    return compareText(String(ka), String(kb), navSort)
  })
  const diagnostics: Diagnostic[] = []
  for (let i = 1; i < sorted.length; i++) {
    const [prev, entry] = [sorted[i - 1], sorted[i]]
    if (group(entry) > 1 || group(prev) !== group(entry) || !entry.page) continue
    if (sortKey(prev) !== sortKey(entry)) continue
    diagnostics.push({
      severity: 'warning',
      code: 'nav-order-tie',
      file: entry.page.file,
      ...keyPosition(entry.page.text, 'nav_order'),
      message: `Cannot order "${entry.title}" after "${prev.title}" as the theme would, expected distinct nav_order values among siblings, found ${JSON.stringify(entry.navOrder)} twice; keeping file order.`,
      hint: 'Give each sibling its own nav_order.',
    })
  }
  if (reversed) sorted.reverse()
  return {sorted, diagnostics}
}
