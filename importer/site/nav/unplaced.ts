import type {Diagnostic} from '../../types.ts'
import {keyPosition} from '../pages.ts'
import type {NavEntry} from './entries.ts'
import type {NotAPage} from '../types.ts'
import {closestTitle, howTitlesDiffer} from './didYouMean.ts'
import type {Placement, Rejection} from './place.ts'

function where(node: {title: string; page?: {file: string}}): string {
  return node.page ? `"${node.title}" (${node.page.file})` : `"${node.title}" (no source page)`
}

const REASONS: Record<Rejection, (entry: NavEntry, parent: string) => [string, string]> = {
  'grand-parent-mismatch': (entry, parent) => [
    `\`grand_parent: ${entry.grandParent}\` names no parent of ${parent}`,
    'Correct `grand_parent` to the title of the parent page’s own parent, or remove it.',
  ],
  'ancestor-mismatch': (entry, parent) => [
    `\`ancestor: ${entry.ancestor}\` does not match any page above ${parent}`,
    'Correct `ancestor` to the title of a page above the parent, or remove it.',
  ],
  'top-level-only': (entry) => [
    `\`parent: ${entry.parent}\` names a top-level page, which does not take this page`,
    'Add `grand_parent` or `ancestor` to choose the deeper page with that title.',
  ],
  'children-hidden': (_entry, parent) => [
    `${parent} has \`has_children: false\`, which hides its children`,
    'Remove `has_children: false` from the parent page.',
  ],
  'legacy-needs-has-children': (_entry, parent) => [
    `${parent} lacks \`has_children: true\`, which themes before v0.10 need to show children`,
    'Add `has_children: true` to the parent page, or upgrade the theme.',
  ],
  'legacy-needs-grand-parent': (entry, parent) => [
    `${parent} is on level 2, and themes before v0.10 need \`grand_parent\` on level 3 pages`,
    `Add \`grand_parent:\` with the title of the course above "${entry.parent}".`,
  ],
  'legacy-depth': () => [
    'themes before v0.10 show only 3 levels',
    'Move the page up a level, or upgrade the theme to v0.10 or later.',
  ],
}

/** Follows `parent` titles through unplaced entries; returns the loop of titles, if any. */
function findCycle(entry: NavEntry, byTitle: Map<string, NavEntry[]>): string[] | undefined {
  const seen: NavEntry[] = [entry]
  for (let current = entry; current.parent !== undefined;) {
    const parents = byTitle.get(current.parent) ?? []
    if (parents.length !== 1) return undefined
    current = parents[0]
    const at = seen.indexOf(current)
    if (at === 0) return [...seen.map((e) => e.title), entry.title]
    if (at > 0) return undefined
    seen.push(current)
  }
  return undefined
}

/** What a page's `parent` might have meant: pages that are not pages, and every title. */
export interface ParentHints {
  notPages: readonly NotAPage[]
  titles: readonly string[]
  /** When the tree is one collection's: its key and the titles of pages outside it. */
  collection?: {key: string; outside: ReadonlySet<string>}
}

function parentNotFound(entry: NavEntry, hints: ParentHints): [string, string] {
  const parent = entry.parent!
  const skipped = hints.notPages.find((p) => p.title === parent)
  if (skipped)
    return skipped.why === 'unpublished'
      ? [
          `its parent "${parent}" (${skipped.file}) has \`published: false\`, which hides its subtree`,
          `Publish ${skipped.file}, or give this page another \`parent\`.`,
        ]
      : [
          `its parent "${parent}" (${skipped.file}) has its \`title\` line commented out, so it is not a page of the navigation`,
          `Uncomment \`title:\` in ${skipped.file}, or give this page another \`parent\`.`,
        ]
  if (hints.collection?.outside.has(parent)) {
    // The theme builds a collection's navigation from its own documents only.
    const {key} = hints.collection
    return [
      `no page of the collection \`${key}\` is titled "${parent}": the theme looks for a parent in the page's own collection, and "${parent}" is a page outside it`,
      `Move the page into the folder of its parent's collection, or the parent into \`_${key}/\`.`,
    ]
  }
  const close = closestTitle(parent, hints.titles)
  const differs = close && howTitlesDiffer(parent, close)
  return [
    `no page is titled "${parent}"${close ? ` (did you mean "${close}"?${differs ? ` ${differs}` : ''})` : ''}`,
    close
      ? `Correct \`parent: ${parent}\` to \`parent: ${close}\`: titles must match exactly (case, spaces, accents).`
      : `Add a page with \`title: ${parent}\`, or correct \`parent:\` to an existing title (titles are case-sensitive).`,
  ]
}

/**
 * Why the theme would not show a titled page: a warning that says why and what to change,
 * and the reason alone, which the page's document keeps.
 */
export function explainUnplaced(
  entry: NavEntry,
  placement: Placement,
  byTitle: Map<string, NavEntry[]>,
  hints: ParentHints = {notPages: [], titles: []},
): {diagnostic: Diagnostic; reason: string} {
  const page = entry.page!
  const at = keyPosition(page.text, 'parent')
  const warn = (code: string, reason: string, hint: string) => ({
    reason,
    diagnostic: {
      severity: 'warning' as const,
      code,
      file: page.file,
      ...at,
      message: `Cannot place "${entry.title}" in the navigation, expected its parent to take it, but ${reason}; the theme hides it, so it is imported as a page no course lists ("Not in the site's navigation" in Studio).`,
      hint,
    },
  })
  const cycle =
    entry.parent === entry.title ? [entry.title, entry.title] : findCycle(entry, byTitle)
  if (cycle) {
    return warn(
      'parent-cycle',
      `the parents form a cycle: ${cycle.map((t) => `"${t}"`).join(' → ')}`,
      'Break the cycle: one of these pages must have a `parent` outside it, or none.',
    )
  }
  const rejections = placement.rejected.get(entry) ?? []
  if (rejections.length > 0) {
    const first = rejections[0].reason
    const nodes = rejections.filter((r) => r.reason === first).map((r) => where(r.node))
    const [reason, hint] = REASONS[first](entry, nodes.join(' and '))
    return warn(first, reason, hint)
  }
  if (entry.parent !== undefined && !byTitle.has(entry.parent)) {
    const [reason, hint] = parentNotFound(entry, hints)
    return warn('parent-not-found', reason, hint)
  }
  return warn(
    'parent-not-in-nav',
    `its parent "${entry.parent}" is itself not in the navigation (see the warning for that page)`,
    'Fix the parent page first; this page follows it.',
  )
}
