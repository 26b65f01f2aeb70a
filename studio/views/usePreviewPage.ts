import {useEffect, useState} from 'react'
import {useClient} from 'sanity'
import {resolveNestedReferences} from '../../queries/nestedReferences.ts'
import {STUDIO_API_VERSION} from '../env.ts'

/** Wait this long after the last keystroke before asking for references again. */
const DEBOUNCE_MS = 250

/** What a preview shows: the resolved page, or why there is none yet. */
export type PreviewState<T> =
  | {status: 'loading'; page: T | null}
  | {status: 'ready'; page: T | null}
  | {status: 'error'; page: T | null; message: string}

/** Every document id the value references (`_ref`), sorted, without duplicates. */
export function referencedIds(value: unknown): string[] {
  const ids = new Set<string>()
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit)
    else if (node && typeof node === 'object') {
      const ref = (node as {_ref?: unknown})._ref
      if (typeof ref === 'string') ids.add(ref)
      Object.values(node).forEach(visit)
    }
  }
  visit(value)
  return [...ids].sort()
}

/**
 * The document being edited, with its references resolved by `query` (which projects
 * `$<param>`), refreshed shortly after every edit and whenever a referenced document (or
 * its draft) changes. The document takes its published id so parent lookups
 * (`^._id in lessons[]._ref`) find its course and module.
 */
export function usePreviewPage<T>(
  query: string,
  param: string,
  displayed: Record<string, unknown>,
  documentId: string,
): PreviewState<T> {
  const client = useClient({apiVersion: STUDIO_API_VERSION})
  const [state, setState] = useState<PreviewState<T>>({status: 'loading', page: null})
  const serialized = JSON.stringify({...displayed, _id: documentId})
  const [revision, setRevision] = useState(0)
  const references = referencedIds(displayed).join(',')
  useEffect(() => {
    if (!references) return undefined
    const ids = references.split(',').flatMap((id) => [id, `drafts.${id}`])
    const subscription = client
      .listen(
        '*[_id in $ids]',
        {ids},
        {events: ['mutation'], includeResult: false, visibility: 'query'},
      )
      .subscribe({
        next: () => setRevision((count) => count + 1),
        // A lost listener only means edits elsewhere show after the next keystroke here.
        error: () => undefined,
      })
    return () => subscription.unsubscribe()
  }, [client, references])
  useEffect(() => {
    const controller = new AbortController()
    const timer = setTimeout(() => {
      client
        .fetch<T>(
          query,
          {[param]: JSON.parse(serialized)},
          {perspective: 'drafts', signal: controller.signal},
        )
        // Links nested deeper than the query's projections reach, resolved by one more query.
        .then((page) =>
          resolveNestedReferences(page, (linkQuery, params) =>
            client.fetch(linkQuery, params, {perspective: 'drafts', signal: controller.signal}),
          ),
        )
        .then((page) => setState({status: 'ready', page}))
        .catch((error: Error) => {
          if (controller.signal.aborted) return
          setState((previous) => ({status: 'error', page: previous.page, message: error.message}))
        })
    }, DEBOUNCE_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [client, query, param, serialized, revision])
  return state
}
