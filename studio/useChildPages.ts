import {useEffect, useMemo, useState} from 'react'
import {useDocumentStore, useEditState} from 'sanity'

import {childRows, pagesById, type ChildRow, type PageInfo} from './childPages.ts'
import type {ChildArrayField} from './reorder.ts'
import {STUDIO_API_VERSION} from './env.ts'

/**
 * The rows of a course or module pane, live. The order is the parent's array as the document
 * store holds it (the draft when there is one): the same buffered document the form edits, so a
 * drop shows at once and another editor's reorder arrives through the store's listener. Titles
 * come from a `listenQuery` on the listed pages, so renaming a lesson anywhere shows here too.
 */
export function useChildPages(
  parentId: string,
  parentType: string,
  field: ChildArrayField,
): {rows: ChildRow[]; ready: boolean; hasDraft: boolean; error?: string} {
  const editState = useEditState(parentId, parentType)
  const parent = editState.draft ?? editState.published
  const items: unknown = parent?.[field]
  const ids = useMemo(() => referencedIds(items), [items])
  const idsKey = ids.join(',')
  const documentStore = useDocumentStore()
  // The pages and the ids they were fetched for, so a row added meanwhile reads as loading.
  const [fetched, setFetched] = useState<{key: string; pages: ReadonlyMap<string, PageInfo>}>({
    key: '',
    pages: new Map(),
  })
  const [error, setError] = useState<string>()

  useEffect(() => {
    const listed = idsKey ? idsKey.split(',') : []
    if (listed.length === 0) return undefined
    const params = {ids: listed, drafts: listed.map((id) => `drafts.${id}`)}
    const filter = '*[_id in $ids || _id in $drafts]'
    const subscription = documentStore
      .listenQuery({fetch: `${filter}{_id, _type, title, emoji}`, listen: filter}, params, {
        apiVersion: STUDIO_API_VERSION,
        perspective: 'raw',
      })
      .subscribe({
        next: (docs: Parameters<typeof pagesById>[0]) => {
          setFetched({key: idsKey, pages: pagesById(docs)})
          setError(undefined)
        },
        error: (failure: unknown) =>
          setError(failure instanceof Error ? failure.message : String(failure)),
      })
    return () => subscription.unsubscribe()
  }, [documentStore, idsKey])

  const rows = useMemo(
    () => childRows(items, fetched.pages, fetched.key === idsKey),
    [items, fetched, idsKey],
  )
  return {
    rows,
    ready: editState.ready,
    hasDraft: Boolean(editState.draft),
    ...(error ? {error} : {}),
  }
}

/** The distinct `_ref`s of an array, sorted, so the query only restarts when the set changes. */
function referencedIds(items: unknown): string[] {
  if (!Array.isArray(items)) return []
  const refs = items
    .map((item: {_ref?: unknown} | null) => item?._ref)
    .filter((ref): ref is string => typeof ref === 'string' && ref !== '')
  return [...new Set(refs)].sort()
}
