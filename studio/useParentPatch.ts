import {useCallback} from 'react'
import {useDocumentOperation} from 'sanity'

import type {ArrayPatch} from './reorder.ts'

/**
 * Writes patches to the parent as the form does: into its draft, which the editor publishes.
 * The function throws, saying why, while the document store cannot edit the parent yet.
 */
export function useParentPatch(
  parentId: string,
  parentType: string,
): (patches: ArrayPatch[]) => void {
  const {patch} = useDocumentOperation(parentId, parentType)
  return useCallback(
    (patches: ArrayPatch[]) => {
      if (patch.disabled) {
        throw new Error(
          `Cannot edit the ${parentType} yet (${patch.disabled}), try again in a moment`,
        )
      }
      if (patches.length > 0) patch.execute(patches)
    },
    [patch, parentType],
  )
}
