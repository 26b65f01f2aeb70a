import {useEffect, useRef} from 'react'
import {useDocumentOperation, useEditState, type SanityDocument} from 'sanity'

import {restoreDelay, restorePatch} from './keptDraft.ts'

/** How long a draft that went away without a failing save is kept: a publish or a discard. */
const FORGET_AFTER_MS = 2000

/**
 * Keeps the editor's unsaved draft when the save that would create it is refused. Sanity retries
 * a refused save of a draft that exists, but when the refused save is the one that creates the
 * draft (the first change to a published document), its buffered document takes the draft for
 * deleted and drops the change from the form and from its queue. While saves fail (`failing`),
 * this puts the last draft the form showed back, after a growing delay so that a lake that keeps
 * refusing is not asked in a loop, until a save goes through.
 */
export function useKeptDraft(publishedId: string, documentType: string, failing: boolean): void {
  const {draft} = useEditState(publishedId, documentType)
  const operations = useDocumentOperation(publishedId, documentType)
  const patch = useRef(operations.patch)
  patch.current = operations.patch
  const last = useRef<SanityDocument | null>(null)
  const kept = useRef<SanityDocument | null>(null)
  const attempts = useRef(0)

  useEffect(() => {
    if (!failing) {
      kept.current = null
      attempts.current = 0
    }
    if (draft) {
      // While a dropped draft waits to be put back, it stays what is kept.
      if (!kept.current) last.current = draft
      return undefined
    }
    if (!failing) {
      const forget = setTimeout(() => {
        last.current = null
      }, FORGET_AFTER_MS)
      return () => clearTimeout(forget)
    }
    const restore = last.current
    if (!restore) return undefined
    kept.current = restore
    const timer = setTimeout(() => {
      if (patch.current.disabled) return
      attempts.current += 1
      patch.current.execute([restorePatch(restore)])
    }, restoreDelay(attempts.current))
    return () => clearTimeout(timer)
  }, [draft, failing])
}
