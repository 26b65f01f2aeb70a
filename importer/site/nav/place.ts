import type {NavNode} from '../types.ts'
import type {NavEntry} from './entries.ts'

/** Appends to the list under `key` (in place: spreading would be quadratic on big sites). */
export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

/** Why a page whose `parent` names a node was still not shown under it. */
export type Rejection =
  | 'grand-parent-mismatch'
  | 'ancestor-mismatch'
  | 'top-level-only'
  | 'children-hidden'
  | 'legacy-needs-has-children'
  | 'legacy-needs-grand-parent'
  | 'legacy-depth'

/** The outcome of placing entries: nodes by entry, plus what matched but was not used. */
export interface Placement {
  roots: NavNode[]
  placed: Map<NavEntry, NavNode>
  entryOf: Map<NavNode, NavEntry>
  /** Further nodes that also accept an already placed entry (the theme shows it under each). */
  alsoUnder: Map<NavEntry, NavNode[]>
  rejected: Map<NavEntry, Array<{node: NavNode; reason: Rejection}>>
}

/** Titles of every node above `node`, nearest last. */
export function ancestorTitles(node: NavNode): string[] {
  const titles: string[] = []
  for (let up = node.parent; up; up = up.parent) titles.unshift(up.title)
  return titles
}

function isWithin(node: NavNode, root: NavNode): boolean {
  for (let up: NavNode | undefined = node; up; up = up.parent) if (up === root) return true
  return false
}

/** Whether the theme shows `child` under `node` (children.html, or the 3-level rules). */
export function accepts(
  node: NavNode,
  entry: NavEntry,
  child: NavEntry,
  topTitles: ReadonlySet<string>,
  legacy: boolean,
): true | Rejection {
  if (legacy) {
    if (node.depth >= 3) return 'legacy-depth'
    if (entry.hasChildren !== true) return 'legacy-needs-has-children'
    if (node.depth === 1 || child.grandParent === entry.parent) return true
    return child.grandParent === undefined ? 'legacy-needs-grand-parent' : 'grand-parent-mismatch'
  }
  if (entry.hasChildren === false) return 'children-hidden'
  if (child.grandParent !== undefined && child.grandParent !== entry.parent) {
    return 'grand-parent-mismatch'
  }
  if (
    child.ancestor !== undefined &&
    child.ancestor !== node.title &&
    !ancestorTitles(node).includes(child.ancestor)
  ) {
    return 'ancestor-mismatch'
  }
  // Keeps 3-level sites working: a bare `parent` naming a top-level title means that page.
  if (child.grandParent === undefined && child.ancestor === undefined && node.depth >= 2) {
    if (child.parent !== undefined && topTitles.has(child.parent)) return 'top-level-only'
  }
  return true
}

/**
 * Places entries level by level from the top-level pages, each under the first node (shallowest,
 * then in navigation order) that accepts it. `order` sorts a node's accepted children.
 */
export function place(
  entries: readonly NavEntry[],
  legacy: boolean,
  order: (children: NavEntry[], parent?: NavEntry) => NavEntry[],
): Placement {
  const byParent = new Map<string, NavEntry[]>()
  const top: NavEntry[] = []
  for (const entry of entries) {
    if (entry.parent === undefined) top.push(entry)
    else push(byParent, entry.parent, entry)
  }
  const topTitles = new Set(top.map((entry) => entry.title))
  const result: Placement = {
    roots: [],
    placed: new Map(),
    entryOf: new Map(),
    alsoUnder: new Map(),
    rejected: new Map(),
  }
  const taken = new Set<NavEntry>(top)
  const makeNode = (entry: NavEntry, parent: NavNode | undefined): NavNode => {
    const node: NavNode = {
      key: entry.key,
      title: entry.title,
      page: entry.page,
      parent,
      children: [],
      depth: parent ? parent.depth + 1 : 1,
      hidden: (parent?.hidden ?? false) || entry.navExclude,
    }
    result.placed.set(entry, node)
    result.entryOf.set(node, entry)
    return node
  }
  result.roots = order(top).map((entry) => makeNode(entry, undefined))
  for (let level = result.roots; level.length > 0;) {
    const next: NavNode[] = []
    for (const node of level) {
      const entry = result.entryOf.get(node)!
      const accepted: NavEntry[] = []
      for (const child of byParent.get(node.title) ?? []) {
        const verdict = accepts(node, entry, child, topTitles, legacy)
        if (verdict !== true) {
          push(result.rejected, child, {node, reason: verdict})
          continue
        }
        if (taken.has(child)) {
          const already = result.placed.get(child)
          // A node inside the child's own subtree repeats an ancestor title; that is warned apart.
          if (!already || !isWithin(node, already)) {
            push(result.alsoUnder, child, node)
          }
          continue
        }
        accepted.push(child)
        taken.add(child)
      }
      for (const child of order(accepted, entry)) {
        const childNode = makeNode(child, node)
        node.children.push(childNode)
        next.push(childNode)
      }
    }
    level = next
  }
  return result
}
