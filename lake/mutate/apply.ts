import {Mutation} from '@sanity/mutator'
import {badRequest, conflict, LakeError} from '../errors.ts'
import {isValidId, randomId} from '../ids.ts'
import type {Doc, WireMutation} from '../store/types.ts'
import {forEachSliced, selectTargets} from './select.ts'
import type {WorkingSet} from './working-set.ts'

/** What a mutation did to one document, as listed in the `/data/mutate` response. */
export type MutationResult = {id: string; operation: 'create' | 'update' | 'delete' | 'none'}

type Patch = {id?: string; query?: string; params?: Record<string, unknown>; ifRevisionID?: string}

/** Applies one wire mutation (`{create}`, `{patch}`, ...) to the working set. */
export async function applyMutation(
  ws: WorkingSet,
  mutation: WireMutation,
): Promise<MutationResult[]> {
  const [kind, body] = Object.entries(mutation)[0] ?? []
  if (!kind || !body || typeof body !== 'object') {
    throw badRequest('Cannot apply an empty mutation, expected {create|createOrReplace|...: {...}}')
  }
  ws.record(mutation)
  switch (kind) {
    case 'create':
      return [create(ws, body as Doc)]
    case 'createIfNotExists':
      return [createIfNotExists(ws, body as Doc)]
    case 'createOrReplace':
      return [createOrReplace(ws, body as Doc)]
    case 'delete':
      return forEachSliced(await selectTargets(ws, body as Patch), (id) => remove(ws, id))
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

function checkedDoc(doc: Doc, kind: string, generateId: boolean): Doc {
  let id = doc._id
  if (!id && generateId) id = randomId()
  else if (generateId && id.endsWith('.')) id = `${id}${randomId()}`
  if (!id) throw badRequest(`Cannot ${kind} a document without _id, expected an "_id" attribute`)
  if (!isValidId(id))
    throw badRequest(
      `Cannot ${kind} document "${id}", expected an _id of [a-zA-Z0-9._-], at most 128 characters`,
    )
  if (typeof doc._type !== 'string' || !doc._type) {
    throw badRequest(`Cannot ${kind} document "${id}", expected a "_type" attribute`)
  }
  return {...doc, _id: id}
}

function create(ws: WorkingSet, input: Doc): MutationResult {
  const doc = checkedDoc(input, 'create', true)
  if (ws.get(doc._id)) throw conflict(`Document by ID "${doc._id}" already exists`, {id: doc._id})
  ws.put(doc._id, doc, {create: doc})
  return {id: doc._id, operation: 'create'}
}

function createIfNotExists(ws: WorkingSet, input: Doc): MutationResult {
  const doc = checkedDoc(input, 'createIfNotExists', false)
  if (ws.get(doc._id)) return {id: doc._id, operation: 'none'}
  ws.put(doc._id, doc, {createIfNotExists: doc})
  return {id: doc._id, operation: 'create'}
}

function createOrReplace(ws: WorkingSet, input: Doc): MutationResult {
  const doc = checkedDoc(input, 'createOrReplace', false)
  const existed = ws.get(doc._id) !== null
  ws.put(doc._id, doc, {createOrReplace: doc})
  return {id: doc._id, operation: existed ? 'update' : 'create'}
}

function remove(ws: WorkingSet, id: string): MutationResult {
  if (!ws.get(id)) return {id, operation: 'none'}
  ws.put(id, null, {delete: {id}})
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
  const wirePatch = {...body, id}
  delete wirePatch.query
  delete wirePatch.params
  const next = new Mutation({mutations: [{patch: wirePatch as never}]}).apply(current)
  if (!next) throw new LakeError(500, 'mutationError', `Patching document "${id}" deleted it`)
  ws.put(id, {...(next as Doc), _id: id}, {patch: wirePatch})
  return {id, operation: 'update'}
}
