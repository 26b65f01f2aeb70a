import {createHash} from 'node:crypto'

/**
 * Each object key as JSON followed by its colon. Documents use a few dozen keys over and over
 * (`_type`, `_key`, `children`, `marks`, `text`), so quoting each once saves most of the work;
 * the bound keeps data with ever-new keys from growing it without end.
 */
const quotedKeys = new Map<string, string>()
const QUOTED_KEYS_KEPT = 10_000

function quotedKey(key: string): string {
  let quoted = quotedKeys.get(key)
  if (quoted === undefined) {
    quoted = `${JSON.stringify(key)}:`
    if (quotedKeys.size < QUOTED_KEYS_KEPT) quotedKeys.set(key, quoted)
  }
  return quoted
}

/** Objects with up to this many keys have them sorted by insertion (see sortKeys). */
const INSERTION_SORTED = 24

/**
 * Sorts an object's keys in place, by UTF-16 code units as `Array.prototype.sort` does. The few
 * keys of most objects are sorted by insertion, which neither allocates nor calls a comparator
 * (`sort` copies every array it sorts: half the canonical text's garbage); many keys by `sort`.
 */
function sortKeys(keys: string[]): string[] {
  if (keys.length > INSERTION_SORTED) return keys.sort()
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]
    let j = i - 1
    for (; j >= 0 && keys[j] > key; j--) keys[j + 1] = keys[j]
    keys[j + 1] = key
  }
  return keys
}

/**
 * JSON with object keys sorted, so equal content always hashes equally: `JSON.stringify` of the
 * same value with every object's keys in sorted order (`undefined` members left out, `undefined`
 * items written as `null`), for the plain JSON data documents are.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) {
    let out = '['
    for (let i = 0; i < value.length; i++) {
      if (i) out += ','
      out += canonicalJson(value[i])
    }
    return `${out}]`
  }
  let out = '{'
  for (const key of sortKeys(Object.keys(value))) {
    const member = (value as Record<string, unknown>)[key]
    if (member === undefined) continue
    if (out.length > 1) out += ','
    out += quotedKey(key) + canonicalJson(member)
  }
  return `${out}}`
}

/**
 * The canonical JSON of an object whose members' canonical JSON is already written: each key of
 * `members` with its value's text (`undefined`: the member is left out, as an undefined value
 * is). Lets a caller write a large member once and use its text in more than one object.
 */
export function canonicalObject(members: ReadonlyMap<string, string | undefined>): string {
  let out = '{'
  for (const key of sortKeys([...members.keys()])) {
    const text = members.get(key)
    if (text === undefined) continue
    if (out.length > 1) out += ','
    out += quotedKey(key) + text
  }
  return `${out}}`
}

/** SHA-256 (hex, 40 characters) of a canonical JSON text. */
export const hashOfCanonical = (text: string): string =>
  createHash('sha256').update(text).digest('hex').slice(0, 40)

/** SHA-256 (hex, 40 characters) of a value's canonical JSON: the same for any key order. */
export function canonicalHash(value: unknown): string {
  return hashOfCanonical(canonicalJson(value))
}
