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

function byId(a: {id: string}, b: {id: string}): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
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
 * with their parent's slug ("module-a-overview"), so no page wins by file order. What still
 * collides keeps its slug for one page, and the others get the next free `-2`, `-3`: free of
 * every slug some page wants for itself, so a page titled "Setup 2" keeps `setup-2` and the
 * second "Setup" becomes `setup-3`. The same requests give the same slugs in any order.
 */
export function assignSlugs(requests: readonly SlugRequest[]): Map<string, string> {
  const base = new Map(requests.map((r) => [r.id, slugify(r.title) || 'page']))
  const result = new Map<string, string>()
  const byType = groupBy(requests, (r) => r.type)
  for (const group of byType.values()) {
    const counts = groupBy(group, (r) => base.get(r.id)!)
    const wanted = new Map<string, SlugRequest[]>()
    for (const [slug, same] of counts) {
      for (const r of same) {
        const parent = r.parentId ? base.get(r.parentId) : undefined
        const chosen = same.length > 1 && parent ? slugify(`${parent}-${slug}`) : slug
        push(wanted, chosen, r)
      }
    }
    // Every slug some page wants is taken before any number is handed out.
    const taken = new Set(wanted.keys())
    for (const slug of [...wanted.keys()].sort()) {
      // The page whose own title gives this slug first (not one prefixed onto it), then by id.
      const own = (r: SlugRequest) => (base.get(r.id) === slug ? 0 : 1)
      const ordered = wanted.get(slug)!.sort((a, b) => own(a) - own(b) || byId(a, b))
      result.set(ordered[0].id, slug)
      let n = 2
      for (const r of ordered.slice(1)) {
        while (taken.has(`${slug}-${n}`)) n++
        const numbered = `${slug}-${n}`
        taken.add(numbered)
        result.set(r.id, numbered)
      }
    }
  }
  return result
}
