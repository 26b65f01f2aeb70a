/**
 * One function per rule flag and value type, with Sanity's semantics and default messages
 * (`@sanity/validation`'s English strings). Each returns `true` or what failed.
 */
import type {TypeNode} from './nodes.ts'
import type {RuleType, UriConstraint} from './rule.ts'

/** A failure a check reports: its message and, for array items, the item's path below the value. */
export type Failure = {message: string; path?: readonly PathSegment[]}

/** What a check returns: `true`, one failure or several. */
export type Outcome = true | Failure | Failure[]

/** A path segment: a field name, an array index or an array item's key. */
export type PathSegment = string | number | {_key: unknown}

/** What checks may need beyond the value: the rule's message, the type and the dataset. */
export interface CheckContext {
  message: string | undefined
  node: TypeNode
  documentId: string
  documentType: string
  /** Whether a document with this id exists (drafts and published ids as stored). */
  exists: (id: string) => boolean
  /** The ids (published form) of the documents of a type that use a slug. */
  slugOwners: (type: string, slug: string) => readonly string[]
}

type Check = (constraint: unknown, value: unknown, context: CheckContext) => Outcome

const fail = (message: string): Failure => ({message})
const orDefault = (context: CheckContext, text: string) => context.message || text
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const BUILT_INS: unknown[] = [Object, Function, Array, String, Boolean, Number, Date, RegExp, Error]

/** Sanity's name for a value's type in "Expected type" messages. */
export function typeString(value: unknown): string {
  // Primitives, every value of a document but its objects and arrays, without the tag's text.
  const primitive = typeof value
  if (primitive === 'string') return 'String'
  if (primitive === 'number') return 'Number'
  if (primitive === 'boolean') return 'Boolean'
  // And arrays and plain objects, whose tag and constructor say the same.
  if (typeof value === 'object' && value !== null && isPlain(value)) {
    return Array.isArray(value) ? 'Array' : 'Object'
  }
  const tag = Object.prototype.toString.call(value).slice(8, -1)
  if (value === null || value === undefined) return tag.toLowerCase()
  const constructor = (value as {constructor?: {name: string}}).constructor
  return constructor && !BUILT_INS.includes(constructor) ? constructor.name : tag
}

/** Whether an array or object is plain (as JSON makes them): its tag alone names its type. */
function isPlain(value: object): boolean {
  const constructor = (value as {constructor?: unknown}).constructor
  if (constructor !== Array && constructor !== Object) return false
  if ((value as {[Symbol.toStringTag]?: unknown})[Symbol.toStringTag] !== undefined) return false
  return Array.isArray(value) === (constructor === Array)
}

