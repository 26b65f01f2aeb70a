import type {Diagnostic} from '../../types.ts'
import {collectionOf} from '../config.ts'
import {keyPosition} from '../pages.ts'
import type {
  HiddenPage,
  NavNode,
  NavTree,
  NotAPage,
  SiteCollection,
  SiteConfig,
  SourcePage,
} from '../types.ts'
import {pageEntry, withPlaceholders, type NavEntry} from './entries.ts'
import {place, push} from './place.ts'
import {sortSiblings} from './sort.ts'
import {explainUnplaced, type ParentHints} from './unplaced.ts'

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
    /** Built for one collection: its key, and the titles of pages outside it. */
    collection?: ParentHints['collection']
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
  const hints: ParentHints = {
    notPages: options.notPages ?? [],
    titles: [...byTitle.keys()],
    collection: options.collection,
  }
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

/**
 * The whole navigation: the site's pages, then one section per collection that
 * `just_the_docs.collections` shows, each built from that collection's documents alone (a
 * `parent` names a page of the same collection, as the theme's `nav/pages.html` is given one
 * collection at a time). Documents of a collection the theme does not show are published but
 * listed nowhere.
 */
export function buildSiteNav(
  pages: readonly SourcePage[],
  config: SiteConfig,
  options: Parameters<typeof buildNavTree>[2] = {},
): {tree: NavTree; diagnostics: Diagnostic[]} {
  const inGroup = (key: string | undefined) => (file: string) =>
    collectionOf(config, file)?.key === key
  const build = (
    key: string | undefined,
    members: SourcePage[],
    collection?: ParentHints['collection'],
  ) =>
    buildNavTree(members, config, {
      ...options,
      notPages: options.notPages?.filter((notPage) => inGroup(key)(notPage.file)),
      collection,
    })
  const main = build(
    undefined,
    pages.filter((page) => page.collection === undefined),
  )
  const roots = [...main.tree.roots]
  const unplaced = [...main.tree.unplaced]
  const diagnostics = [...main.diagnostics]
  for (const collection of config.collections) {
    const members = pages.filter((page) => page.collection === collection.key)
    if (members.length === 0) continue
    const hidden = notShown(collection)
    if (hidden) {
      for (const page of members) unplaced.push({page, reason: hidden.reason})
      // One warning per collection: its documents share the reason.
      const count = members.length === 1 ? 'the document' : `the ${members.length} documents`
      diagnostics.push({
        severity: 'warning',
        code: 'collection-not-in-nav',
        file: members[0].file,
        line: 1,
        column: 1,
        message: `Cannot list ${count} of the collection \`${collection.key}\` in the navigation, ${hidden.because}; imported as ${members.length === 1 ? 'a page' : 'pages'} no course lists.`,
        hint: hidden.hint,
      })
      continue
    }
    const outside = new Set(
      pages.flatMap((page) =>
        page.collection !== collection.key && page.title ? [page.title] : [],
      ),
    )
    const section = build(collection.key, members, {key: collection.key, outside})
    for (const root of section.tree.roots) root.collection = collection.key
    roots.push(...section.tree.roots)
    unplaced.push(...section.tree.unplaced)
    diagnostics.push(...section.diagnostics)
  }
  return {tree: {roots, unplaced}, diagnostics}
}

/**
 * Why the theme lists none of a collection's documents, in words for the pages (`reason`) and
 * for the one warning (`because`, `hint`); undefined for a collection it shows.
 */
function notShown(
  collection: SiteCollection,
): {reason: string; because: string; hint: string} | undefined {
  const {key, nav, output} = collection
  const listIt = `Add \`${key}:\` with a \`name:\` under \`just_the_docs.collections\` if the theme should show it.`
  if (nav?.navExclude)
    return {
      reason: `its collection \`${key}\` has \`nav_exclude: true\` under \`just_the_docs.collections\``,
      because:
        'expected it shown, but it has `nav_exclude: true` under `just_the_docs.collections`',
      hint: listIt,
    }
  if (nav) return undefined
  if (output)
    return {
      reason: `its collection \`${key}\` is not listed under \`just_the_docs.collections\` in \`_config.yml\``,
      because: 'expected the collection under `just_the_docs.collections` in `_config.yml`',
      hint: listIt,
    }
  return {
    reason: `it is a document of the collection \`${key}\`, which Jekyll writes no page for (no \`output: true\`); the site's Liquid shows it where a page lists the collection`,
    because:
      "as Jekyll writes no page for them (no `output: true`): the site's Liquid shows them where a page lists the collection",
    hint: 'Nothing to do: edit them in the Studio under "Not in the site\'s navigation"; the export writes them back to their folder.',
  }
}
