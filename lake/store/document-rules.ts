import {isValidId} from '../ids.ts'
import {bytesOver, type Text} from './types.ts'

/** Bounds on one document's size and shape. */
export type DocumentLimits = {
  maxBytes: number
  maxAttributes: number
  maxDepth: number
  maxNesting: number
}

/**
 * Sanity's documented per-document limits (sanity.io/docs/content-lake/technical-limits, free and
 * growth plans), plus the lake's own bound on objects and arrays nested in each other.
 */
export const DOCUMENT_LIMITS: DocumentLimits = {
  /** Maximum JSON size in bytes (32 MB, SI units as Sanity counts). */
  maxBytes: 32_000_000,
  /** Maximum attributes: unique combinations of path (array items as `[]`) and datatype. */
  maxAttributes: 1000,
  /** Maximum attribute nesting depth: named attributes along one path. */
  maxDepth: 20,
  // Arrays add no attribute level, so `[[[[…]]]]` would pass the depth rule at any nesting; this
  // bounds objects and arrays together at twice the attribute depth, which every document within
  // Sanity's limits meets unless it nests arrays directly in arrays.
  maxNesting: 40,
}

/**
 * What the lake loads from disk: documents written before it checked shapes may nest deeper
 * than Sanity allows and stay readable, but not so deep that reading them could overflow the
 * stack, and never with an id or type that breaks every query.
 */
export const LOAD_LIMITS: DocumentLimits = {
  maxBytes: Infinity,
  maxAttributes: Infinity,
  maxDepth: 100,
  maxNesting: 100,
}

/**
 * How deep objects and arrays nest in a parsed JSON value (0 for a primitive), counted without
 * recursion and without allocating per value (it runs on every mutation an import writes): the
 * objects still to visit and their depths on two stacks, primitives never pushed. Stops once
 * deeper than `stopAfter`, answering `stopAfter + 1` (for a whole `stopAfter`).
 */
export function nestingOf(value: unknown, stopAfter = Infinity): number {
  if (value === null || typeof value !== 'object') return 0
  let deepest = 0
  const objects: object[] = [value]
  const depths: number[] = [1]
  while (objects.length > 0) {
    const current = objects.pop()!
    const depth = depths.pop()!
    if (depth > deepest) {
      deepest = depth
      if (deepest > stopAfter) return deepest
    }
    if (Array.isArray(current)) {
      for (let i = 0; i < current.length; i++) {
        const child: unknown = current[i]
        if (child !== null && typeof child === 'object') {
          objects.push(child)
          depths.push(depth + 1)
        }
      }
    } else {
      // Parsed JSON has no inherited enumerable keys: for…in sees exactly Object.values's.
      for (const key in current) {
        const child: unknown = (current as Record<string, unknown>)[key]
        if (child !== null && typeof child === 'object') {
          objects.push(child)
          depths.push(depth + 1)
        }
      }
    }
  }
  return deepest
}

/** Sanity's wording for an id it refuses, with long ids shortened so the message stays readable. */
export function malformedId(id: unknown): string {
  const shown = JSON.stringify(id) ?? String(id)
  return `Malformed document ID: ${shown.length > 140 ? `${shown.slice(0, 140)}…"` : shown}`
}

const shorten = (path: string) => (path.length > 80 ? `${path.slice(0, 80)}…` : path)

function typeOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'float'
  return typeof value
}

type Frame = {value: unknown; path: string; depth: number; nesting: number}

/**
 * Whether a document is certainly within the shape limits, found without building a path per
 * value: no deeper than the limits, and with no more values than attributes allowed (a document
 * has at most as many unique attributes as values). False means "look closer", not a refusal.
 */
function surelyWithin(doc: object, limits: DocumentLimits): boolean {
  let values = 0
  // Objects and arrays only, with their depth and nesting: a primitive is counted, not pushed.
  const objects: object[] = [doc]
  const depths = [0]
  const nestings = [0]
  while (objects.length > 0) {
    const value = objects.pop()!
    const depth = depths.pop()!
    const nesting = nestings.pop()!
    if (depth > limits.maxDepth || nesting > limits.maxNesting) return false
    const array = Array.isArray(value)
    const childDepth = array ? depth : depth + 1
    let children = 0
    const before = objects.length
    if (array) {
      children = value.length
      for (let i = 0; i < children; i++) {
        const child: unknown = value[i]
        if (child !== null && typeof child === 'object') objects.push(child)
      }
    } else {
      // Parsed JSON has no inherited enumerable keys: for…in sees exactly Object.values's.
      for (const key in value) {
        children++
        const child: unknown = (value as Record<string, unknown>)[key]
        if (child !== null && typeof child === 'object') objects.push(child)
      }
    }
    for (let i = before; i < objects.length; i++) {
      depths.push(childDepth)
      nestings.push(nesting + 1)
    }
    // Every child, primitive or not, sits at the children's depth and nesting.
    if (children > 0 && (childDepth > limits.maxDepth || nesting + 1 > limits.maxNesting)) {
      return false
    }
    values += children
    if (values > limits.maxAttributes) return false
  }
  return true
}

const TYPE_BITS: Record<string, number> = {
  null: 1,
  array: 2,
  integer: 4,
  float: 8,
  string: 16,
  boolean: 32,
  object: 64,
  undefined: 128,
  function: 256,
  bigint: 512,
  symbol: 1024,
}

/** A path of a document (array items as one `[]` step): its steps on, and its types seen. */
type PathNode = {keys: Map<string, PathNode> | null; items: PathNode | null; types: number}
const pathNode = (): PathNode => ({keys: null, items: null, types: 0})

