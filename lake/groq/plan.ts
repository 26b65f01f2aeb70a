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

/** What one `&&` term says about the documents it can match: a test, and an index list if any. */
type Constraint = {test: (doc: Doc) => boolean; list?: () => Doc[]}

/** The attribute at the root of a path such as `lessons[]._ref` or `contents[@->x]._ref`. */
function rootAttribute(node: Node): string | null {
  // Each of these yields null or an empty array when its base is null or an empty array.
  if (
    ['Map', 'ArrayCoerce', 'Filter', 'AccessElement', 'Slice', 'Projection'].includes(
      String(node.type),
    )
  ) {
    return rootAttribute(node.base as Node)
  }
  if (node.type !== 'AccessAttribute') return null
  const base = node.base as Node | undefined
  if (!base || base.type === 'This') return String(node.name)
  return rootAttribute(base)
}

function constraintOf(
  node: Node,
  view: IndexedView,
  params: Record<string, unknown>,
): Constraint | null {
  if (node.type !== 'OpCall' || (node.op !== '==' && node.op !== 'in')) return null
  let attribute = attributeOf(node.left as Node)
  let values = attribute ? constants(node.right as Node, params) : null
  if (!attribute && node.op === '==') {
    attribute = attributeOf(node.right as Node)
    values = attribute ? constants(node.left as Node, params) : null
  }
  if (attribute && values && !(node.op === '==' && values.length !== 1)) {
    const wanted = new Set(values.filter((value) => typeof value === 'string'))
    const only = wanted.size === 1 ? ([...wanted][0] as string) : null
    if (attribute === '_id') {
      const doc = only === null ? undefined : view.byId.get(only)
      return {
        test: (d) => wanted.has(d._id),
        list: only === null ? undefined : () => (doc ? [doc] : []),
      }
    }
    return {
      test: (d) => wanted.has(d._type),
      list: only === null ? undefined : () => byTypeOf(view).get(only) ?? [],
    }
  }
  // `x in lessons[]._ref` can only hold for documents whose `lessons` is set and not empty.
  const root = node.op === 'in' ? rootAttribute(node.right as Node) : null
  if (!root) return null
  return {
    test: (d) => {
      const value = d[root]
      return value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0)
    },
  }
}

/** The documents a filter can match according to its indexable `&&` terms, or null. */
function candidates(expr: Node, view: IndexedView, params: Record<string, unknown>): Doc[] | null {
  const constraints = conjuncts(expr).flatMap((term) => constraintOf(term, view, params) ?? [])
  if (constraints.length === 0) return null
  let base: Doc[] = view.documents
  for (const constraint of constraints) {
    const list = constraint.list?.()
    if (list && list.length < base.length) base = list
  }
  return base.filter((doc) => constraints.every((constraint) => constraint.test(doc)))
}

/**
 * Rewrites `*[filter]` so it iterates only the documents the filter can match, using its `&&`
 * terms `_type == x`, `_type in [...]`, `_id == x`, `_id in [...]` and `x in field[]._ref`
 * (which needs `field` set). groq-js otherwise evaluates the filter on every document of the
 * dataset, for each `*` in the query, which costs more than the dereferences.
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
    const found = candidates(object.expr as Node, view, params)
    if (found) copy.base = {type: 'Value', value: found}
  }
  return copy
}
