import type {Doc} from '../store/types.ts'
import type {Perspective} from './perspective.ts'
import {evaluateQuery, evaluateUnplanned, viewOf} from './query.ts'
import type {Replica} from './replica.ts'

type Params = Record<string, unknown>

/** A `/data/query` request: its result is sent back as JSON bytes. */
export type QueryTask = {
  kind: 'query'
  dataset: string
  perspective: Perspective
  query: string
  params: Params
  sanity?: {projectId: string; dataset: string}
}

/** The `_id`s a patch or delete by query selects, seeing the transaction's own changes. */
export type SelectTask = {
  kind: 'select'
  dataset: string
  query: string
  params: Params
  /** Documents the transaction has changed so far (null: deleted). */
  overlay: Array<[string, Doc | null]>
}

/** Whether each document matches a listener's query. */
export type MatchTask = {kind: 'match'; query: string; params: Params; docs: Array<Doc | null>}

/** Work a query worker does. */
export type Task = QueryTask | SelectTask | MatchTask

function replicaOf(replicas: Map<string, Replica>, name: string): Replica {
  const replica = replicas.get(name)
  if (!replica) throw new Error(`Cannot query dataset "${name}": it was not opened in the worker`)
  return replica
}

/** The `_id`s a patch or delete query selects among these documents (by id). */
export async function selectIds(
  query: string,
  params: Params,
  byId: Map<string, Doc>,
): Promise<string[]> {
  const result = await evaluateQuery(query, params, {documents: [...byId.values()], byId})
  const list = Array.isArray(result) ? result : [result]
  return list.flatMap((item) =>
    item && typeof item === 'object' && '_id' in item ? [String(item._id)] : [],
  )
}

async function select(task: SelectTask, replicas: Map<string, Replica>): Promise<string[]> {
  const byId = new Map(replicaOf(replicas, task.dataset).documents)
  for (const [id, doc] of task.overlay) {
    if (doc) byId.set(id, doc)
    else byId.delete(id)
  }
  return selectIds(task.query, task.params, byId)
}

/** Whether a listener's query, evaluated over each document alone, selects it (null: no). */
export async function matchEach(
  filter: {query: string; params: Params},
  docs: Array<Doc | null>,
): Promise<boolean[]> {
  const answers: boolean[] = []
  for (const doc of docs) answers.push(doc ? await matchesQuery(filter, doc) : false)
  return answers
}

/** Whether a listener's query, evaluated over this document alone, selects it. */
export async function matchesQuery(
  filter: {query: string; params: Params},
  doc: Doc,
): Promise<boolean> {
  const view = {documents: [doc], byId: new Map([[doc._id, doc]])}
  // Planned per view, a listener filter was planned once per document (a third of its cost).
  const result = await evaluateUnplanned(filter.query, filter.params, view)
  return Array.isArray(result) ? result.length > 0 : result !== null && result !== undefined
}

/** Runs a task over the worker's replicas and returns its result as JSON text. */
export async function runTask(task: Task, replicas: Map<string, Replica>): Promise<string> {
  switch (task.kind) {
    case 'query': {
      const view = viewOf(replicaOf(replicas, task.dataset), task.perspective)
      const result = await evaluateQuery(task.query, task.params, view, task.sanity)
      // Sanity answers `"result": null` where GROQ yields nothing.
      return JSON.stringify(result ?? null)
    }
    case 'select':
      return JSON.stringify(await select(task, replicas))
    case 'match':
      return JSON.stringify(await matchEach(task, task.docs))
  }
}
