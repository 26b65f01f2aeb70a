import {parseEventId} from './events.ts'

/** What a (re)connecting listener gets before live events. */
export type ResumePlan<T extends {seq: number}> =
  /** No `Last-Event-ID`: a new listener. */
  | {kind: 'fresh'}
  /** Every transaction after the last event the client saw is still kept: replay them. */
  | {kind: 'resume'; replay: Array<{tx: T; skip: number}>}
  /** The client missed events the lake no longer keeps (or an unknown id): it must refetch. */
  | {kind: 'reset'}

/**
 * Decides how to resume a listener from its `Last-Event-ID` (`<seq>-<index>`), given the
 * transactions the dataset can still replay, in order (their sequence numbers are enough: the
 * replay reads them from the file). Only a position inside that window can be resumed: older
 * positions, ids from before a restart (which empties the window) and ids the lake never issued
 * mean events may be missing, so the client is told to reset.
 */
export function planResume<T extends {seq: number}>(
  lastEventId: unknown,
  recent: readonly T[],
): ResumePlan<T> {
  if (lastEventId === undefined || lastEventId === null || lastEventId === '') {
    return {kind: 'fresh'}
  }
  const position = parseEventId(lastEventId)
  const start = position ? recent.findIndex((tx) => tx.seq === position.seq) : -1
  if (!position || start === -1) return {kind: 'reset'}
  return {
    kind: 'resume',
    replay: recent
      .slice(start)
      .map((tx) => ({tx, skip: tx.seq === position.seq ? position.index : -1})),
  }
}
