import type {ExprNode} from 'groq-js'

type Node = Record<string, unknown>

/**
 * Rewrites `x match text::query(q)` into plain `match` expressions, because groq-js parses
 * `text::query()` but throws when evaluating it. The Studio's search sends queries such as
 * `title match text::query($__query)` with terms like `intro* -draft "exact words"`.
 */
export function rewriteTextQueries(tree: ExprNode, params: Record<string, unknown>): ExprNode {
  return rewrite(tree as unknown as Node, params) as unknown as ExprNode
}

function rewrite(node: unknown, params: Record<string, unknown>): unknown {
  if (Array.isArray(node)) return node.map((child) => rewrite(child, params))
  if (!node || typeof node !== 'object') return node
  const object = node as Node
  if (object.type === 'OpCall' && object.op === 'match' && isTextQuery(object.right)) {
    const left = rewrite(object.left, params)
    const terms = argumentText((object.right as Node).args as Node[], params)
    return toMatch(left, terms)
  }
  const copy: Node = {}
  for (const [key, value] of Object.entries(object)) copy[key] = rewrite(value, params)
  return copy
}

function isTextQuery(node: unknown): boolean {
  const call = node as Node | undefined
  return call?.type === 'FuncCall' && call.namespace === 'text' && call.name === 'query'
}

function argumentText(args: Node[], params: Record<string, unknown>): string {
  const [arg] = args
  if (arg?.type === 'Value' && typeof arg.value === 'string') return arg.value
  if (arg?.type === 'Parameter') {
    const value = params[String(arg.name)]
    if (typeof value === 'string') return value
  }
  return ''
}

/** Splits Sanity's text query syntax into the terms to find and the terms to exclude. */
export function parseTextQuery(text: string): {include: string[]; exclude: string[]} {
  const include: string[] = []
  const exclude: string[] = []
  for (const match of text.matchAll(/(-?)(?:"([^"]*)"|(\S+))/g)) {
    const term = (match[2] ?? match[3] ?? '').trim()
    if (!term || term === '*') continue
    if (match[1] === '-') exclude.push(term)
    else include.push(term)
  }
  return {include, exclude}
}

function toMatch(left: unknown, text: string): Node {
  const {include, exclude} = parseTextQuery(text)
  const value = (v: unknown): Node => ({type: 'Value', value: v})
  let node: Node =
    include.length === 0 ? value(true) : {type: 'OpCall', op: 'match', left, right: value(include)}
  for (const term of exclude) {
    const excluded = {type: 'OpCall', op: 'match', left, right: value(term)}
    node = {type: 'And', left: node, right: {type: 'Not', base: excluded}}
  }
  return node
}
