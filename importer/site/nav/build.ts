import type {Diagnostic} from '../../types.ts'
import {keyPosition} from '../pages.ts'
import type {HiddenPage, NavNode, NavTree, NotAPage, SiteConfig, SourcePage} from '../types.ts'
import {pageEntry, withPlaceholders, type NavEntry} from './entries.ts'
import {place, push} from './place.ts'
import {sortSiblings} from './sort.ts'
import {explainUnplaced} from './unplaced.ts'

function at(node: NavNode, key: string) {
  return node.page ? keyPosition(node.page.text, key) : {line: 1, column: 1}
}

/** Rule 8: titles unique among siblings and different from every ancestor's. */
function titleWarnings(roots: NavNode[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const visit = (siblings: NavNode[], above: string[]) => {
    const seen = new Map<string, NavNode>()
    for (const node of siblings) {
      const first = seen.get(node.title)
      if (node.page && first) {
        diagnostics.push({
          severity: 'warning',
          code: 'duplicate-title',
          file: node.page.file,
          ...at(node, 'title'),
          message: `Cannot tell "${node.title}" from its sibling ${first.page?.file ?? 'placeholder'}, expected sibling titles to differ; children naming it go to the first.`,
          hint: 'Rename one of the two pages.',
        })
      }
      seen.set(node.title, first ?? node)
      if (node.page && above.includes(node.title)) {
        diagnostics.push({
          severity: 'warning',
          code: 'title-repeats-ancestor',
          file: node.page.file,
          ...at(node, 'title'),
          message: `Cannot reuse the title "${node.title}" of a page above this one, expected a title that differs from every ancestor's.`,
          hint: 'Rename the page; the theme warns about it too.',
        })
      }
      visit(node.children, [...above, node.title])
    }
  }
  visit(roots, [])
  return diagnostics
}

/**
 * Builds the navigation tree just-the-docs would show from the pages' front matter (with
 * placeholders for parents that have no page only when asked). Every page it cannot show gets
 * a warning and is returned in `unplaced` with the reason.
 */
export function buildNavTree(
  pages: readonly SourcePage[],
  config: SiteConfig,
  options: {
    /** Create placeholder parents for `parent` titles no page has (off: the theme hides those). */
    placeholders?: boolean
    /** Files that are not pages but whose titles a `parent` may name, for the warnings. */
    notPages?: readonly NotAPage[]
  } = {},
): {tree: NavTree; diagnostics: Diagnostic[]} {
  const {entries, diagnostics} = options.placeholders
    ? withPlaceholders(pages.map(pageEntry))
    : {entries: pages.map(pageEntry), diagnostics: []}
  const order = (children: NavEntry[], parent?: NavEntry) => {
    const sorted = sortSiblings(children, config.navSort, parent?.childOrderReversed ?? false)
    diagnostics.push(...sorted.diagnostics)
    return sorted.sorted
  }
  const placement = place(entries, config.legacy, order)
  const byTitle = new Map<string, NavEntry[]>()
  for (const entry of entries) push(byTitle, entry.title, entry)
  const unplaced: HiddenPage[] = []
  const hints = {notPages: options.notPages ?? [], titles: [...byTitle.keys()]}
  for (const entry of entries) {
    const node = placement.placed.get(entry)
    if (!entry.page) continue
    if (!node) {
      const {diagnostic, reason} = explainUnplaced(entry, placement, byTitle, hints)
      unplaced.push({page: entry.page, reason})
      diagnostics.push(diagnostic)
      continue
    }
    const others = placement.alsoUnder.get(entry)
    if (others) {
      const all = [node.parent!, ...others].map((n) => n.page?.file ?? `"${n.title}" (no page)`)
      diagnostics.push({
        severity: 'warning',
        code: 'ambiguous-parent',
        file: entry.page.file,
        ...at(node, 'parent'),
        message: `Cannot choose one parent for "${entry.title}", expected \`parent: ${entry.parent}\` to name one page, but it matches ${all.join(', ')}; the theme shows it under each, it is imported under the first only.`,
        hint: 'Add `grand_parent` or `ancestor` to say which page is meant, or rename one of them.',
      })
    }
    if (entry.navExclude) {
      diagnostics.push({
        severity: 'warning',
        code: 'nav-excluded',
        file: entry.page.file,
        ...at(node, 'nav_exclude'),
        message: `Cannot list "${entry.title}" in its ${node.parent ? 'parent' : 'course list'}, expected a page in the navigation, but it has \`nav_exclude: true\`; it is imported unlisted, with its subtree.`,
        hint: 'Remove `nav_exclude` if the page belongs in the course.',
      })
    }
  }
  diagnostics.push(...titleWarnings(placement.roots))
  return {tree: {roots: placement.roots, unplaced}, diagnostics}
}
