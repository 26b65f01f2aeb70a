import {publishedId} from '../ids.ts'
import type {Dataset} from '../store/dataset.ts'
import {transactionsOf, type HistoryTransaction} from '../store/history.ts'

type Event = Record<string, unknown> & {type: string; timestamp: string; author: string}

function eventOf(tx: HistoryTransaction, id: string, draftId: string): Event | null {
  const base = {timestamp: tx.timestamp, author: tx.author, documentId: id}
  const published = tx.changes.find((c) => c.docId === id)
  const draft = tx.changes.find((c) => c.docId === draftId)
  const draftRev = draft?.before?._rev ?? draft?.after?._rev
  if (published?.after && draft && !draft.after) {
    return {
      ...base,
      type: 'publishDocumentVersion',
      revisionId: tx.id,
      versionId: draftId,
      versionRevisionId: draftRev,
      publishCause: 'document.publish',
    }
  }
  if (published?.after && !published.before) {
    return {
      ...base,
      type: 'publishDocumentVersion',
      revisionId: tx.id,
      versionId: draftId,
      publishCause: 'document.publish',
    }
  }
  if (published && !published.after) {
    if (draft?.after)
      return {...base, type: 'unpublishDocument', versionId: draftId, versionRevisionId: tx.id}
    return {...base, type: 'deleteDocumentGroup'}
  }
  if (draft?.after && !draft.before)
    return {...base, type: 'createDocumentVersion', versionId: draftId, versionRevisionId: tx.id}
  if (draft && !draft.after)
    return {...base, type: 'deleteDocumentVersion', versionId: draftId, versionRevisionId: draftRev}
  return null
}

/**
 * The document's lifecycle events (create draft, publish, unpublish, discard, delete), newest
 * first, derived from the stored transactions as Sanity's events API reports them.
 */
export function documentEvents(dataset: Dataset, documentId: string, limit: number): Event[] {
  const id = publishedId(documentId)
  const draftId = `drafts.${id}`
  const events: Event[] = []
  for (const tx of transactionsOf(dataset, [id, draftId], {reverse: true})) {
    const event = eventOf(tx, id, draftId)
    if (event) events.push(event)
    if (events.length >= limit) break
  }
  return events
}