/** Deep equality that ignores `_key`, as Sanity's `unique()` and `valid()` compare. */
export function equalIgnoringKey(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => equalIgnoringKey(item, b[i]))
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false
  const keys = Object.keys(a).filter((key) => key !== '_key')
  if (keys.length !== Object.keys(b).filter((key) => key !== '_key').length) return false
  return keys.every(
    (key) =>
      Object.prototype.hasOwnProperty.call(b, key) &&
      equalIgnoringKey((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  )
}

/** The published form of a document id (no `drafts.` or `versions.<name>.` prefix). */
export function publishedId(id: string): string {
  if (id.startsWith('drafts.')) return id.slice('drafts.'.length)
  if (id.startsWith('versions.')) return id.split('.').slice(2).join('.')
  return id
}

const itemPath = (item: unknown, index: number): PathSegment =>
  item && (item as {_key?: unknown})._key ? {_key: (item as {_key: unknown})._key} : index

const length = (value: unknown) => (value as {length?: number}).length as number

const generic: Record<string, Check> = {
  type: (expected, value, context) => {
    const actual = typeString(value)
    return actual === expected || actual === 'undefined'
      ? true
      : fail(orDefault(context, `Expected type "${String(expected)}", got "${actual}"`))
  },
  presence: (expected, value, context) =>
    value === undefined && expected === 'required' ? fail(orDefault(context, 'Required')) : true,
  valid: (allowed, value, context) => {
    if (value === undefined) return true
    if ((allowed as unknown[]).some((option) => equalIgnoringKey(option, value))) return true
    const text = (typeof value === 'number' || typeof value === 'string') && `${value}`
    const hint = text && text.length > 30 ? `${text.slice(0, 30)}…` : text
    return fail(
      orDefault(
        context,
        text
          ? `Value "${hint}" did not match any allowed values`
          : 'Value did not match any allowed values',
      ),
    )
  },
}

const arrayChecks: Record<string, Check> = {
  ...generic,
  min: (min, value, context) =>
    !value || length(value) >= (min as number)
      ? true
      : fail(
          orDefault(
            context,
            `Must have at least ${String(min)} ${context.node.blocks ? 'blocks' : 'items'}`,
          ),
        ),
  max: (max, value, context) =>
    !value || length(value) <= (max as number)
      ? true
      : fail(
          orDefault(
            context,
            `Must have at most ${String(max)} ${context.node.blocks ? 'blocks' : 'items'}`,
          ),
        ),
  length: (wanted, value, context) =>
    !value || length(value) === wanted
      ? true
      : fail(
          orDefault(
            context,
            `Must have exactly ${String(wanted)} ${context.node.blocks ? 'blocks' : 'items'}`,
          ),
        ),
  presence: (flag, value, context) =>
    flag === 'required' && !value ? fail(orDefault(context, 'Required')) : true,
  valid: (allowed, values, context) => {
    if (values === undefined) return true
    const message = orDefault(context, 'Value did not match any allowed values')
    const failures: Failure[] = []
    const list = values as unknown[]
    for (let i = 0; i < list.length; i++) {
      if ((allowed as unknown[]).some((option) => equalIgnoringKey(option, list[i]))) continue
      failures.push({message, path: [itemPath(list[i], i)]})
    }
    return failures
  },
  unique: (_unused, value, context) => {
    if (!value) return true
    const list = value as unknown[]
    const duplicates = new Set<number>()
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++)
        if (equalIgnoringKey(list[x], list[y])) duplicates.add(x).add(y)
    const message = orDefault(context, "Can't be a duplicate")
    return [...duplicates].map((index) => ({message, path: [itemPath(list[index], index)]}))
  },
}

const numberChecks: Record<string, Check> = {
  ...generic,
  integer: (_unused, value, context) =>
    Number.isInteger(value) ? true : fail(orDefault(context, 'Must be an integer')),
  min: (min, value, context) =>
    (value as number) >= (min as number)
      ? true
      : fail(orDefault(context, `Must be greater than or equal to ${String(min)}`)),
  max: (max, value, context) =>
    (value as number) <= (max as number)
      ? true
      : fail(orDefault(context, `Must be lower than or equal to ${String(max)}`)),
  greaterThan: (limit, value, context) =>
    (value as number) > (limit as number)
      ? true
      : fail(orDefault(context, `Must be greater than ${String(limit)}`)),
  lessThan: (limit, value, context) =>
    (value as number) < (limit as number)
      ? true
      : fail(orDefault(context, `Must be less than ${String(limit)}`)),
}

const stringChecks: Record<string, Check> = {
  ...generic,
  min: (min, value, context) =>
    !value || length(value) >= (min as number)
      ? true
      : fail(orDefault(context, `Must be at least ${String(min)} characters long`)),
  max: (max, value, context) =>
    !value || length(value) <= (max as number)
      ? true
      : fail(orDefault(context, `Must be at most ${String(max)} characters long`)),
  length: (wanted, value, context) =>
    length(value || '') === wanted
      ? true
      : fail(orDefault(context, `Must be exactly ${String(wanted)} characters long`)),
  presence: (flag, value, context) =>
    flag === 'required' && !value ? fail(orDefault(context, 'Required')) : true,
  uri: (constraint, value, context) => checkUri(constraint as UriConstraint, value, context),
}

const DUMMY_ORIGIN = 'http://sanity'
const isRelativeUrl = (url: string) => /^\.*\//.test(url)

