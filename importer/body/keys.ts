/**
 * Content-derived `_key`s: a block keeps its key as long as its content is unchanged,
 * whatever is inserted or removed around it. Equal siblings get an occurrence suffix.
 */

/** A 53-bit string hash (cyrb53), rendered in base 36. */
export function hash(text: string): string {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)
}

type Keyed = Record<string, unknown>

/** Gives every object in `items` (and in arrays nested inside them) a unique, content-derived `_key`. */
export function assignKeys(items: unknown[], prefix = ''): void {
  const used = new Set<string>()
  // The next suffix to try per base, so a block repeated k times costs k, not k².
  const nextSuffix = new Map<string, number>()
  for (const item of items) {
    if (!isObject(item)) continue
    for (const value of Object.values(item)) {
      if (Array.isArray(value)) assignKeys(value)
      else if (isObject(value)) keyNested(value)
    }
    const base = typeof item._key === 'string' ? item._key : prefix + hash(fingerprint(item))
    let key = base
    let n = nextSuffix.get(base) ?? 1
    while (used.has(key)) key = `${base}_${n++}`
    nextSuffix.set(base, n)
    used.add(key)
    item._key = key
  }
}

/** Keys the arrays nested in one object (a document) without giving the object itself a key. */
export function keyNested(value: Keyed): void {
  for (const inner of Object.values(value)) {
    if (Array.isArray(inner)) assignKeys(inner)
    else if (isObject(inner)) keyNested(inner)
  }
}

/**
 * The item's own fields plus the keys of its nested items: nested keys already stand for their
 * content, so each character of text is hashed once per level instead of once per ancestor.
 */
function fingerprint(item: Keyed): string {
  let text = ''
  for (const name in item) {
    if (name === '_key') continue
    const value = item[name]
    text += name + '\u0001'
    if (Array.isArray(value)) {
      for (const element of value) {
        text += (isObject(element) ? String(element._key) : JSON.stringify(element)) + '\u0002'
      }
    } else text += typeof value === 'object' ? JSON.stringify(value) : String(value)
    text += '\u0003'
  }
  return text
}

function isObject(value: unknown): value is Keyed {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
