import type {Definition} from './builtins.ts'
import {CHECKS} from './checks.ts'
import type {TypeNode} from './nodes.ts'
import {RecordedRule, type RuleType} from './rule.ts'

const RULE_TYPES: Record<TypeNode['jsonType'], RuleType> = {
  object: 'Object',
  array: 'Array',
  string: 'String',
  number: 'Number',
  boolean: 'Boolean',
}
// Flags checked outside the per-type checks: custom functions and the built-in slug checks.
const RUN_ELSEWHERE = new Set(['custom', 'slugShape', 'slugUnique'])

/**
 * The rules of one type, as Sanity derives them: a rule for its JSON type, the built-in rules of
 * the types it extends (datetime, url, slug, reference), allowed values from `options.list`,
 * then whatever its `validation` function adds. Throws on anything it cannot check.
 */
export function buildRules(input: {
  node: TypeNode
  names: readonly string[]
  props: Definition
  where: string
}): RecordedRule[] {
  const {node, names, props, where} = input
  let base = new RecordedRule().typed(RULE_TYPES[node.jsonType])
  for (const name of new Set(names)) {
    if (name === 'datetime' || name === 'date') base = base.typed('Date')
    else if (name === 'url') base = base.uri()
    else if (name === 'slug') base = base.slug()
    else if (name === 'reference') base = base.reference()
    else if (name === 'email')
      throw new Error(`Cannot compile ${where}: email values are not supported.`)
  }
  const list = (props.options as {list?: unknown} | undefined)?.list
  if (Array.isArray(list)) base = base.valid(list.map((option) => listValue(option, node)))
  const rules = fromValidation(props.validation, base, names, where)
  for (const rule of rules) checkSupported(rule, where)
  return rules
}

function listValue(option: unknown, node: TypeNode): unknown {
  const objects =
    node.jsonType === 'array' && node.of.every((member) => member.jsonType === 'object')
  const valueField =
    node.jsonType === 'object' && node.fields.some((field) => field.name === 'value')
  const value = (option as {value?: unknown}).value
  return objects || valueField || value === undefined ? option : value
}

function fromValidation(
  validation: unknown,
  base: RecordedRule,
  names: readonly string[],
  where: string,
): RecordedRule[] {
  if (validation === undefined) return [base]
  if (Array.isArray(validation) && names.includes('url')) {
    throw new Error(
      `Cannot compile ${where}: a list of validations on a url type is not supported.`,
    )
  }
  const list: unknown[] = Array.isArray(validation) ? validation : [validation]
  return list.flatMap((item) => {
    if (typeof item !== 'function') {
      throw new Error(`Cannot compile ${where}: expected validation to be a function of the rule.`)
    }
    if (item.length >= 2) {
      throw new Error(
        `Cannot compile ${where}: a validation that reads its context is decided per value, which the compiled validator does not do.`,
      )
    }
    let result: unknown
    try {
      result = (item as (rule: RecordedRule) => unknown)(base)
    } catch (error) {
      throw new Error(`Cannot compile the validation of ${where}: ${(error as Error).message}`, {
        cause: error,
      })
    }
    const rules = result === undefined ? [base] : Array.isArray(result) ? result : [result]
    for (const rule of rules) {
      if (!(rule instanceof RecordedRule)) {
        throw new Error(`Cannot compile ${where}: expected validation to return a rule.`)
      }
    }
    return rules as RecordedRule[]
  })
}

function checkSupported(rule: RecordedRule, where: string): void {
  const checks = rule.type ? CHECKS[rule.type] : undefined
  for (const spec of rule.specs) {
    if (RUN_ELSEWHERE.has(spec.flag)) continue
    if (!checks?.[spec.flag]) {
      throw new Error(
        `Cannot compile ${where}: the rule "${spec.flag}" on a ${rule.type ?? 'untyped'} value is not supported.`,
      )
    }
  }
}
