import {randomUUID} from 'node:crypto'

import {
  batchBySize,
  DEFAULT_BATCH_LIMITS,
  MAX_REQUEST_BYTES,
  mutationTexts,
  requestBytesOf,
} from './batch.ts'
import type {Batch, BatchLimits} from './batch.ts'
import {commitTransactionId, createMutation, patchMutation} from './mutations.ts'
import {planSync} from './plan.ts'
import {strongRefs, weakenRefs, writeLevels} from './refs.ts'
import {isTransient, mapPool, rateLimiter, withRetry} from './retry.ts'
import type {RetryOptions} from './retry.ts'
import {errorMessage} from './scrub.ts'
import type {DatasetSnapshot, StoredSummary} from './state.ts'
import type {
  ImportedDocument,
  Mutation,
  Outcome,
  PlanItem,
  StoredDocument,
  SyncApi,
  SyncPlan,
} from './types.ts'

/** How to apply a plan. */
export type ApplyOptions = {
  api: SyncApi
  /** `--force` entries, used again when a document changed during the run. */
  force?: readonly string[]
  /** Transactions in flight at once (Sanity's import tools use 6). */
  concurrency?: number
  /** Mutation requests per second; the hosted API allows 25. */
  mutationsPerSecond?: number
  batchLimits?: BatchLimits
  retry?: RetryOptions
  /** Timestamp written to `source.importedAt`. */
  importedAt?: string
  scrub?: (text: string) => string
  onProgress?: (done: number, total: number) => void
}

/** What happened to one document. */
export type DocumentResult = {
  id: string
  path: string | null
  outcome: Outcome
  message?: string
  hint?: string
}

type Op = {
  id: string
  path: string | null
  kind: 'create' | 'patch' | 'strengthen' | 'delete'
  item?: PlanItem
  mutations: Mutation[]
  /** The JSON texts of its mutations, when they were written with them. */
  texts?: string[]
  /** Set after a retry with a fresh plan, so a document is re-planned at most once. */
  replanned?: boolean
}

/**
 * Writes a plan into the dataset: creates and patches in reference order, in size-bounded
 * transactions with bounded concurrency and rate, retrying transient failures. A batch whose
 * response was lost is recognised by its transaction id; a batch the Content Lake refuses is
 * split until the refused document is found, which is then re-planned once against the
 * dataset as it is now (it may have been created by an interrupted run or edited meanwhile).
 */
