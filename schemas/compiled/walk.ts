/**
 * Walks one document along its compiled type, applying every rule to every value as Sanity's
 * `validateItem` does, with one path stack and one check context instead of an Observable per node.
 */
import {
  CHECKS,
  checkSlugShape,
  checkSlugUnique,
  type CheckContext,
  type Failure,
  type Outcome,
  type PathSegment,
} from './checks.ts'
import type {TypeNode} from './nodes.ts'
import {formatPath, type DocumentLike, type ValidationProblem} from './problem.ts'
import type {Level, RecordedRule, RuleSpec} from './rule.ts'

/** The state of one document's walk. */
export interface Walk {
  document: DocumentLike
  path: PathSegment[]
  problems: ValidationProblem[]
  /** Results of asynchronous custom rules, awaited when every document is walked. */
  pending: Promise<void>[]
  check: CheckContext
  /** The context a custom rule that reads its second argument receives. */
  customContext: (walk: Walk, parent: unknown) => unknown
}

type Custom = (value: unknown, context?: unknown) => unknown

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Applies a type's rules to a value, then visits its fields or items. */
export function visit(walk: Walk, node: TypeNode, value: unknown, parent: unknown): void {
  if (node.unsupported !== undefined && value !== undefined) {
    throw new Error(
      `Cannot validate ${formatPath(walk.path)}: ${node.unsupported} is not supported by the compiled validator.`,
    )
  }
  // Indexed loops, and the item itself as its path segment: a document's walk visits every
  // span and mark of its body, and allocates nothing per value on the way.
  const {rules} = node
  for (let index = 0; index < rules.length; index++)
    applyRule(walk, node, rules[index], value, parent)
  if (node.jsonType === 'object' && (value || (value == null && node.required))) {
    const record = isRecord(value) ? value : undefined
    const {fields} = node
    for (let index = 0; index < fields.length; index++) {
      const field = fields[index]
      walk.path.push(field.name)
      visit(walk, field.type, record?.[field.name], value)
      walk.path.pop()
    }
  } else if (node.jsonType === 'array' && Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index]
      const member = memberType(item, node.of)
      if (!member) continue
      const keyed = isRecord(item) && typeof item._key === 'string'
      // A keyed item stands for its `{_key}` segment (see keyedPath).
      walk.path.push(keyed ? (item as {_key: string}) : index)
      visit(walk, member, item, value)
      walk.path.pop()
    }
  }
}

/**
 * The walk's path as custom rules see it: each keyed item that stands for its segment (see
 * visit) as `{_key}`, as Sanity gives it.
 */
export function keyedPath(path: readonly PathSegment[]): PathSegment[] {
  return path.map((segment) =>
    typeof segment === 'object' ? {_key: (segment as {_key: unknown})._key} : segment,
  )
}

/** The member type of an array item, chosen as Sanity chooses it (Sanity's `resolveTypeForArrayItem`). */
function memberType(item: unknown, candidates: readonly TypeNode[]): TypeNode | undefined {
  if (candidates.length === 1) return candidates[0]
  const itemType = isRecord(item) && typeof item._type === 'string' ? item._type : undefined
  if (item === null || item === undefined) return undefined
  if (itemType === undefined) {
    const primitive = Array.isArray(item) ? 'array' : typeof item
    if (primitive !== 'object') return candidates.find((c) => c.jsonType === primitive)
    return candidates.find((c) => c.name === 'object')
  }
  // Loops, not find(): every span and mark of a body is an item chosen here.
  for (let index = 0; index < candidates.length; index++)
    if (candidates[index].typeName === itemType) return candidates[index]
  for (let index = 0; index < candidates.length; index++)
    if (candidates[index].name === itemType) return candidates[index]
  return undefined
}

