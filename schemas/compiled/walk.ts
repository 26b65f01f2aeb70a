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
  for (const rule of node.rules) applyRule(walk, node, rule, value, parent)
  if (node.jsonType === 'object' && (value || (value == null && node.required))) {
    const record = isRecord(value) ? value : undefined
    for (const field of node.fields) {
      walk.path.push(field.name)
      visit(walk, field.type, record?.[field.name], value)
      walk.path.pop()
    }
  } else if (node.jsonType === 'array' && Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index]
      const member = memberType(item, node.of)
      if (!member) continue
      const key = isRecord(item) && typeof item._key === 'string' ? item._key : undefined
      walk.path.push(key === undefined ? index : {_key: key})
      visit(walk, member, item, value)
      walk.path.pop()
    }
  }
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
  return (
    candidates.find((c) => c.typeName === itemType) ?? candidates.find((c) => c.name === itemType)
  )
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
  for (const spec of rule.specs) {
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