export async function applyPlan(plan: SyncPlan, options: ApplyOptions): Promise<DocumentResult[]> {
  const {api, concurrency = 6, batchLimits = DEFAULT_BATCH_LIMITS} = options
  const scrub = options.scrub ?? ((text: string) => text)
  const importedAt = options.importedAt ?? new Date().toISOString()
  const limit = rateLimiter(options.mutationsPerSecond ?? Infinity)
  // Transaction ids are the same for a retried commit (so it is recognised) and new for every
  // other: from this run's id and a salt unique to each commit call (`l{level}b{batch}`,
  // `s{batch}`, `d{batch}`, then `a`/`b` for the halves of a split and `r` for a replan).
  const runId = randomUUID()
  const results = new Map<string, DocumentResult>()
  const written = new Map<string, string>()
  const total = plan.items.length + plan.removed.length
  let done = 0
  const finish = (result: DocumentResult) => {
    if (!results.has(result.id)) options.onProgress?.(++done, total)
    results.set(result.id, result)
  }

  for (const item of plan.items) {
    if (item.action === 'unchanged') finish({id: item.id, path: item.path, outcome: 'unchanged'})
    if (item.action === 'skip')
      finish({
        id: item.id,
        path: item.path,
        outcome: 'skipped',
        message: item.reason,
        hint: item.hint,
      })
    if (item.action === 'conflict')
      finish({
        id: item.id,
        path: item.path,
        outcome: 'conflict',
        message: item.reason,
        hint: item.hint,
      })
  }
  for (const item of plan.removed)
    if (item.action === 'keep')
      finish({id: item.id, path: item.path, outcome: 'kept', message: item.reason})

  const succeed = (ops: Op[], transactionId: string) => {
    for (const op of ops) {
      if (op.kind === 'strengthen') continue
      written.set(op.id, transactionId)
      const outcome = op.kind === 'create' ? 'created' : op.kind === 'patch' ? 'updated' : 'deleted'
      finish({id: op.id, path: op.path, outcome, message: op.item?.forced ? 'forced' : undefined})
    }
  }
  const fail = (op: Op, error: unknown, outcome: Outcome = 'failed') =>
    finish({
      id: op.id,
      path: op.path,
      outcome,
      message: `${op.path ?? op.id}: ${errorMessage(error, scrub)}`,
    })

  // `/data/doc` takes ids in the URL; 50 at a time keeps it well under URL length limits.
  const getDocuments = async (ids: string[]) => {
    const out: (StoredDocument | null)[] = []
    for (let i = 0; i < ids.length; i += 50) {
      const part = ids.slice(i, i + 50)
      out.push(...(await withRetry(() => api.getDocuments(part), options.retry)))
    }
    return out
  }

  const isCommitted = async (ops: Op[], transactionId: string) => {
    const docs = await getDocuments(ops.map((op) => op.id))
    const revs = new Map(docs.flatMap((doc) => (doc ? [[doc._id, doc._rev]] : [])))
    return ops.every((op) =>
      op.kind === 'delete' ? !revs.has(op.id) : revs.get(op.id) === transactionId,
    )
  }

  // `given`: the mutations' JSON texts and their size, when the batching wrote them already.
  const commit = async (
    ops: Op[],
    salt: string,
    given?: {texts: string[]; bytes: number},
  ): Promise<void> => {
    const mutations = ops.flatMap((op) => op.mutations)
    // Written once for the size and the request; garbage once it is sent. Not joined into one
    // text here: an API that sends text joins them, the local lake need not.
    const texts = given?.texts ?? ops.flatMap(mutationTexts)
    const transactionId = commitTransactionId(runId, salt)
    try {
      const bytes = given?.bytes ?? requestBytesOf(texts)
      if (bytes > MAX_REQUEST_BYTES)
        throw new Error(`Cannot write ${ops[0].id}: ${bytes} bytes is over the 4 MB request limit`)
      await withRetry(async () => {
        await limit()
        await api.mutate(mutations, {transactionId, texts})
      }, options.retry)
      succeed(ops, transactionId)
    } catch (error) {
      if (await isCommitted(ops, transactionId).catch(() => false))
        return succeed(ops, transactionId)
      if (isTransient(error)) return ops.forEach((op) => fail(op, error))
      if (ops.length > 1) {
        const middle = Math.ceil(ops.length / 2)
        await commit(ops.slice(0, middle), `${salt}a`)
        await commit(ops.slice(middle), `${salt}b`)
        return
      }
      await replan(ops[0], error, salt)
    }
  }

  const commitBatch = (batch: Batch<Op>, salt: string) => commit(batch.entries, salt, batch)

  const replan = async (op: Op, error: unknown, salt: string) => {
    const doc = op.item?.doc
    if (!doc || op.replanned || (op.kind !== 'create' && op.kind !== 'patch'))
      return fail(op, error)
    const [stored, draft] = await getDocuments([op.id, `drafts.${op.id}`])
    const snapshot: DatasetSnapshot = {
      existing: new Map<string, StoredSummary>(),
      full: new Map(),
      drafts: new Set(draft ? [op.id] : []),
      removed: [],
      referencedBy: new Map(),
    }
    if (stored) {
      const source = stored.source as {importHash?: string; path?: string} | undefined
      snapshot.existing.set(op.id, {_id: op.id, _rev: stored._rev, importHash: source?.importHash})
      snapshot.full.set(op.id, stored)
    }
    const origins = op.path ? {[op.id]: op.path} : undefined
    const [item] = planSync([doc], snapshot, {force: options.force, origins}).items
    if (item.action === 'unchanged') return finish({id: op.id, path: op.path, outcome: 'unchanged'})
    if (item.action === 'conflict')
      return finish({
        id: op.id,
        path: op.path,
        outcome: 'conflict',
        message: item.reason,
        hint: item.hint,
      })
    if (item.action === op.item?.action && item.rev === op.item.rev) return fail(op, error)
    await commit([{...toOp(item, importedAt), replanned: true}], `${salt}r`)
  }

  // Creates and patches, level by level so referenced documents exist before referencers.
  const writes = plan.items.filter((i) => i.action === 'create' || i.action === 'patch')
  const createIds = new Set(writes.filter((i) => i.action === 'create').map((i) => i.id))
  const byId = new Map(writes.map((i) => [i.id, i]))
  const deps = new Map(
    writes.map((i) => [
      i.id,
      new Set([...strongRefs(i.doc)].filter((r) => createIds.has(r) && r !== i.id)),
    ]),
  )
  const {levels, cyclic} = writeLevels(deps)
  // A create that ended as anything but failed or skipped left its document in the dataset.
  const exists = (id: string) => {
    const outcome = results.get(id)?.outcome
    return outcome !== undefined && outcome !== 'failed' && outcome !== 'skipped'
  }
  // Each op is made as its batch is filled, so the hashing and writing of a batch's documents
  // overlaps the lake's commit of the batches before it.
  function* levelOps(level: readonly string[]) {
    for (const id of level) {
      const item = byId.get(id)!
      const missing = [...deps.get(id)!].filter((dep) => !cyclic.get(id)?.has(dep) && !exists(dep))
      if (missing.length) {
        finish({
          id,
          path: item.path,
          outcome: 'skipped',
          message: `${item.path ?? id}: not written because ${missing.slice(0, 3).join(', ')} could not be created`,
        })
        continue
      }
      const weakened = cyclic.has(id)
        ? {...item, doc: weakenRefs(item.doc!, cyclic.get(id)!)}
        : item
      yield toOp(weakened, importedAt)
    }
  }
  for (const [index, level] of levels.entries()) {
    await mapPool(batchBySize(levelOps(level), batchLimits), concurrency, (batch, i) =>
      commitBatch(batch, `l${index}b${i}`),
    )
  }

  // Documents written with weakened references on a cycle get their strong references back.
  const strengthen: Op[] = []
  for (const id of cyclic.keys()) {
    const item = byId.get(id)!
    if (results.get(id)?.outcome !== 'created') continue
    strengthen.push({
      ...toOp({...item, action: 'patch', rev: written.get(id), unset: []}, importedAt),
      kind: 'strengthen',
    })
  }
  await mapPool(batchBySize(strengthen, batchLimits), concurrency, (batch, i) =>
    commitBatch(batch, `s${i}`),
  )

  // Pruning comes last: patches above may have dropped references to removed documents.
  // Each delete is guarded by the revision the plan checked, so a document an editor touched
  // since is refused (409) instead of deleted.
  const deletes: Op[] = plan.removed
    .filter((item) => item.action === 'delete')
    .map((item) => ({
      id: item.id,
      path: item.path,
      kind: 'delete',
      mutations: [
        ...(item.rev ? [{patch: {id: item.id, ifRevisionID: item.rev}}] : []),
        {delete: {id: item.id}},
      ],
    }))
  await mapPool(batchBySize(deletes, batchLimits), concurrency, (batch, i) =>
    commitBatch(batch, `d${i}`),
  )

  return [...plan.items, ...plan.removed].map((item) => results.get(item.id)!).filter(Boolean)
}

function toOp(item: PlanItem, importedAt: string): Op {
  const doc = item.doc as ImportedDocument
  const op = {id: item.id, path: item.path, item}
  if (item.action !== 'create') {
    const mutation = patchMutation(doc, item.rev, item.unset ?? [], importedAt, item.hash)
    return {...op, kind: 'patch', mutations: [mutation]}
  }
  const {mutation, text} = createMutation(doc, importedAt)
  return {...op, kind: 'create', mutations: [mutation], texts: [text]}
}
