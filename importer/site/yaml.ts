import type * as Yaml from 'yaml'
import type {Node as YamlNode} from 'yaml'

import {onFirstUse} from '../onFirstUse.ts'
import type {Diagnostic} from '../types.ts'
import {indentContinuations} from './yamlIndent.ts'
import {resolvePlainScalar} from './yamlScalar.ts'
import {simpleMapping} from './yamlSimple.ts'

/**
 * The `yaml` package, loaded when a text is first read (about 70 modules): a one-page re-import
 * restores the site and its front matter from the last import's snapshot and reads no YAML.
 */
const yaml = onFirstUse<typeof Yaml>('yaml')

/** Values (scalars and collections, aliases counted in full) one YAML text may expand to. */
export const DEFAULT_MAX_YAML_NODES = 100_000

/** Limits of {@link loadYaml}. */
export interface YamlOptions {
  /** Budget of values after alias expansion (default {@link DEFAULT_MAX_YAML_NODES}). */
  maxNodes?: number
}

/** A YAML text Jekyll cannot read: where (0-based, in the text given) and why. */
export class YamlProblem extends Error {
  readonly reason: string
  readonly mark: {line: number; column: number}
  readonly hint: string | undefined

  constructor(reason: string, mark: {line: number; column: number}, hint?: string) {
    super(reason)
    this.name = 'YamlProblem'
    this.reason = reason
    this.mark = mark
    this.hint = hint
  }
}

type Collection = Record<string, unknown> | unknown[]

interface CstToken {
  type: string
  offset: number
  source: string
  inFlow: boolean
}

/** Every token of the concrete syntax tree, in text order, marked when inside `[…]` or `{…}`. */
function cstTokens(text: string): CstToken[] {
  const tokens: CstToken[] = []
  const walk = (value: unknown, inFlow: boolean): void => {
    if (Array.isArray(value)) return value.forEach((item) => walk(item, inFlow))
    if (typeof value !== 'object' || value === null) return
    const token = value as Partial<CstToken>
    const flow = inFlow || token.type === 'flow-collection'
    if (typeof token.type === 'string' && typeof token.source === 'string') {
      tokens.push({type: token.type, offset: token.offset ?? 0, source: token.source, inFlow: flow})
    }
    for (const [key, item] of Object.entries(value)) if (key !== 'source') walk(item, flow)
  }
  for (const token of new (yaml().Parser)().parse(text)) walk(token, false)
  return tokens.sort((a, b) => a.offset - b.offset)
}

/**
 * Offset of a tab that libyaml (Jekyll's parser) rejects and the `yaml` package accepts: after a
 * block `-` or `?` indicator, or opening a whitespace-only or comment line. Tabs after a key, after
 * `:` and inside values are fine in both.
 */
function rejectedTab(text: string): number | undefined {
  // Most front matter has no tab at all: no second parse for it.
  if (!text.includes('\t')) return undefined
  const tokens = cstTokens(text)
  for (let i = 0; i < tokens.length - 1; i++) {
    const [token, next] = [tokens[i], tokens[i + 1]]
    if (token.inFlow || next.type !== 'space' || !next.source.includes('\t')) continue
    if (token.type === 'seq-item-ind' || token.type === 'explicit-key-ind') {
      return next.offset + next.source.indexOf('\t')
    }
  }
  for (let i = 0; i < tokens.length - 1; i++) {
    const [token, next] = [tokens[i], tokens[i + 1]]
    const lineStart = token.offset === 0 || text[token.offset - 1] === '\n'
    if (token.inFlow || token.type !== 'space' || !lineStart || !token.source.startsWith('\t')) {
      continue
    }
    if (next.type === 'newline' || next.type === 'comment') return token.offset
  }
  return undefined
}

/** Ruby's `to_s` of a hash key, as Jekyll's data (and JSON) see it. */
function keyText(key: unknown): string {
  if (key === null) return ''
  return typeof key === 'string' ? key : typeof key === 'object' ? JSON.stringify(key) : String(key)
}

