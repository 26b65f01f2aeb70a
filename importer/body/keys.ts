/**
 * Content-derived `_key`s: a block keeps its key as long as its content is unchanged,
 * whatever is inserted or removed around it. Equal siblings get an occurrence suffix.
 */

// The state of one cyrb53 hash fed piece by piece: a text fed in pieces hashes as the whole
// text would, without the whole text ever being built. Never fed two hashes at once.
let h1 = 0
let h2 = 0

function begin(): void {
  h1 = 0xdeadbeef
  h2 = 0x41c6ce57
}

function feed(text: string): void {
  let a = h1
  let b = h2
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    a = Math.imul(a ^ c, 2654435761)
    b = Math.imul(b ^ c, 1597334677)
  }
  h1 = a
  h2 = b
}

function digest(): string {
  const a = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  const b = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909)
  return base36(4294967296 * (2097151 & b) + (a >>> 0))
}

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz'

/** Every number below 36² as two base-36 digits (`0a` for 10), and as `toString(36)` writes it. */
const DIGIT_PAIRS = Array.from(
  {length: 36 * 36},
  (_, n) => DIGITS[(n - (n % 36)) / 36]! + DIGITS[n % 36]!,
)
const SHORTEST = DIGIT_PAIRS.map((pair, n) => (n < 36 ? pair[1]! : pair))

/**
 * A whole number below 2^53 in base 36, as `toString(36)` writes it, several times faster: two
 * digits a step, each step exact without a floating-point remainder (`%` on numbers past 2^31
 * calls a library function). The quotient by 36² is below 2^43, where a double's rounding error
 * (at most 2^-11) is less than the 1/1296 that a remainder keeps it from the next whole number,
 * so `Math.floor` gives the true quotient, and the remainder follows from it exactly.
 */
export function base36(value: number): string {
  let text = ''
  while (value >= 1296) {
    const quotient = Math.floor(value / 1296)
    text = DIGIT_PAIRS[value - quotient * 1296] + text
    value = quotient
  }
  return SHORTEST[value] + text
}

/** A 53-bit string hash (cyrb53), rendered in base 36. */
export function hash(text: string): string {
  begin()
  feed(text)
  return digest()
}

type Keyed = Record<string, unknown>

/** Gives every object in `items` (and in arrays nested inside them) a unique, content-derived `_key`. */
export function assignKeys(items: unknown[], prefix = ''): void {
  // Made for arrays of more than one item only: most arrays (a span's marks, a paragraph of one
  // span) have one, whose key nothing can collide with.
  // `next`: the suffix to try per base, so a block repeated k times costs k, not k².
  const seen = items.length > 1 ? {used: new Set<string>(), next: new Map<string, number>()} : null
  for (const item of items) {
    if (!isObject(item)) continue
    keyNested(item)
    const base = typeof item._key === 'string' ? item._key : prefix + fingerprintHash(item)
    if (!seen) {
      item._key = base
      continue
    }
    let key = base
    let n = seen.next.get(base) ?? 1
    while (seen.used.has(key)) key = `${base}_${n++}`
    seen.next.set(base, n)
    seen.used.add(key)
    item._key = key
  }
}

/** Keys the arrays nested in one object (a document) without giving the object itself a key. */
export function keyNested(value: Keyed): void {
  // Plain JSON data: for…in sees exactly its own keys, without copying the values.
  for (const name in value) {
    const inner = value[name]
    if (Array.isArray(inner)) assignKeys(inner)
    else if (isObject(inner)) keyNested(inner)
  }
}

/**
 * The hash of the item's own fields plus the keys of its nested items: nested keys already stand
 * for their content, so each character of text is hashed once per level instead of once per
 * ancestor. The text hashed is each field's name, \u0001, its value (each array element's key
 * or JSON followed by \u0002), then \u0003.
 */
function fingerprintHash(item: Keyed): string {
  begin()
  for (const name in item) {
    if (name === '_key') continue
    const value = item[name]
    feed(name)
    feed('\u0001')
    if (Array.isArray(value)) {
      for (const element of value) {
        feed(isObject(element) ? String(element._key) : JSON.stringify(element))
        feed('\u0002')
      }
    } else feed(typeof value === 'object' ? JSON.stringify(value) : String(value))
    feed('\u0003')
  }
  return digest()
}

function isObject(value: unknown): value is Keyed {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