function applyRule(
  walk: Walk,
  node: TypeNode,
  rule: RecordedRule,
  value: unknown,
  parent: unknown,
): void {
  const empty = value === undefined || value === null
  if (empty && rule.presence === 'optional') return
  // Without required() or optional(), an empty value meets only the custom rules.
  const customOnly = empty && rule.presence === undefined
  const check = walk.check
  check.message = rule.message
  check.node = node
  const {specs} = rule
  for (let index = 0; index < specs.length; index++) {
    const spec = specs[index]
    const custom = spec.flag === 'custom' || spec.flag === 'slugShape' || spec.flag === 'slugUnique'
    if (customOnly && !custom) continue
    try {
      if (spec.flag === 'custom') runCustom(walk, spec, rule, value, parent)
      else report(walk, walk.path, outcomeOf(spec, rule, value, check), rule.level)
    } catch (error) {
      exception(walk, walk.path, error)
    }
  }
}

function outcomeOf(
  spec: RuleSpec,
  rule: RecordedRule,
  value: unknown,
  check: CheckContext,
): Outcome {
  if (spec.flag === 'slugShape') return checkSlugShape(value)
  if (spec.flag === 'slugUnique') return checkSlugUnique(value, check)
  return CHECKS[rule.type!][spec.flag](spec.constraint, value, check)
}

function runCustom(
  walk: Walk,
  spec: RuleSpec,
  rule: RecordedRule,
  value: unknown,
  parent: unknown,
) {
  const fn = spec.constraint as Custom
  const result = fn.length >= 2 ? fn(value, walk.customContext(walk, parent)) : fn(value)
  const {message, level} = rule
  if (result && typeof (result as Promise<unknown>).then === 'function') {
    const path = walk.path.slice()
    walk.pending.push(
      (result as Promise<unknown>).then(
        (settled) => {
          try {
            report(walk, path, customOutcome(settled, message), level)
          } catch (error) {
            exception(walk, path, error)
          }
        },
        (error: unknown) => exception(walk, path, error),
      ),
    )
    return
  }
  report(walk, walk.path, customOutcome(result, message), level)
}

/** A custom rule's result as Sanity reads it: the rule's own message replaces a returned string. */
function customOutcome(result: unknown, message: string | undefined): Outcome {
  if (
    result !== true &&
    result !== undefined &&
    typeof result !== 'string' &&
    isPlainObject(result) &&
    !('message' in result)
  ) {
    const localized = result as Record<string, string | undefined>
    return {
      message:
        localized['en-US'] ||
        localized.en ||
        localized['en-GB'] ||
        'Unknown validation error (not localized)',
    }
  }
  return ((typeof result === 'string' && message) || result) as Outcome
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!isRecord(value)) return false
  const proto = Object.getPrototypeOf(value) as unknown
  return proto === null || proto === Object.prototype
}

function report(walk: Walk, path: readonly PathSegment[], outcome: Outcome | string, level: Level) {
  if (outcome === true) return
  if (Array.isArray(outcome)) {
    for (const item of outcome) report(walk, path, item, level)
    return
  }
  const failure: Failure & {paths?: PathSegment[][]} =
    typeof outcome === 'string' ? {message: outcome} : outcome
  if (typeof failure.message !== 'string') {
    throw new Error(
      `${formatPath(path)}: Validator must return 'true' if valid or an error message as a string on errors`,
    )
  }
  const below = [...(failure.path ? [failure.path] : []), ...(failure.paths ?? [])]
  if (below.length === 0) below.push([])
  for (const rest of below) {
    walk.problems.push({
      documentId: walk.document._id,
      documentType: walk.document._type,
      path: formatPath(rest.length === 0 ? path : [...path, ...rest]),
      level: level || 'error',
      message: failure.message,
    })
  }
}

function exception(walk: Walk, path: readonly PathSegment[], error: unknown) {
  walk.problems.push({
    documentId: walk.document._id,
    documentType: walk.document._type,
    path: formatPath(path),
    level: 'error',
    message: `${formatPath(path)}: Exception occurred while validating value: ${(error as Error)?.message}`,
  })
}
