import type {Change, CommittedTransaction} from '../store/types.ts'
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
 * The events a listener receives for one transaction, from position `skip` on, given whether each
 * change's document matched the listener's query before and after (flat, as
 * `ListenerFilter.matches` answers). Event ids are `<seq>-<index>`
 * so a reconnecting client's `Last-Event-ID` says where to resume. Each event (and its mendoza
 * diff) is made when it is asked for, so a sender can pause between them.
 */
export function* eventsFor(
  tx: CommittedTransaction,
  options: ListenOptions,
  matches: readonly boolean[],
  skip = -1,
): Generator<MutationEvent> {
  const matched: Array<{index: number; change: Change; transition: string}> = []
  const {changes} = tx
  for (let index = 0; index < changes.length; index++) {
    const transition = transitionOf(matches[2 * index]!, matches[2 * index + 1]!)
    if (transition) matched.push({index, change: changes[index]!, transition})
  }
  // Totals count the whole transaction, also when resuming in its middle: the Studio waits
  // until it has `transactionTotalEvents` events of a transaction.
  for (const [position, {index, change, transition}] of matched.entries()) {
    if (index <= skip) continue
    yield {
      id: `${tx.seq}-${index}`,
      data: {
        ...eventData(tx, change, transition, options),
        transactionTotalEvents: matched.length,
        transactionCurrentEvent: position + 1,
      },
    }
  }
}

/** Parses a `Last-Event-ID` header into the transaction sequence and change index. */
export function parseEventId(value: unknown): {seq: number; index: number} | null {
  const match = typeof value === 'string' ? /^(\d+)-(\d+)$/.exec(value) : null
  return match ? {seq: Number(match[1]), index: Number(match[2])} : null
}
