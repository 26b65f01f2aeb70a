import type {Diagnostic} from '../../types.ts'
import {keyPosition, textValue} from '../pages.ts'
import type {SourcePage} from '../types.ts'

/** A candidate navigation node: a titled page, or a placeholder for a parent with no page. */
export interface NavEntry {
  key: string
  title: string
  parent?: string
  grandParent?: string
  ancestor?: string
  hasChildren?: boolean
  navExclude: boolean
  childOrderReversed: boolean
  navOrder?: unknown
  /** The YAML `title` value, which may be a number (sorted as one). */
  rawTitle: unknown
  page?: SourcePage
}

function optionalText(value: unknown): string | undefined {
  const text = textValue(value)
  return text === '' ? undefined : text
}

/** The navigation-relevant front matter of a page. */
export function pageEntry(page: SourcePage): NavEntry {
  const data = page.data
  return {
    key: page.file,
    title: page.title ?? '',
    parent: optionalText(data.parent),
    grandParent: optionalText(data.grand_parent),
    ancestor: optionalText(data.ancestor),
    hasChildren: typeof data.has_children === 'boolean' ? data.has_children : undefined,
    navExclude: data.nav_exclude === true,
    childOrderReversed: data.child_nav_order === 'reversed' || data.child_nav_order === 'desc',
    navOrder: data.nav_order ?? undefined,
    rawTitle: data.title,
    page,
  }
}

function placeholder(chain: string[]): NavEntry {
  return {
    key: `#${chain.join(' › ')}`,
    title: chain[chain.length - 1],
    parent: chain.length > 1 ? chain[chain.length - 2] : undefined,
    // Placeholders stand for parents the author clearly meant to have children.
    hasChildren: true,
    navExclude: false,
    childOrderReversed: false,
    rawTitle: chain[chain.length - 1],
  }
}

/**
 * Adds a placeholder entry for every parent named in front matter that no page has as its
 * title (and for its grand_parent or ancestor when that is missing too), so the seed's course
 * and module exist. Each page that needed one gets a warning.
 */
export function withPlaceholders(entries: NavEntry[]): {
  entries: NavEntry[]
  diagnostics: Diagnostic[]
} {
  const titles = new Set(entries.map((entry) => entry.title))
  const loose = (title: string) => title.normalize('NFC').trim().toLowerCase()
  const looseTitles = new Map([...titles].map((title) => [loose(title), title]))
  const added = new Map<string, NavEntry>()
  const diagnostics: Diagnostic[] = []
  for (const entry of entries) {
    if (entry.parent === undefined || titles.has(entry.parent) || !entry.page) continue
    const above = entry.grandParent ?? entry.ancestor
    const chain = above === undefined ? [entry.parent] : [above, entry.parent]
    for (let i = 0; i < chain.length; i++) {
      if (i < chain.length - 1 && titles.has(chain[i])) continue
      const made = placeholder(chain.slice(0, i + 1))
      if (!added.has(made.key)) added.set(made.key, made)
    }
    const named = chain.map((title) => `"${title}"`).join(' › ')
    diagnostics.push({
      severity: 'warning',
      code: 'parent-not-found',
      file: entry.page.file,
      ...keyPosition(entry.page.text, 'parent'),
      message: `Cannot find a page titled "${entry.parent}" (parent), expected one page per parent; the theme hides this page, so it is imported under ${named}, created with no source page.`,
      hint: looseTitles.has(loose(entry.parent))
        ? `Did you mean "${looseTitles.get(loose(entry.parent))}"? Titles must match exactly: same case, spaces and Unicode code points (accents composed the same way). Correct \`parent:\`.`
        : `Add a page with \`title: ${entry.parent}\`, or correct \`parent:\` to an existing title (titles are case-sensitive).`,
    })
  }
  return {entries: [...entries, ...added.values()], diagnostics}
}
