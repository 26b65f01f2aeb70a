import {badRequest} from '../errors.ts'
import {QueryPool} from '../groq/pool.ts'
import type {WorkingSet} from './working-set.ts'

/** A patch or delete target: one `id`, or every document a `query` selects. */
export type Selection = {id?: string; query?: string; params?: Record<string, unknown>}

/**
 * The `_id`s a mutation targets. A `query` is evaluated on the lake's query workers (with their
 * time and size limits) over the dataset as this transaction sees it, so a patch by query
 * over a large dataset does not block other clients.
 */
export async function selectTargets(ws: WorkingSet, selection: Selection): Promise<string[]> {
  if (typeof selection.id === 'string') return [selection.id]
  if (typeof selection.query !== 'string') {
    throw badRequest('Cannot select documents, expected "id" or "query" in the mutation')
  }
  const params = selection.params ?? {}
  const pool = QueryPool.for(ws.dataset)
  if (pool) {
    // The workers' replicas hold committed documents: the rest of what this transaction sees
    // goes with the query.
    return pool.select(ws.dataset, selection.query, params, ws.unsettled())
  }
  // A dataset opened outside a running lake has no workers; evaluate it here (GROQ loaded only
  // then: an import's own lake writes without it).
  const {selectIds} = await import('../groq/tasks.ts')
  return selectIds(selection.query, params, new Map(ws.documents().map((doc) => [doc._id, doc])))
}
