import {useToast} from '@sanity/ui/toast'
import {useEffect, useState} from 'react'
import {getPublishedId, useDocumentStore} from 'sanity'

import {refusedSaveMessage} from './refusedSave.ts'
import {useKeptDraft} from './useKeptDraft.ts'

/**
 * Shows, for as long as the document's saves fail, a notice with the lake's reason and what to
 * do, and keeps the edits meanwhile ({@link useKeptDraft}). Sanity retries such saves, but says
 * only that they are not saving, and only after 15 s; the reason (a full disk, a locked file, a
 * stopped lake) is what the editor can act on.
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
  const [error, setError] = useState<unknown>(undefined)
  useEffect(() => {
    const subscription = documentStore.pair
      .commitErrorStatus(publishedId, documentType)
      .subscribe((status) => setError(status?.error))
    return () => subscription.unsubscribe()
  }, [documentStore, publishedId, documentType])
  useKeptDraft(publishedId, documentType, error !== undefined)
  // Each retry that fails brings a new error: the notice changes only when what it says does.
  const message = error === undefined ? undefined : refusedSaveMessage(error)
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