function checkUri(options: UriConstraint, value: unknown, context: CheckContext): Outcome {
  const text = (value || '') as string
  if (!text) return true
  const allowRelative = options.allowRelative || options.relativeOnly
  let url: URL
  try {
    url = allowRelative ? new URL(text, DUMMY_ORIGIN) : new URL(text)
  } catch {
    return fail(orDefault(context, 'Not a valid URL'))
  }
  if (options.relativeOnly && url.origin !== DUMMY_ORIGIN) {
    return fail(orDefault(context, 'Only relative URLs are allowed'))
  }
  if (!allowRelative && url.origin === DUMMY_ORIGIN && isRelativeUrl(text)) {
    return fail(orDefault(context, 'Relative URLs are not allowed'))
  }
  if (!options.allowCredentials && (url.username || url.password)) {
    return fail(orDefault(context, 'Username/password not allowed'))
  }
  const scheme = url.protocol.replace(/:$/, '')
  return isRelativeUrl(text) || options.scheme.some((pattern) => pattern.test(scheme))
    ? true
    : fail(orDefault(context, 'Does not match allowed protocols/schemes'))
}

const META_KEYS = ['_key', '_type', '_weak']

const objectChecks: Record<string, Check> = {
  ...generic,
  presence: (expected, value, context) => {
    if (expected !== 'required') return true
    // A falsy value other than undefined (null, 0, '') counts as present, as in Sanity.
    const empty = !!value && Object.keys(value).every((key) => META_KEYS.includes(key))
    return value === undefined || empty ? fail(orDefault(context, 'Required')) : true
  },
  reference: (_unused, value, context) => {
    if (!value) return true
    if (!isObject(value) || typeof value._ref !== 'string') {
      return fail(orDefault(context, 'Must be a reference to a document'))
    }
    if (context.node.weak) return true
    if (value._ref === publishedId(context.documentId) || context.exists(value._ref)) return true
    return fail('Referenced document must be published')
  },
}

// Sanity's ISO-8601 check for date and datetime values: a date, optionally with a time and zone.
const ISO_DATE =
  /^[-+]?\d{4}(?:-?(?:0[1-9]|1[0-2])(?:-?(?:0[1-9]|[12]\d|3[01]))?)?(?:[T ](?:[01]\d|2[0-3])(?::?[0-5]\d(?::?[0-5]\d(?:[.,]\d+)?)?)?(?:Z|[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?)?)?$/

const dateChecks: Record<string, Check> = {
  ...generic,
  type: (_unused, value, context) =>
    value === undefined || ISO_DATE.test(`${String(value)}`)
      ? true
      : fail(orDefault(context, 'Must be a valid ISO-8601 formatted date string')),
}

/** The checks of each rule type, keyed by flag (`custom` and the slug checks run elsewhere). */
export const CHECKS: Record<RuleType, Record<string, Check>> = {
  Array: arrayChecks,
  Boolean: {
    ...generic,
    presence: (flag, value, context) =>
      flag === 'required' && typeof value !== 'boolean'
        ? fail(orDefault(context, 'Required'))
        : true,
  },
  Number: numberChecks,
  String: stringChecks,
  Object: objectChecks,
  Date: dateChecks,
}

/** Sanity's built-in slug shape check: an object with a non-empty `current`. */
export function checkSlugShape(value: unknown): Outcome {
  if (!value) return true
  if (typeof value !== 'object' || Array.isArray(value)) return fail('Slug must be an object')
  const current = (value as {current?: unknown}).current
  return typeof current !== 'string' || current.trim().length === 0
    ? fail('Slug must have a value')
    : true
}

/** Sanity's built-in slug uniqueness check, among documents of the same type. */
export function checkSlugUnique(value: unknown, context: CheckContext): Outcome {
  const current = isObject(value) ? value.current : undefined
  if (typeof current !== 'string' || current.trim().length === 0) return true
  const self = publishedId(context.documentId)
  return context.slugOwners(context.documentType, current).every((id) => id === self)
    ? true
    : fail('Slug is already in use')
}
