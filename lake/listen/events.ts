import {evaluateQuery} from '../groq/query.ts'
import type {Change, CommittedTransaction, Doc} from '../store/types.ts'
import {mendozaDiff} from './mendoza.ts'

/** The listener options from the `/data/listen` query string. */
export type ListenOptions = {
  query: string
  params: Record<string, unknown>
  includeResult: boolean
  includePreviousRevision: boolean
  includeMutations: boolean
  effectFormat: string | null
  visibility: string
}

/** A `mutation` event as @sanity/client and the Studio read it. */
export type MutationEvent = {id: string; data: Record<string, unknown>}

async function matches(options: ListenOptions, doc: Doc | null): Promise<boolean> {
  if (!doc) return false
  const view = {documents: [doc], byId: new Map([[doc._id, doc]])}
  const result = await evaluateQuery(options.query, options.params, view)
  return Array.isArray(result) ? result.length > 0 : result !== null && result !== undefined
}

function transitionOf(before: boolean, after: boolean): string | null {
  if (before && after) return 'update'
  if (after) return 'appear'
  if (before) return 'disappear'
  return null
}

function eventData(
  tx: CommittedTransaction,
  change: Change,
  transition: string,
  options: ListenOptions,
) {
  const data: Record<string, unknown> = {
    eventId: `${tx.id}#${change.id}`,
    documentId: change.id,
    transactionId: tx.id,
    transition,
    identity: tx.author,
    previousRev: change.before?._rev,
    // A deletion still gets a result revision: the Studio chains events by previousRev → resultRev.
    resultRev: change.after?._rev ?? tx.id,
    timestamp: tx.timestamp,
    visibility: options.visibility,
  }
  if (options.includeMutations) data.mutations = change.mutations
  if (options.includeResult && change.after) data.result = change.after
  if (options.includePreviousRevision && change.before) data.previous = change.before
  if (options.effectFormat === 'mendoza') {
    data.effects = {
      apply: mendozaDiff(change.before, change.after),
      revert: mendozaDiff(change.after, change.before),
    }
  }
  return data
}

/**
 * The events a listener receives for one transaction, from position `skip` on. Event ids are
 * `<seq>-<index>` so a reconnecting client's `Last-Event-ID` says where to resume.
 */
export async function eventsFor(
  tx: CommittedTransaction,
  options: ListenOptions,
  skip = -1,
): Promise<MutationEvent[]> {
  const matched: Array<{index: number; change: Change; transition: string}> = []
  for (const [index, change] of tx.changes.entries()) {
    if (index <= skip) continue
    const transition = transitionOf(
      await matches(options, change.before),
      await matches(options, change.after),
    )
    if (transition) matched.push({index, change, transition})
  }
  return matched.map(({index, change, transition}, position) => ({
    id: `${tx.seq}-${index}`,
    data: {
      ...eventData(tx, change, transition, options),
      transactionTotalEvents: matched.length,
      transactionCurrentEvent: position + 1,
    },
  }))
}

/** Parses a `Last-Event-ID` header into the transaction sequence and change index. */
export function parseEventId(value: unknown): {seq: number; index: number} | null {
  const match = typeof value === 'string' ? /^(\d+)-(\d+)$/.exec(value) : null
  return match ? {seq: Number(match[1]), index: Number(match[2])} : null
}
