import {Mutation} from '@sanity/mutator'
import {badRequest, conflict, LakeError} from '../errors.ts'
import {randomId} from '../ids.ts'
import {identityProblem} from '../store/document-rules.ts'
import type {Doc, WireMutation} from '../store/types.ts'
import {forEachSliced} from '../slices.ts'
import {selectTargets} from './select.ts'
import {documentRefused} from './validate.ts'
import type {WorkingSet} from './working-set.ts'

/** What a mutation did to one document, as listed in the `/data/mutate` response. */
export type MutationResult = {id: string; operation: 'create' | 'update' | 'delete' | 'none'}

type Patch = {id?: string; query?: string; params?: Record<string, unknown>; ifRevisionID?: string}

/** Applies one wire mutation (`{create}`, `{patch}`, ...) to the working set. */
export async function applyMutation(
  ws: WorkingSet,
  mutation: WireMutation,
): Promise<MutationResult[]> {
  if (mutation === null || typeof mutation !== 'object' || Array.isArray(mutation)) {
    throw badRequest(
      'Cannot apply a mutation that is not an object, expected {create: {...}}, {patch: {...}}, ...',
    )
  }
  const [kind, body] = Object.entries(mutation)[0] ?? []
  if (!kind || !body || typeof body !== 'object') {
    throw badRequest('Cannot apply an empty mutation, expected {create|createOrReplace|...: {...}}')
  }
  ws.record(mutation)
  switch (kind) {
    case 'create':
      return [create(ws, checkedDoc(ws, body as Doc, true))]
    case 'createIfNotExists':
      return [createIfNotExists(ws, checkedDoc(ws, body as Doc, false))]
    case 'createOrReplace':
      return [createOrReplace(ws, checkedDoc(ws, body as Doc, false))]
    case 'delete':
      return forEachSliced(await selectTargets(ws, body as Patch), (id) =>
        remove(ws, id, body as Patch),
      )
    case 'patch':
      return forEachSliced(await selectTargets(ws, body as Patch), (id) =>
        patch(ws, id, body as Patch),
      )
    default:
      throw badRequest(
        `Cannot apply mutation "${kind}", expected create, createIfNotExists, createOrReplace, delete or patch`,
      )
  }
}

/**
 * The document with its `_id` (generated for `create` when missing, or completed when it ends
 * in `.`), refused in Sanity's shape when the id is malformed or `_type` is missing; the rest of
 * the rules are checked for every changed document before commit (validate.ts).
 */
function checkedDoc(ws: WorkingSet, doc: Doc, generateId: boolean): Doc {
  let id: unknown = doc._id
  if (generateId && (id === undefined || id === null || id === '')) id = randomId()
  else if (generateId && typeof id === 'string' && id.endsWith('.')) id = `${id}${randomId()}`
  // Only the id and type here: shape and size are checked once the transaction is built.
  // The client's own object when its id stands: a caller that gave its JSON text too (an
  // in-process client) is then not serialized again (see TransactionOptions.documentJson).
  const withId = id === doc._id ? doc : {...doc, _id: id as string}
  const problem = identityProblem(withId)
  if (problem) throw documentRefused(ws.index, id, problem)
  return withId
}

// A create asks only whether its document exists, and tells `put` it does not: a first import
// of 5,000 documents looked each one up twice and found nothing either time.
function create(ws: WorkingSet, doc: Doc): MutationResult {
  if (ws.has(doc._id)) throw conflict(`Document by ID "${doc._id}" already exists`, {id: doc._id})
  ws.put(doc._id, doc, {create: doc}, null)
  return {id: doc._id, operation: 'create'}
}

function createIfNotExists(ws: WorkingSet, doc: Doc): MutationResult {
  if (ws.has(doc._id)) return {id: doc._id, operation: 'none'}
  ws.put(doc._id, doc, {createIfNotExists: doc}, null)
  return {id: doc._id, operation: 'create'}
}

function createOrReplace(ws: WorkingSet, doc: Doc): MutationResult {
  const current = ws.get(doc._id)
  ws.put(doc._id, doc, {createOrReplace: doc}, current)
  return {id: doc._id, operation: current !== null ? 'update' : 'create'}
}

/**
 * The client's own patch or delete body when it names exactly this document by id, as the
 * working set records it: then the file keeps the transaction's mutations as its changes' own
 * (store/stored-texts.ts) without comparing their JSON. Undefined for one by query.
 */
function ownBody(body: Patch, id: string): Patch | undefined {
  return body.id === id && body.query === undefined && body.params === undefined ? body : undefined
}

function remove(ws: WorkingSet, id: string, body: Patch): MutationResult {
  if (!ws.get(id)) return {id, operation: 'none'}
  const own = ownBody(body, id)
  ws.put(id, null, {delete: own && Object.keys(own).length === 1 ? own : {id}})
  return {id, operation: 'delete'}
}

function patch(ws: WorkingSet, id: string, body: Patch): MutationResult {
  const current = ws.get(id)
  if (!current) {
    throw new LakeError(404, 'mutationError', `Cannot patch document "${id}": it does not exist`, {
      id,
    })
  }
  if (body.ifRevisionID !== undefined && body.ifRevisionID !== current._rev) {
    throw conflict(
      `Document "${id}" has unexpected revision ID ("${current._rev}"), expected "${body.ifRevisionID}"`,
      {id, expectedRevision: body.ifRevisionID, actualRevision: current._rev},
    )
  }
  let wirePatch = ownBody(body, id)
  if (!wirePatch) {
    wirePatch = {...body, id}
    delete wirePatch.query
    delete wirePatch.params
  }
  let next: unknown
  try {
    next = new Mutation({mutations: [{patch: wirePatch as never}]}).apply(current)
  } catch (error) {
    // @sanity/mutator throws on operations it cannot apply (a bad path, inc on a string…).
    throw badRequest(
      `Cannot apply the patch to document "${id}": ${error instanceof Error ? error.message : String(error)}`,
      {id},
    )
  }
  if (!next) throw new LakeError(500, 'mutationError', `Patching document "${id}" deleted it`)
  // @sanity/mutator leaves `current` as it was: it serves as the document before the patch.
  ws.put(id, {...(next as Doc), _id: id}, {patch: wirePatch}, current)
  return {id, operation: 'update'}
}
