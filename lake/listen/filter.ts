import {evaluateSync, toJS, type ExprNode} from 'groq-js'
import type {QueryPool} from '../groq/pool.ts'
import {parseQuery} from '../groq/query.ts'
import {matchesQuery} from '../groq/tasks.ts'
import {driveInSlices, forEachSliced, mapSliced} from '../slices.ts'
import type {CommittedTransaction, Doc} from '../store/types.ts'

type Node = Record<string, unknown>

/** Nodes whose cost is at most linear in the document and the parameters. */
const LINEAR_NODES = new Set([
  'AccessAttribute',
  'AccessElement',
  'And',
  'Or',
  'Not',
  'Neg',
  'Pos',
  'Group',
  'OpCall',
  'Value',
  'Parameter',
  'This',
  'Array',
  'ArrayElement',
  'InRange',
  'FuncCall',
])

const LINEAR_FUNCTIONS = new Set([
  'global::defined',
  'global::path',
  'global::lower',
  'global::upper',
  'global::length',
  'global::count',
  'global::coalesce',
  'global::references',
  'global::now',
  'string::startsWith',
])

function isLinear(node: unknown): boolean {
  if (Array.isArray(node)) return node.every(isLinear)
  if (!node || typeof node !== 'object') return true
  const object = node as Node
  if (typeof object.type === 'string') {
    if (!LINEAR_NODES.has(object.type)) return false
    if (
      object.type === 'FuncCall' &&
      !LINEAR_FUNCTIONS.has(`${object.namespace}::${object.name}`)
    ) {
      return false
    }
  }
  return Object.entries(object).every(([key, value]) => key === 'value' || isLinear(value))
}

/**
 * Whether a listener query costs at most linear time per document: `*`, or `*[filter]` whose
 * filter only compares attributes, parameters and constants (what the Studio's listeners send).
 * Those are evaluated on the event loop; anything else (projections, joins, nested filters, whose
 * cost can grow with the square of a document's arrays) goes to the query workers.
 */
export function isLinearFilter(tree: ExprNode): boolean {
  const root = tree as unknown as Node
  if (root.type === 'Everything') return true
  return root.type === 'Filter' && (root.base as Node).type === 'Everything' && isLinear(root.expr)
}

/** Nodes a constant (in a filter on `_id`) may be made of: literals, folded parameters, `+`. */
const CONSTANT_NODES = new Set(['Value', 'Parameter', 'Array', 'ArrayElement', 'OpCall', 'Group'])

function isConstant(node: unknown): boolean {
  if (Array.isArray(node)) return node.every(isConstant)
  if (!node || typeof node !== 'object') return true
  const object = node as Node
  if (typeof object.type === 'string' && !CONSTANT_NODES.has(object.type)) return false
  return Object.entries(object).every(([key, value]) => key === 'value' || isConstant(value))
}

const isIdAttribute = (node: Node) =>
  node.type === 'AccessAttribute' &&
  node.name === '_id' &&
  (node.base === undefined || (node.base as Node).type === 'This')

function idsSelectedBy(expr: Node, params: Record<string, unknown>): Set<string> | null {
  if (expr.type === 'Group') return idsSelectedBy(expr.base as Node, params)
  if (expr.type === 'Or') {
    const left = idsSelectedBy(expr.left as Node, params)
    const right = left && idsSelectedBy(expr.right as Node, params)
    return left && right ? new Set([...left, ...right]) : null
  }
  if (expr.type !== 'OpCall' || (expr.op !== '==' && expr.op !== 'in')) return null
  const [attribute, constant] = [expr.left as Node, expr.right as Node]
  if (!isIdAttribute(attribute) || !isConstant(constant)) return null
  let value: unknown
  try {
    value = toJS(evaluateSync(constant as unknown as ExprNode, {params}))
  } catch {
    return null
  }
  const values = expr.op === '==' ? [value] : value
  if (!Array.isArray(values)) return null
  return new Set(values.filter((id): id is string => typeof id === 'string'))
}

/**
 * The ids a listener query selects when its filter only compares `_id` with constants
 * (`*[_id == $id]`, `*[_id in [$id, "drafts." + $id]]`, such comparisons joined by `||`): what
 * the Studio's document listeners send, one per open document. Those are matched by id instead of
 * running GROQ over every changed document; null for any other query.
 */
export function idsSelected(tree: ExprNode, params: Record<string, unknown>): Set<string> | null {
  const root = tree as unknown as Node
  if (root.type !== 'Filter' || (root.base as Node).type !== 'Everything') return null
  return idsSelectedBy(root.expr as Node, params)
}

/** Decides which documents of a transaction a listener receives. */
export type ListenerFilter = {
  /**
   * Whether each change's document matched before and after it, flat: change `i` at `2 * i`
   * (before) and `2 * i + 1` (after). No pair is made per change: a transaction of 50,000
   * documents made them in one turn of the event loop.
   */
  matches: (tx: CommittedTransaction) => Promise<readonly boolean[]>
}

/** Each change's document before and after it, flat, listed a few milliseconds at a time. */
function documentsOf(tx: CommittedTransaction): Promise<Array<Doc | null>> {
  return driveInSlices(
    (function* () {
      const docs: Array<Doc | null> = []
      for (const {before, after} of tx.changes) {
        docs.push(before, after)
        yield
      }
      return docs
    })(),
  )
}

/** Documents posted to a query worker in one listener-matching task. */
const MATCH_CHUNK = 500

// Many listeners (every open Studio document) share a query: each transaction is matched once.
const matchedByTransaction = new WeakMap<CommittedTransaction, Map<string, Promise<boolean[]>>>()

/**
 * Compiles a listener query (throwing Sanity's `queryParseError` for bad GROQ) into a filter that
 * evaluates linear queries here and sends the rest to the query workers, with their time budget.
 */
export function listenerFilter(
  query: string,
  params: Record<string, unknown>,
  pool: QueryPool,
): ListenerFilter {
  const tree = parseQuery(query, params)
  const linear = isLinearFilter(tree)
  const ids = idsSelected(tree, params)
  const key = `${query}\u0000${JSON.stringify(params)}`
  // On the event loop in slices, or posted to the workers in chunks (posting copies the
  // documents on the event loop), so a transaction of 50,000 documents does not hold it.
  const evaluate = async (docs: Array<Doc | null>): Promise<boolean[]> => {
    if (ids) return forEachSliced(docs, (doc) => doc !== null && ids.has(doc._id))
    if (linear) return mapSliced(docs, (doc) => (doc ? matchesQuery({query, params}, doc) : false))
    const chunks: Array<Array<Doc | null>> = []
    for (let start = 0; start < docs.length; start += MATCH_CHUNK) {
      chunks.push(docs.slice(start, start + MATCH_CHUNK))
    }
    return (await mapSliced(chunks, (chunk) => pool.match(query, params, chunk))).flat()
  }
  return {
    async matches(tx) {
      let cache = matchedByTransaction.get(tx)
      if (!cache) matchedByTransaction.set(tx, (cache = new Map()))
      let answers = cache.get(key)
      if (!answers) {
        answers = documentsOf(tx).then(evaluate)
        cache.set(key, answers)
      }
      return answers
    },
  }
}
