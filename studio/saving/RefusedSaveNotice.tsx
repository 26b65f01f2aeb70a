import {useToast} from '@sanity/ui/toast'
import {useEffect, useSyncExternalStore} from 'react'
import {getPublishedId, useDocumentStore} from 'sanity'

import {heldSaves, type ShownDraft} from './heldSaves.ts'
import {refusedSaveMessage} from './refusedSave.ts'

/**
 * Shows, for as long as the document's saves are refused, a notice with the lake's reason and
 * what to do. The saves themselves are held and tried again by `holdRefusedSaves`, with the draft
 * this form shows, which this component tells it; once Sanity has sent every change, the
 * document's saves go back to being changes.
 */
export function RefusedSaveNotice({
  documentId,
  documentType,
}: {
  documentId: string
  documentType: string
}) {
  // The form's value is the published document until the draft exists: one id for both.
  const publishedId = getPublishedId(documentId)
  const documentStore = useDocumentStore()
  const toast = useToast()
  useEffect(() => {
    const pair = documentStore.pair
    const drafts = pair.editState(publishedId, documentType).subscribe((state) => {
      if (state.ready) heldSaves.show(publishedId, state.draft as ShownDraft | null)
    })
    const consistency = pair.consistencyStatus(publishedId, documentType).subscribe((synced) => {
      if (synced) heldSaves.settled(publishedId)
    })
    return () => {
      drafts.unsubscribe()
      consistency.unsubscribe()
    }
  }, [documentStore, publishedId, documentType])
  const held = useSyncExternalStore(
    (listener) => heldSaves.subscribe(listener),
    () => heldSaves.get(publishedId),
  )
  // Each refused try brings a new error: the notice changes only when what it says does.
  const message = held === undefined ? undefined : refusedSaveMessage(held.error)
  const title = message?.title
  const description = message?.description
  useEffect(() => {
    if (title === undefined) return
    const id = `refused-save-${publishedId}`
    toast.push({id, status: 'error', title, description, closable: true, duration: Infinity})
    // Gone once a save goes through (or the form closes): the same id, shown for no time.
    return () => {
      toast.push({id, status: 'error', title, description, duration: 0.01})
    }
  }, [title, description, publishedId, toast])
  return null
}
