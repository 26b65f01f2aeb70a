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

/** Feeds one UTF-16 code unit, as `feed` would a text of that one unit. */
function feedCode(c: number): void {
  h1 = Math.imul(h1 ^ c, 2654435761)
  h2 = Math.imul(h2 ^ c, 1597334677)
}

/** Characters `JSON.stringify` writes otherwise than as themselves (and surrogates, to be safe). */
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/

/** Feeds a string's JSON, as `feed(JSON.stringify(text))` would, without making it when it is plain. */
function feedJsonString(text: string): void {
  if (ESCAPED.test(text)) return feed(JSON.stringify(text))
  feedCode(34)
  feed(text)
  feedCode(34)
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
  const used = items.length > 1 ? new Set<string>() : null
  // The suffix to try next for each base that collided, so a block repeated k times costs k,
  // not k²: made at the first collision (most arrays have none).
  let next: Map<string, number> | undefined
  for (const item of items) {
    if (!isObject(item)) continue
    let base: string
    if (typeof item._key === 'string') {
      keyNested(item)
      base = item._key
    } else base = prefix + keyedFingerprint(item)
    if (used === null) {
      item._key = base
      continue
    }
    let key = base
    if (used.has(key)) {
      next ??= new Map()
      let n = next.get(base) ?? 1
      while (used.has(key)) key = `${base}_${n++}`
      next.set(base, n)
    }
    used.add(key)
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
 * Keys the arrays nested in `item` and returns the hash of its own fields plus the keys of its
 * nested items: nested keys already stand for their content, so each character of text is
 * hashed once per level instead of once per ancestor. The text hashed is each field's name,
 * \u0001, its value (each array element's key or JSON followed by \u0002), then \u0003. Each
 * field's nested items are keyed just before the field is hashed, in one pass over the fields.
 */
function keyedFingerprint(item: Keyed): string {
  begin()
  for (const name in item) {
    if (name === '_key') continue
    const value = item[name]
    keyInside(value)
    feed(name)
    feedCode(1)
    if (Array.isArray(value)) {
      for (const element of value) {
        if (isObject(element)) feed(String(element._key))
        else if (typeof element === 'string') feedJsonString(element)
        else feed(JSON.stringify(element))
        feedCode(2)
      }
    } else if (typeof value === 'string') feed(value)
    else feed(typeof value === 'object' ? JSON.stringify(value) : String(value))
    feedCode(3)
  }
  return digest()
}

/** Keys the items nested in a field's value: keying hashes them, so the hash so far is set aside. */
function keyInside(value: unknown): void {
  if (typeof value !== 'object' || value === null) return
  const [a, b] = [h1, h2]
  if (Array.isArray(value)) assignKeys(value)
  else keyNested(value as Keyed)
  h1 = a
  h2 = b
}

function isObject(value: unknown): value is Keyed {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