/**
 * Builds the value the way safe_yaml's streaming handler (which Jekyll uses) does, node by node:
 * one pending key for the whole document, `<<` merges a mapping in place, an alias is the very
 * value its anchor named (or null when there is none), and a key that reads as null is skipped.
 */
class Builder {
  result: unknown = null
  private begun = false
  private readonly stack: Collection[] = []
  private key: unknown = null
  /** Each anchor's value and, once its node is complete, how many values it expands to. */
  private readonly anchors = new Map<string, {value: unknown; size?: number}>()
  private nodes = 0

  private readonly maxNodes: number
  private readonly at: (node: YamlNode) => {line: number; column: number}

  constructor(maxNodes: number, at: (node: YamlNode) => {line: number; column: number}) {
    this.maxNodes = maxNodes
    this.at = at
  }

  private count(node: YamlNode, size: number): void {
    this.nodes += size
    if (this.nodes <= this.maxNodes) return
    throw new YamlProblem(
      `expected at most ${this.maxNodes} values after expanding aliases (\`*name\`), found more`,
      this.at(node),
      'Replace nested aliases with plain values; if the YAML is meant to be this large, raise the `maxYamlNodes` import option.',
    )
  }

  private add(value: unknown, node: YamlNode | null): void {
    if (!this.begun) {
      this.begun = true
      this.result = value
      return
    }
    const current = this.stack.at(-1)
    if (Array.isArray(current)) {
      current.push(value)
    } else if (current && this.key === null) {
      this.key = value
    } else if (current) {
      if (this.key === '<<') this.merge(current, value, node)
      else setKey(current, keyText(this.key), value)
      this.key = null
    }
  }

  private merge(target: Record<string, unknown>, value: unknown, node: YamlNode | null): void {
    if (!isMapping(value)) {
      throw new YamlProblem(
        'expected a mapping after the merge key `<<`',
        node ? this.at(node) : {line: 0, column: 0},
      )
    }
    for (const [key, item] of Object.entries(value)) setKey(target, key, item)
  }

  visit(node: YamlNode | null): void {
    if (node === null) return this.add(null, null)
    const {isAlias, isMap, isScalar, isSeq} = yaml()
    if (isAlias(node)) {
      const anchor = this.anchors.get(node.source)
      if (anchor && anchor.size === undefined) {
        throw new YamlProblem(
          `expected an alias outside the value its anchor \`&${node.source}\` names, found it inside`,
          this.at(node),
        )
      }
      this.count(node, anchor?.size ?? 1)
      return this.add(anchor?.value ?? null, node)
    }
    const start = this.nodes
    this.count(node, 1)
    if (isScalar(node)) {
      const value = scalarValue(node)
      if (node.anchor) this.anchors.set(node.anchor, {value, size: 1})
      return this.add(value, node)
    }
    if (!isMap(node) && !isSeq(node)) return this.add(null, node)
    const collection: Collection = isMap(node) ? {} : []
    const anchor: {value: unknown; size?: number} = {value: collection}
    if (node.anchor) this.anchors.set(node.anchor, anchor)
    this.add(collection, node)
    this.stack.push(collection)
    if (isMap(node)) {
      for (const pair of node.items) {
        this.visit((pair.key as YamlNode | null) ?? null)
        this.visit((pair.value as YamlNode | null) ?? null)
      }
    } else {
      for (const item of node.items) this.visit((item as YamlNode | null) ?? null)
    }
    this.stack.pop()
    anchor.size = this.nodes - start
  }
}

function setKey(target: Collection, key: string, value: unknown): void {
  // defineProperty, so that a `__proto__` key is data and never a prototype.
  Object.defineProperty(target, key, {value, enumerable: true, writable: true, configurable: true})
}

function scalarValue(node: YamlNode & {type?: string; tag?: string; value: unknown}): unknown {
  const text = String(node.value ?? '')
  const tag = node.tag
  if (tag === 'tag:yaml.org,2002:binary' || tag === '!binary') {
    return Buffer.from(text, 'base64').toString('utf8')
  }
  // libyaml marks only untagged quoted and block scalars as quoted; safe_yaml types the rest.
  if (!tag && node.type !== 'PLAIN') return text
  return resolvePlainScalar(text)
}

