/**
 * Seeded mutations of valid documents, one field at a time, for the differential test: each
 * mutation breaks (or merely changes) one value the way broken input or a careless edit would.
 */
import type {DocumentLike} from './problem.ts'

type Json = unknown
type Path = (string | number)[]

/** Every path to a value inside a document, system fields `_id` and `_type` excepted. */
function paths(value: Json, at: Path = []): Path[] {
  const found: Path[] = at.length ? [at] : []
  if (Array.isArray(value)) value.forEach((item, i) => found.push(...paths(item, [...at, i])))
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (at.length === 0 && (key === '_id' || key === '_type')) continue
      found.push(...paths(inner, [...at, key]))
    }
  }
  return found
}

const clone = <T>(value: T): T => structuredClone(value)

function parentOf(
  doc: Json,
  path: Path,
): {parent: Record<string | number, Json>; key: string | number} {
  let parent = doc as Record<string | number, Json>
  for (const segment of path.slice(0, -1)) parent = parent[segment] as Record<string | number, Json>
  return {parent, key: path[path.length - 1]}
}

const WRONG_VALUES: Json[] = [
  42,
  -1,
  1.5,
  '',
  'text',
  'UPPER Case',
  true,
  false,
  null,
  {},
  {_type: 'mystery'},
  [],
  ['x'],
  [{_type: 'mystery', _key: 'm1'}],
  'x'.repeat(40),
  '2026-13-45',
  'javascript:alert(1)',
  'https://example.com/a b',
]

/**
 * Replacements aimed at a key's meaning: styles, marks, slugs, references (to no document, to
 * one of each type in `typed`, and empty), kinds of block.
 */
function targeted(key: string | number, typed: readonly string[]): Json[] {
  switch (key) {
    case 'style':
      return ['h1', 'blockquote', 'title', 'normal']
    case 'listItem':
      return ['square', 'number', 'task']
    case 'marks':
      return [['underline'], ['strong', 'nowhere'], 'strong']
    case '_type':
      return ['mystery', 'block', 'image', 'reference', 'span']
    case 'slug':
      return [{_type: 'slug', current: 'Has Spaces'}, {_type: 'slug'}, {current: ''}, 'a-string']
    case 'current':
      return ['Upper', 'double--hyphen', '-lead', 'fine-slug', '   ']
    case '_ref':
      return ['missing-document', ...typed, '']
    case '_key':
      return ['dup', 7]
    case 'href':
      return ['javascript:x', 'ftp://host', 'mailto:a@b.c', ' ', '#top']
    case 'url':
      return ['http://insecure.example', 'https://ok.example', 'ftp://x', '//host/x']
    case 'emoji':
      return ['🚀 rocket', '🚀'.repeat(20), 'words']
    case 'level':
    case 'headerRows':
    case 'order':
      return [0, -3, 2.5, '2']
    case 'provider':
    case 'tone':
      return ['nope', 'note', 'youtube']
    case 'importedAt':
      return ['2026-11-30T03:00:00Z', 'yesterday', 5]
    default:
      return []
  }
}

/**
 * One mutation of `doc`: a field removed, replaced by a value of the wrong type or an
 * out-of-range one, an array item duplicated or retyped. `ids` are other documents' ids, so
 * references can be pointed at documents of the wrong type.
 */
export function mutate(
  doc: DocumentLike,
  random: () => number,
  ids: readonly string[],
): {doc: DocumentLike; change: string} {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]
  const all = paths(doc)
  if (all.length === 0) return {doc, change: 'nothing to mutate'}
  // Half the time, a value with a meaning of its own (a style, a slug, a reference, a link).
  const aimedAt = all.filter(
    (candidate) => targeted(candidate[candidate.length - 1], ids).length > 0,
  )
  const path = aimedAt.length > 0 && random() < 0.5 ? pick(aimedAt) : pick(all)
  const copy = clone(doc)
  const {parent, key} = parentOf(copy, path)
  const roll = random()
  const where = path.join('.')
  if (roll < 0.25) {
    if (Array.isArray(parent)) parent.splice(key as number, 1)
    else delete parent[key]
    return {doc: copy, change: `removed ${where}`}
  }
  if (roll < 0.35 && Array.isArray(parent)) {
    parent.splice(key as number, 0, clone(parent[key as number]))
    return {doc: copy, change: `duplicated ${where}`}
  }
  const aimed = targeted(key, [pick(ids), pick(ids)])
  const value = aimed.length > 0 && roll < 0.7 ? pick(aimed) : pick(WRONG_VALUES)
  parent[key] = clone(value)
  return {doc: copy, change: `${where} = ${JSON.stringify(value)}`}
}

/**
 * For each key with meaningful values (style, slug, reference, link, emoji, …), its first
 * occurrence in `pool` set to each of them: every such rule is reached whatever the pool holds.
 */
export function aimedMutations(
  pool: readonly DocumentLike[],
): {doc: DocumentLike; change: string}[] {
  const seen = new Set<string | number>()
  const mutations: {doc: DocumentLike; change: string}[] = []
  // A document of each type, whatever documents the pool starts with: a reference is pointed at
  // one of the wrong type for sure.
  const typed = [...new Map(pool.map((doc) => [doc._type, doc._id])).values()]
  for (const doc of pool) {
    for (const path of paths(doc)) {
      const key = path[path.length - 1]
      const values = targeted(key, typed)
      if (values.length === 0 || seen.has(key)) continue
      seen.add(key)
      for (const value of values) {
        const copy = clone(doc)
        const {parent} = parentOf(copy, path)
        parent[key] = clone(value)
        mutations.push({doc: copy, change: `${path.join('.')} = ${JSON.stringify(value)}`})
      }
    }
  }
  // The slug of another document of the same type: the uniqueness rule, which no value reaches
  // on its own (a random mutation met it only by chance, so adding fixtures could lose it).
  const current = (doc: DocumentLike) => (doc.slug as {current?: unknown} | undefined)?.current
  const slugged = pool.filter((doc) => typeof current(doc) === 'string')
  for (const doc of slugged) {
    const other = slugged.find(
      (next) => next._type === doc._type && next._id !== doc._id && current(next) !== current(doc),
    )
    if (!other) continue
    mutations.push({doc: {...clone(doc), slug: clone(other.slug)}, change: `slug = ${other._id}'s`})
    break
  }
  return mutations
}
