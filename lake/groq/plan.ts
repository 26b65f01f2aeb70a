import type {ExprNode} from 'groq-js'
import type {Doc} from '../store/types.ts'

type Node = Record<string, unknown>

/** What the planner needs from a view: documents in order, by id, and by type. */
export type IndexedView = {documents: Doc[]; byId: Map<string, Doc>; byType?: Map<string, Doc[]>}

function byTypeOf(view: IndexedView): Map<string, Doc[]> {
  if (!view.byType) {
    view.byType = new Map()
    for (const doc of view.documents) {
      const list = view.byType.get(doc._type)
      if (list) list.push(doc)
      else view.byType.set(doc._type, [doc])
    }
  }
  return view.byType
}

function conjuncts(node: Node): Node[] {
  return node.type === 'And'
    ? [...conjuncts(node.left as Node), ...conjuncts(node.right as Node)]
    : [node]
}

/** `_type` / `_id` / `@._id` on the document being filtered. */
function attributeOf(node: Node): string | null {
  if (node.type !== 'AccessAttribute') return null
  const base = node.base as Node | undefined
  if (base && base.type !== 'This') return null
  return node.name === '_id' || node.name === '_type' ? node.name : null
}

function constants(node: Node, params: Record<string, unknown>): unknown[] | null {
  if (node.type === 'Value') return Array.isArray(node.value) ? node.value : [node.value]
  if (node.type === 'Parameter') {
    const value = params[String(node.name)]
    return Array.isArray(value) ? value : [value]
  }
  if (node.type === 'Array') {
    const values: unknown[] = []
    for (const element of node.elements as Node[]) {
      const inner = element.isSplat ? null : constants(element.value as Node, params)
      if (!inner || inner.length !== 1) return null
      values.push(inner[0])
    }
    return values
  }
  return null
}

/** The documents one conjunct can match, from the indexes, or null when it cannot tell. */
function candidates(node: Node, view: IndexedView, params: Record<string, unknown>): Doc[] | null {
  if (node.type !== 'OpCall' || (node.op !== '==' && node.op !== 'in')) return null
  let attribute = attributeOf(node.left as Node)
  let values = attribute ? constants(node.right as Node, params) : null
  if (!attribute && node.op === '==') {
    attribute = attributeOf(node.right as Node)
    values = attribute ? constants(node.left as Node, params) : null
  }
  if (!attribute || !values || (node.op === '==' && values.length !== 1)) return null
  const wanted = new Set(values.filter((value) => typeof value === 'string'))
  if (attribute === '_id') {
    if (wanted.size === 1) {
      const doc = view.byId.get([...wanted][0] as string)
      return doc ? [doc] : []
    }
    return view.documents.filter((doc) => wanted.has(doc._id))
  }
  if (wanted.size === 1) return byTypeOf(view).get([...wanted][0] as string) ?? []
  return view.documents.filter((doc) => wanted.has(doc._type))
}

/**
 * Rewrites `*[filter]` so it iterates only the documents the filter can match, when one of its
 * `&&` terms is `_type == x`, `_type in [...]`, `_id == x` or `_id in [...]`. groq-js otherwise
 * evaluates the filter on every document of the dataset, for each `*` in the query.
 */
export function planFilters(
  tree: ExprNode,
  view: IndexedView,
  params: Record<string, unknown>,
): ExprNode {
  return rewrite(tree, view, params) as ExprNode
}

function rewrite(node: unknown, view: IndexedView, params: Record<string, unknown>): unknown {
  if (Array.isArray(node)) return node.map((child) => rewrite(child, view, params))
  if (!node || typeof node !== 'object') return node
  const object = node as Node
  const copy: Node = {}
  for (const [key, value] of Object.entries(object)) copy[key] = rewrite(value, view, params)
  if (object.type === 'Filter' && (object.base as Node).type === 'Everything') {
    let best: Doc[] | null = null
    for (const term of conjuncts(object.expr as Node)) {
      const found = candidates(term, view, params)
      if (found && (!best || found.length < best.length)) best = found
    }
    if (best) copy.base = {type: 'Value', value: best}
  }
  return copy
}