/**
 * Whether a document is within the shape limits, counting its attributes on a tree of its paths
 * instead of a string per value (a long lesson has thousands of values and a few dozen paths).
 * Keys holding `.` or `[]` make paths that the strings below would count once count twice here,
 * so true is exact and false means "look closer", as for {@link surelyWithin}.
 */
function withinByPaths(doc: object, limits: DocumentLimits): boolean {
  let attributes = 0
  const values: unknown[] = [doc]
  const nodes: PathNode[] = [pathNode()]
  const depths = [0]
  const nestings = [0]
  while (values.length > 0) {
    const value = values.pop()
    const node = nodes.pop()!
    const depth = depths.pop()!
    const nesting = nestings.pop()!
    if (depth > limits.maxDepth || nesting > limits.maxNesting) return false
    if (value === null || typeof value !== 'object') continue
    const array = Array.isArray(value)
    const keys = array ? null : Object.keys(value)
    const count = array ? value.length : keys!.length
    for (let i = 0; i < count; i++) {
      let step: PathNode
      let child: unknown
      if (array) {
        child = value[i]
        step = node.items ??= pathNode()
      } else {
        const key = keys![i]
        child = (value as Record<string, unknown>)[key]
        const next = (node.keys ??= new Map())
        step = next.get(key) ?? next.set(key, pathNode()).get(key)!
      }
      const bit = TYPE_BITS[typeOf(child)] ?? 2048
      if ((step.types & bit) === 0) {
        step.types |= bit
        if (++attributes > limits.maxAttributes) return false
      }
      if (child !== null && typeof child === 'object') {
        values.push(child)
        nodes.push(step)
        depths.push(array ? depth : depth + 1)
        nestings.push(nesting + 1)
      } else if (depth + (array ? 0 : 1) > limits.maxDepth || nesting + 1 > limits.maxNesting) {
        return false
      }
    }
  }
  return true
}

/** Checks the shape limits without recursion, so no document can overflow the stack here. */
function shapeProblem(doc: object, label: string, limits: DocumentLimits): string | null {
  // Most documents: a count, without the path strings below (validation was 7.4 s of the event
  // loop's 86 s CPU profile over the bench's four 50,000-document patches); a long lesson, with
  // more values than attributes allowed, on a tree of its paths. Only a document over a limit
  // is walked with the path strings that name where.
  if (surelyWithin(doc, limits) || withinByPaths(doc, limits)) return null
  return pathsProblem(doc, label, limits)
}

/**
 * The first shape limit a document breaks, named by its path, or null: the definition the quick
 * checks above must agree with (exported for the test that holds them to it).
 */
export function pathsProblem(doc: object, label: string, limits: DocumentLimits): string | null {
  const attributes = new Set<string>()
  const countAttributes = Number.isFinite(limits.maxAttributes)
  const stack: Frame[] = [{value: doc, path: '', depth: 0, nesting: 0}]
  while (stack.length > 0) {
    const {value, path, depth, nesting} = stack.pop() as Frame
    if (depth > limits.maxDepth) {
      return `Cannot store document ${label}: attribute "${shorten(path)}" is nested ${depth} levels deep, over ${limits === DOCUMENT_LIMITS ? "Sanity's" : "the lake's"} limit of ${limits.maxDepth}`
    }
    if (nesting > limits.maxNesting) {
      return `Cannot store document ${label}: "${shorten(path)}" is inside ${nesting} nested objects and arrays, over the lake's limit of ${limits.maxNesting}`
    }
    if (value === null || typeof value !== 'object') continue
    const array = Array.isArray(value)
    const entries: Array<[string, unknown]> = array
      ? value.map((item) => [`${path}[]`, item])
      : Object.entries(value).map(([key, child]) => [path ? `${path}.${key}` : key, child])
    for (const [childPath, child] of entries) {
      if (countAttributes) attributes.add(`${childPath}:${typeOf(child)}`)
      const childDepth = array ? depth : depth + 1
      stack.push({value: child, path: childPath, depth: childDepth, nesting: nesting + 1})
    }
    if (attributes.size > limits.maxAttributes) {
      return `Cannot store document ${label}: it has more than ${limits.maxAttributes} attributes (unique paths and datatypes), Sanity's limit per document`
    }
  }
  return null
}

/**
 * Why a value cannot be a document, as a sentence, or null when it can: an object whose `_id`
 * follows Sanity's id rules and whose `_type` is a non-empty string. Cheap: it reads two fields.
 */
export function identityProblem(doc: unknown): string | null {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    return 'Cannot store a document that is not a JSON object, expected {"_id": …, "_type": …}'
  }
  const {_id: id, _type: type} = doc as Record<string, unknown>
  if (!isValidId(id)) return malformedId(id)
  if (typeof type !== 'string' || type === '') {
    return `Cannot store document "${id}" without a type, expected "_type" to be a non-empty string`
  }
  return null
}

/**
 * Why a document cannot be stored, as a sentence, or null when it can: `_id` must follow Sanity's
 * id rules, `_type` must be a non-empty string, and the shape and size must be within the limits
 * ({@link DOCUMENT_LIMITS} unless given; `json`, the document's JSON text when the caller has
 * it, saves serializing it).
 */
export function documentProblem(
  doc: unknown,
  limits: DocumentLimits = DOCUMENT_LIMITS,
  json?: Text,
): string | null {
  const identity = identityProblem(doc)
  if (identity) return identity
  const label = `"${(doc as {_id: string})._id}"`
  const shape = shapeProblem(doc as object, label, limits)
  if (shape) return shape
  if (!Number.isFinite(limits.maxBytes)) return null
  const size = bytesOver(json ?? JSON.stringify(doc), limits.maxBytes)
  if (size !== null) {
    return `Cannot store document ${label}: it is ${size} bytes as JSON, over Sanity's limit of ${limits.maxBytes} bytes`
  }
  return null
}
