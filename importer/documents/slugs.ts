import {slugify} from '../slug.ts'

/** Appends to the list under `key` (in place: spreading would be quadratic on big sites). */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) push(groups, key(item), item)
  return groups
}

/** What a document needs to get a slug: its type, title and the document it sits under. */
export interface SlugRequest {
  id: string
  type: string
  title: string
  parentId?: string
}

/**
 * Assigns slugs unique per document type. Titles that collide within a type are all prefixed
 * with their parent's slug ("module-a-overview"), so no page wins by file order; what still
 * collides gets `-2`, `-3` in id order.
 */
export function assignSlugs(requests: readonly SlugRequest[]): Map<string, string> {
  const base = new Map(requests.map((r) => [r.id, slugify(r.title) || 'page']))
  const result = new Map<string, string>()
  const byType = groupBy(requests, (r) => r.type)
  for (const group of byType.values()) {
    const counts = groupBy(group, (r) => base.get(r.id)!)
    const second = new Map<string, SlugRequest[]>()
    for (const [slug, same] of counts) {
      for (const r of same) {
        const parent = r.parentId ? base.get(r.parentId) : undefined
        const chosen = same.length > 1 && parent ? slugify(`${parent}-${slug}`) : slug
        push(second, chosen, r)
      }
    }
    for (const [slug, same] of second) {
      const ordered = [...same].sort((a, b) => (a.id < b.id ? -1 : 1))
      ordered.forEach((r, i) => result.set(r.id, i === 0 ? slug : `${slug}-${i + 1}`))
    }
  }
  return result
}