/**
 * Reads the first YAML document of a text as Jekyll does (libyaml's grammar, safe_yaml's types):
 * null for an empty text; throws a {@link YamlProblem} with its position when Jekyll could not
 * read it, or when aliases expand to more values than the budget allows.
 */
export function loadYaml(text: string, options: YamlOptions = {}): unknown {
  // Most front matter is `key: value` lines, read here without loading the parser.
  return simpleMapping(text, options.maxNodes ?? DEFAULT_MAX_YAML_NODES) ?? parseYaml(text, options)
}

/** The first YAML document of a text, and where an offset of the text is (0-based). */
function firstDocument(text: string) {
  const lineCounter = new (yaml().LineCounter)()
  const documents = yaml().parseAllDocuments(text, {
    version: '1.1',
    schema: 'failsafe',
    merge: false,
    uniqueKeys: false,
    lineCounter,
  })
  const at = (offset: number) => {
    const {line, col} = lineCounter.linePos(offset)
    return {line: line - 1, column: col - 1}
  }
  return {text, first: Array.isArray(documents) ? documents[0] : undefined, at}
}

/** {@link loadYaml} with the YAML parser, whatever the text: what `simpleMapping` must match. */
export function parseYaml(text: string, options: YamlOptions = {}): unknown {
  const maxNodes = options.maxNodes ?? DEFAULT_MAX_YAML_NODES
  try {
    let read = firstDocument(text)
    const error = read.first?.errors[0]
    if (error) {
      // libyaml reads continuation lines at any indentation; the `yaml` package does once they
      // are indented (which changes no value).
      const indented = indentContinuations(text)
      const again = indented === text ? undefined : firstDocument(indented)
      if (!again?.first || again.first.errors.length > 0) {
        const reason = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')
        throw new YamlProblem(reason, read.at(error.pos[0]))
      }
      read = again
    }
    const {first, at} = read
    if (!first) return null
    const tab = rejectedTab(read.text)
    if (tab !== undefined) {
      throw new YamlProblem('found a tab where YAML allows only spaces', at(tab))
    }
    const builder = new Builder(maxNodes, (node) => at(node.range?.[0] ?? 0))
    builder.visit((first.contents as YamlNode | null) ?? null)
    return builder.result
  } catch (error) {
    if (error instanceof YamlProblem) throw error
    if (error instanceof RangeError) {
      throw new YamlProblem('expected YAML nested less deeply, found too many levels', {
        line: 0,
        column: 0,
      })
    }
    throw error
  }
}

/** Reads a YAML document that must be a mapping (or empty), as Jekyll reads `_config.yml`. */
export function parseYamlMapping(text: string, options: YamlOptions = {}): Record<string, unknown> {
  const value = loadYaml(text, options)
  if (value === null || value === undefined) return {}
  if (!isMapping(value)) {
    throw new YamlProblem('expected key: value pairs, found a single value or a list', {
      line: 0,
      column: 0,
    })
  }
  return value
}

/** Turns a {@link YamlProblem} into a diagnostic at its place in the file. */
export function yamlDiagnostic(
  error: unknown,
  file: string,
  firstLine: number,
  code: string,
  what: string,
): Diagnostic {
  const problem = error instanceof YamlProblem ? error : undefined
  const reason = problem?.reason ?? String(error)
  return {
    severity: 'error',
    code,
    file,
    line: (problem?.mark.line ?? 0) + firstLine,
    column: (problem?.mark.column ?? 0) + 1,
    message: `Cannot parse ${what}, expected valid YAML: ${reason}.`,
    hint:
      problem?.hint ??
      'Fix the YAML (tabs are not allowed for indentation; quote values that contain ": " or start with a special character). Jekyll renders this page with empty front matter until then.',
  }
}

/** True for a plain object (a YAML mapping). */
export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
