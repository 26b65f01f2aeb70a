import {createHash} from 'node:crypto'

import {evaluate, parse} from 'groq-js'

import {strongRefs} from '../refs.ts'
import type {ImportedDocument, Mutation, StoredDocument, SyncApi} from '../types.ts'

/** An HTTP-like error as @sanity/client throws them. */
export function httpError(
  statusCode: number,
  message: string,
  headers: Record<string, string> = {},
) {
  return Object.assign(new Error(message), {statusCode, response: {headers}})
}

/** A dropped connection, as Node reports it. */
export function resetError() {
  return Object.assign(new Error('socket hang up'), {code: 'ECONNRESET'})
}

/** What a fault hook may do to a request: fail it before, or drop the response after it ran. */
export type Fault = {when: 'before' | 'after'; error: Error}

/** One request the fake answered. */
export type FakeRequest = {kind: 'query' | 'mutate' | 'upload'; transactionId?: string}

/**
 * An in-memory Content Lake with the semantics sync relies on: atomic transactions,
 * `_rev` = transaction id, 409 on `create` of an existing id and on `ifRevisionID`
 * mismatch, strong references checked at commit, GROQ through groq-js.
 */
export class FakeLake implements SyncApi {
  docs = new Map<string, StoredDocument>()
  requests: FakeRequest[] = []
  fault?: (request: FakeRequest) => Fault | undefined

  /** Mutation requests that reached the store (committed or refused). */
  get mutationCount() {
    return this.requests.filter((r) => r.kind === 'mutate').length
  }

  private intercept<T>(request: FakeRequest, run: () => T): Promise<T> {
    this.requests.push(request)
    const fault = this.fault?.(request)
    if (fault?.when === 'before') return Promise.reject(fault.error)
    try {
      const value = run()
      return fault ? Promise.reject(fault.error) : Promise.resolve(value)
    } catch (error) {
      return Promise.reject(error)
    }
  }

  async query<T>(groq: string, params: Record<string, unknown> = {}): Promise<T> {
    const dataset = [...this.docs.values()]
    const value = await this.intercept({kind: 'query'}, () => ({dataset}))
    const result = await evaluate(parse(groq, {params}), {dataset: value.dataset, params})
    return (await result.get()) as T
  }

  getDocuments(ids: string[]): Promise<(StoredDocument | null)[]> {
    return this.intercept({kind: 'query'}, () =>
      ids.map((id) => structuredClone(this.docs.get(id) ?? null)),
    )
  }

  mutate(mutations: Mutation[], {transactionId}: {transactionId: string}): Promise<void> {
    return this.intercept({kind: 'mutate', transactionId}, () =>
      this.apply(mutations, transactionId),
    )
  }

  uploadImage(body: Uint8Array, {filename}: {filename: string}): Promise<{_id: string}> {
    return this.intercept({kind: 'upload'}, () => {
      const sha1hash = createHash('sha1').update(body).digest('hex')
      const ext = filename.split('.').pop() ?? 'bin'
      const _id = `image-${sha1hash}-1x1-${ext}`
      if (!this.docs.has(_id))
        this.docs.set(_id, {_id, _type: 'sanity.imageAsset', _rev: 'upload', sha1hash})
      return {_id}
    })
  }

  /** Writes a document directly, as an editor in Studio would (new revision). */
  edit(id: string, change: (doc: StoredDocument) => Record<string, unknown>) {
    const doc = this.docs.get(id)
    if (!doc) throw new Error(`Cannot edit ${id}, expected it to exist`)
    this.docs.set(id, {...doc, ...change(doc), _rev: `editor-${Math.random()}`})
  }

  private apply(mutations: Mutation[], transactionId: string) {
    const next = new Map(this.docs)
    const now = new Date().toISOString()
    const put = (doc: ImportedDocument, created: boolean) => {
      const before = next.get(doc._id)
      next.set(doc._id, {
        ...structuredClone(doc),
        _rev: transactionId,
        _createdAt: created ? now : (before?._createdAt ?? now),
        _updatedAt: now,
      })
    }
    for (const m of mutations) {
      if ('create' in m) {
        if (next.has(m.create._id))
          throw httpError(409, `Document by ID "${m.create._id}" already exists`)
        put(m.create, true)
      } else if ('createIfNotExists' in m) {
        if (!next.has(m.createIfNotExists._id)) put(m.createIfNotExists, true)
      } else if ('delete' in m) {
        next.delete(m.delete.id)
      } else {
        const {id, ifRevisionID, set = {}, unset = []} = m.patch
        const doc = next.get(id)
        if (!doc) throw httpError(409, `Cannot patch missing document "${id}"`)
        if (ifRevisionID && doc._rev !== ifRevisionID)
          throw httpError(
            409,
            `Document "${id}" has unexpected revision ID ("${doc._rev}"), expected "${ifRevisionID}"`,
          )
        const patched: Record<string, unknown> = {...doc, ...structuredClone(set)}
        for (const key of unset) delete patched[key]
        put(patched as ImportedDocument, false)
      }
    }
    for (const doc of next.values())
      for (const ref of strongRefs(doc))
        if (!next.has(ref))
          throw httpError(409, `Document "${doc._id}" references non-existent document "${ref}"`)
    this.docs = next
  }
}
