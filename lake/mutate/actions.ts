import {badRequest, conflict, LakeError} from '../errors.ts'
import {isValidId} from '../ids.ts'
import {malformedId} from '../store/document-rules.ts'
import {strengthenOnPublish} from '../refs/strengthen.ts'
import type {Doc} from '../store/types.ts'
import {applyMutation} from './apply.ts'
import {documentRefused} from './validate.ts'
import type {WorkingSet} from './working-set.ts'

/** A Studio document action (`sanity.action.document.*`). */
export type Action = {actionType: string; [key: string]: unknown}

type Handler = (ws: WorkingSet, action: Action) => Promise<void>

const str = (action: Action, key: string): string => {
  const value = action[key]
  if (typeof value !== 'string' || !value) {
    throw badRequest(`Cannot run ${action.actionType}, expected a "${key}" string`)
  }
  return value
}

/** A document argument (`attributes`, `document`): an object with a valid `_id`, or a 400. */
const docArg = (ws: WorkingSet, action: Action, key: string): Doc => {
  const value = action[key] as Doc | undefined
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw badRequest(`Cannot run ${action.actionType}, expected "${key}" to be a document object`)
  }
  if (!isValidId(value._id)) throw documentRefused(ws.index, value._id, malformedId(value._id))
  return value
}

const notFound = (id: string, action: Action) =>
  new LakeError(
    409,
    'actionError',
    `Cannot run ${action.actionType}: document "${id}" does not exist`,
    {id},
  )

function checkRevision(doc: Doc | null, expected: unknown, id: string): void {
  if (expected !== undefined && doc?._rev !== expected) {
    throw conflict(
      `Document "${id}" has unexpected revision ID ("${doc?._rev}"), expected "${String(expected)}"`,
      {id},
    )
  }
}

function replace(ws: WorkingSet, doc: Doc): void {
  ws.record({createOrReplace: doc})
  ws.put(doc._id, doc, {createOrReplace: doc})
}

function remove(ws: WorkingSet, id: string): void {
  if (!ws.get(id)) return
  ws.record({delete: {id}})
  ws.put(id, null, {delete: {id}})
}

const handlers: Record<string, Handler> = {
  async 'sanity.action.document.create'(ws, action) {
    const attributes = docArg(ws, action, 'attributes')
    if (ws.get(attributes._id)) {
      if (action.ifExists === 'ignore') return
      throw conflict(`Document by ID "${attributes._id}" already exists`, {id: attributes._id})
    }
    await applyMutation(ws, {create: attributes})
  },
  async 'sanity.action.document.edit'(ws, action) {
    const draftId = str(action, 'draftId')
    const published = ws.get(str(action, 'publishedId'))
    if (!ws.get(draftId)) {
      if (!published) throw notFound(draftId, action)
      replace(ws, {...published, _id: draftId})
    }
    await applyMutation(ws, {patch: {...(action.patch as object), id: draftId}})
  },
  async 'sanity.action.document.replaceDraft'(ws, action) {
    replace(ws, docArg(ws, action, 'attributes'))
  },
  async 'sanity.action.document.publish'(ws, action) {
    const draftId = str(action, 'draftId')
    const publishedId = str(action, 'publishedId')
    const draft = ws.get(draftId)
    if (!draft) throw notFound(draftId, action)
    checkRevision(draft, action.ifDraftRevisionId, draftId)
    checkRevision(ws.get(publishedId), action.ifPublishedRevisionId, publishedId)
    replace(ws, {...strengthenOnPublish(draft), _id: publishedId})
    remove(ws, draftId)
  },
  async 'sanity.action.document.unpublish'(ws, action) {
    const draftId = str(action, 'draftId')
    const publishedId = str(action, 'publishedId')
    const published = ws.get(publishedId)
    if (!published) throw notFound(publishedId, action)
    if (!ws.get(draftId)) replace(ws, {...published, _id: draftId})
    remove(ws, publishedId)
  },
  async 'sanity.action.document.discard'(ws, action) {
    const draftId = str(action, 'draftId')
    if (!ws.get(draftId)) throw notFound(draftId, action)
    remove(ws, draftId)
  },
  async 'sanity.action.document.delete'(ws, action) {
    const publishedId = str(action, 'publishedId')
    const drafts = Array.isArray(action.includeDrafts) ? action.includeDrafts.map(String) : []
    remove(ws, publishedId)
    for (const id of drafts) remove(ws, id)
  },
  async 'sanity.action.document.version.create'(ws, action) {
    if (action.document !== undefined) {
      return void (await applyMutation(ws, {create: docArg(ws, action, 'document')}))
    }
    const base = ws.get(str(action, 'baseId'))
    if (!base) throw notFound(str(action, 'baseId'), action)
    checkRevision(base, action.ifBaseRevisionId, base._id)
    await applyMutation(ws, {create: {...base, _id: str(action, 'versionId')}})
  },
  async 'sanity.action.document.version.discard'(ws, action) {
    const versionId = str(action, 'versionId')
    if (!ws.get(versionId)) throw notFound(versionId, action)
    remove(ws, versionId)
  },
  async 'sanity.action.document.version.replace'(ws, action) {
    replace(ws, docArg(ws, action, 'document'))
  },
}

/** Applies one action to the working set, failing the whole transaction on error. */
export async function applyAction(ws: WorkingSet, action: Action): Promise<void> {
  const handler = handlers[action?.actionType]
  if (!handler) {
    throw badRequest(
      `Cannot run action "${String(action?.actionType)}", expected one of: ${Object.keys(handlers).join(', ')}`,
    )
  }
  await handler(ws, action)
}
