import {evaluate, evaluateSync, GroqSyntaxError, parse, type ExprNode} from 'groq-js'
import {LakeError} from '../errors.ts'
import type {Doc} from '../store/types.ts'
import {ParseCache} from './parse-cache.ts'
import {applyPerspective, type Perspective} from './perspective.ts'
import {planFilters, type IndexedView} from './plan.ts'
import {rewriteTextQueries} from './text-query.ts'

/** Documents as one perspective sees them, indexed by `_id` (dereferences) and `_type`. */
export type View = IndexedView

/** Documents by id and a counter that changes with them: a dataset, or a worker's replica of one. */
export type DocumentSource = {readonly documents: Map<string, Doc>; readonly version: number}

const views = new WeakMap<DocumentSource, {version: number; byKey: Map<string, View>}>()

/** The cached view of a dataset through a perspective; rebuilt after each commit. */
export function viewOf(dataset: DocumentSource, perspective: Perspective): View {
  let cache = views.get(dataset)
  if (!cache || cache.version !== dataset.version) {
    cache = {version: dataset.version, byKey: new Map()}
    views.set(dataset, cache)
  }
  const key = perspective === 'raw' ? 'raw' : perspective.join(',')
  let view = cache.byKey.get(key)
  if (!view) {
    const byId =
      perspective === 'raw'
        ? dataset.documents
        : applyPerspective(dataset.documents.values(), perspective)
    view = {documents: [...byId.values()], byId}
    cache.byKey.set(key, view)
  }
  return view
}

// Measured: a parsed tree takes 9-60 bytes of heap per character of query text; 64 bounds it.
const TREE_BYTES_PER_CHAR = 64
const parsed = new ParseCache<ExprNode>(32 * 1024 * 1024)

/** Parses GROQ, answering syntax errors in Sanity's `queryParseError` shape. */
export function parseQuery(query: string, params: Record<string, unknown>): ExprNode {
  return parsedWithKey(query, params).tree
}

function parsedWithKey(query: string, params: Record<string, unknown>) {
  // groq-js folds parameters into slices at parse time, so a query that uses any keys on them.
  const key = query.includes('$') ? `${query}\u0000${JSON.stringify(params)}` : query
  let tree = parsed.get(key)
  if (!tree) {
    try {
      tree = parse(query, {params})
    } catch (error) {
      throw toQueryError(error, query)
    }
    parsed.set(key, tree, query.length * TREE_BYTES_PER_CHAR)
  }
  return {key, tree: query.includes('text::') ? rewriteTextQueries(tree, params) : tree}
}

// Planning scans the view for each `*[filter]`, so a planned query is kept with the view it was
// planned for; views are rebuilt after each commit, which drops their plans.
const PLANS_PER_VIEW = 32
const plans = new WeakMap<View, Map<string, ExprNode>>()

function plannedTree(query: string, params: Record<string, unknown>, view: View): ExprNode {
  const {key, tree} = parsedWithKey(query, params)
  let byKey = plans.get(view)
  if (!byKey) plans.set(view, (byKey = new Map()))
  let planned = byKey.get(key)
  if (!planned) {
    planned = planFilters(tree, view, params)
    if (byKey.size >= PLANS_PER_VIEW) byKey.delete(byKey.keys().next().value!)
    byKey.set(key, planned)
  }
  return planned
}

/** Evaluates GROQ over a list of documents, resolving `->` through the `byId` Map. */
export async function evaluateQuery(
  query: string,
  params: Record<string, unknown>,
  view: View,
  sanity?: {projectId: string; dataset: string},
): Promise<unknown> {
  return evaluateTree(plannedTree(query, params, view), query, params, view, sanity)
}

/**
 * Evaluates a parsed query over a view as it is, without planning it for the view: for a view of
 * one document (a listener's match), where planning would cost more than it saves.
 */
export function evaluateUnplanned(
  query: string,
  params: Record<string, unknown>,
  view: View,
): Promise<unknown> {
  return evaluateTree(parsedWithKey(query, params).tree, query, params, view)
}

async function evaluateTree(
  tree: ExprNode,
  query: string,
  params: Record<string, unknown>,
  view: View,
  sanity?: {projectId: string; dataset: string},
): Promise<unknown> {
  const options = {
    dataset: view.documents,
    params,
    sanity,
    dereference: ({_ref}: {_ref: string}) => view.byId.get(_ref) ?? null,
  }
  try {
    // The synchronous evaluator is several times faster; it refuses a few constructs (streams),
    // for which the asynchronous one runs instead.
    return evaluateSync(tree, options).get()
  } catch {
    try {
      return await (await evaluate(tree, options)).get()
    } catch (error) {
      throw toQueryError(error, query)
    }
  }
}

function toQueryError(error: unknown, query: string): LakeError {
  if (error instanceof GroqSyntaxError) {
    return new LakeError(400, 'queryParseError', error.message, {
      query,
      start: error.position,
      end: error.position + 1,
      line: error.line,
      column: error.column,
    })
  }
  const message = error instanceof Error ? error.message : String(error)
  return new LakeError(400, 'queryParseError', message, {query, start: 0, end: query.length})
}
