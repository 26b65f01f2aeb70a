/**
 * The rule builder a schema's `validation: (rule) => …` function receives, recording what it
 * asks for as data. It follows the semantics of Sanity's `Rule` (each call returns a copy; `type`,
 * `uri` and `email` replace an earlier one; `error`/`warning` set the level and message) for the
 * calls this validator can check; any other call fails when the schema is compiled.
 */

/** How strongly a rule insists on a value: Sanity's `_required`. */
export type Presence = 'required' | 'optional' | undefined

/** A validation level, as Sanity reports it. */
export type Level = 'error' | 'warning' | 'info'

/** The value type a rule checks, which selects its validators (Sanity's `_type`). */
export type RuleType = 'Array' | 'Boolean' | 'Date' | 'Number' | 'Object' | 'String'

/** One check of a rule: a flag and its constraint. */
export interface RuleSpec {
  flag: string
  constraint?: unknown
}

/** Options of `uri()`, normalised as Sanity normalises them. */
export interface UriConstraint {
  scheme: RegExp[]
  allowRelative: boolean
  relativeOnly: boolean
  allowCredentials: boolean
}

const SINGLE_FLAGS = new Set(['type', 'uri', 'email'])
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** A rule as recorded: what `validation` built, ready to be checked. */
export class RecordedRule {
  type: RuleType | undefined = undefined
  level: Level = 'error'
  presence: Presence = undefined
  message: string | undefined = undefined
  specs: readonly RuleSpec[] = []

  private copy(specs: readonly RuleSpec[]): RecordedRule {
    const rule = new RecordedRule()
    rule.type = this.type
    rule.level = this.level
    rule.presence = this.presence
    rule.message = this.message
    const flags = new Set(specs.map((spec) => spec.flag))
    rule.specs = [
      ...this.specs.filter((spec) => !(SINGLE_FLAGS.has(spec.flag) && flags.has(spec.flag))),
      ...specs,
    ]
    for (const spec of specs) if (spec.flag === 'type') rule.type = spec.constraint as RuleType
    return rule
  }

  private leveled(level: Level, message: unknown): RecordedRule {
    if (message !== undefined && typeof message !== 'string') {
      throw new Error(
        'Cannot compile a localized validation message, expected a string (the compiled validator reports messages as written).',
      )
    }
    const rule = this.copy([])
    rule.level = level
    rule.message = message || undefined
    return rule
  }

  /** The value must be of this JSON type (set from the schema type, as Sanity does). */
  typed(type: RuleType): RecordedRule {
    return this.copy([{flag: 'type', constraint: type}])
  }

  error(message?: string): RecordedRule {
    return this.leveled('error', message)
  }

  warning(message?: string): RecordedRule {
    return this.leveled('warning', message)
  }

  info(message?: string): RecordedRule {
    return this.leveled('info', message)
  }

  required(): RecordedRule {
    const rule = this.copy([{flag: 'presence', constraint: 'required'}])
    rule.presence = 'required'
    return rule
  }

  optional(): RecordedRule {
    const rule = this.copy([{flag: 'presence', constraint: 'optional'}])
    rule.presence = 'optional'
    return rule
  }

  custom(fn: (value: never, context: never) => unknown, options?: unknown): RecordedRule {
    if (typeof fn !== 'function') throw new Error('Cannot compile custom(), expected a function.')
    if (options !== undefined) {
      throw new Error('Cannot compile custom() with options, expected custom(fn) alone.')
    }
    return this.copy([{flag: 'custom', constraint: fn}])
  }

  min(limit: number): RecordedRule {
    return this.copy([{flag: 'min', constraint: limit}])
  }

  max(limit: number): RecordedRule {
    return this.copy([{flag: 'max', constraint: limit}])
  }

  length(exact: number): RecordedRule {
    return this.copy([{flag: 'length', constraint: exact}])
  }

  valid(values: unknown): RecordedRule {
    return this.copy([{flag: 'valid', constraint: Array.isArray(values) ? values : [values]}])
  }

  integer(): RecordedRule {
    return this.copy([{flag: 'integer'}])
  }

  positive(): RecordedRule {
    return this.copy([{flag: 'min', constraint: 0}])
  }

  greaterThan(limit: number): RecordedRule {
    return this.copy([{flag: 'greaterThan', constraint: limit}])
  }

  lessThan(limit: number): RecordedRule {
    return this.copy([{flag: 'lessThan', constraint: limit}])
  }

  unique(): RecordedRule {
    return this.copy([{flag: 'unique'}])
  }

  reference(): RecordedRule {
    return this.copy([{flag: 'reference'}])
  }

  uri(options?: {
    scheme?: string | RegExp | (string | RegExp)[]
    allowRelative?: boolean
    relativeOnly?: boolean
    allowCredentials?: boolean
  }): RecordedRule {
    const schemes = [options?.scheme ?? ['http', 'https']].flat()
    if (schemes.length === 0) throw new Error('Cannot compile uri(), expected at least one scheme.')
    const constraint: UriConstraint = {
      scheme: schemes.map((scheme) =>
        typeof scheme === 'string' ? new RegExp(`^${escapeRegex(scheme)}$`) : scheme,
      ),
      allowRelative: options?.allowRelative ?? false,
      relativeOnly: options?.relativeOnly ?? false,
      allowCredentials: options?.allowCredentials ?? false,
    }
    return this.copy([{flag: 'uri', constraint}])
  }

  /** Sanity's built-in slug checks: an object with a non-empty `current`, used by no other document. */
  slug(): RecordedRule {
    return this.copy([{flag: 'slugShape'}, {flag: 'slugUnique'}])
  }

  /** Whether this rule insists on a value (Sanity's `isRequired()`). */
  isRequired(): boolean {
    return this.presence === 'required'
  }
}
