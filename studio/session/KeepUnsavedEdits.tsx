import {useEffect, useRef} from 'react'
import {
  DEFAULT_STUDIO_CLIENT_OPTIONS,
  getIdPair,
  getPublishedId,
  remoteSnapshots,
  useClient,
  useDataset,
  useEditState,
  useProjectId,
  useSyncState,
} from 'sanity'

import {forgetEdit, keepEdit, ownFields, type KeptBase} from './keptEdits.ts'

/** Where kept edits live: one project's dataset. */
export function useKeptEditsScope(): string {
  return `${useProjectId()}.${useDataset()}`
}

/**
 * Keeps the document's unsaved draft in localStorage for as long as the lake has not taken it,
 * with the lake's revisions it was made on (the remote heads Sanity's document store holds), and
 * forgets it once the form and the lake agree again. What is kept is put back after the editor
 * logs in again ({@link RestoreKeptEdits}), whatever ended the page meanwhile.
 */
export function KeepUnsavedEdits({
  documentId,
  documentType,
}: {
  documentId: string
  documentType: string
}) {
  const publishedId = getPublishedId(documentId)
  const {draft} = useEditState(publishedId, documentType)
  const {isSyncing} = useSyncState(publishedId, documentType)
  const client = useClient(DEFAULT_STUDIO_CLIENT_OPTIONS)
  const scope = useKeptEditsScope()
  const heads = useRef<KeptBase>({draftRev: null, publishedRev: null})
  const kept = useRef(false)

  // The same memoized document pair the form edits: no listener of its own.
  useEffect(() => {
    const subscription = remoteSnapshots(client, getIdPair(publishedId), documentType).subscribe(
      (event) => {
        const head = event.type === 'snapshot' ? event.document : event.head
        const rev = head?._rev ?? null
        if (event.version === 'draft') heads.current = {...heads.current, draftRev: rev}
        if (event.version === 'published') heads.current = {...heads.current, publishedRev: rev}
      },
    )
    return () => subscription.unsubscribe()
  }, [client, publishedId, documentType])

  useEffect(() => {
    if (isSyncing && draft) {
      const title = typeof draft.title === 'string' && draft.title ? draft.title : publishedId
      keepEdit(localStorage, scope, {
        publishedId,
        type: documentType,
        title,
        fields: ownFields(draft),
        base: heads.current,
        keptAt: new Date().toISOString(),
      })
      kept.current = true
    } else if (!isSyncing && kept.current) {
      forgetEdit(localStorage, scope, publishedId)
      kept.current = false
    }
  }, [draft, isSyncing, scope, publishedId, documentType])
  return null
}
