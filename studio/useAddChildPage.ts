import {useCallback} from 'react'
import {useClient} from 'sanity'
import {useRouter} from 'sanity/router'
import {usePaneRouter} from 'sanity/structure'

import {newArrayKey, newDocumentId, newPageFields, type NewPageType} from './newPage.ts'
import {appendPatches, referenceToNew, type ChildArrayField} from './reorder.ts'
import {useParentPatch} from './useParentPatch.ts'
import {STUDIO_API_VERSION} from './env.ts'

/**
 * Creates a page below a course or module: a draft of the new document (the action the Studio
 * sends for a new document), a reference appended to the parent's array as a draft edit of the
 * parent, and the new page opened in the next pane.
 */
export function useAddChildPage(
  parentId: string,
  parentType: string,
  field: ChildArrayField,
): (type: NewPageType, typedTitle: string) => Promise<void> {
  const client = useClient({apiVersion: STUDIO_API_VERSION})
  const patchParent = useParentPatch(parentId, parentType)
  const router = useRouter()
  const {routerPanesState, groupIndex} = usePaneRouter()
  return useCallback(
    async (type: NewPageType, typedTitle: string) => {
      // Fails now, before the page exists, if the parent cannot take the reference yet.
      patchParent([])
      const id = newDocumentId()
      await client.action(
        {
          actionType: 'sanity.action.document.create',
          publishedId: id,
          attributes: {_id: `drafts.${id}`, _type: type, ...newPageFields(type, typedTitle)},
          ifExists: 'fail',
        },
        {tag: 'structure.add-child-page'},
      )
      patchParent(appendPatches(field, referenceToNew(id, type, newArrayKey())))
      // What the pane's child links do: keep the panes up to this one, open the new page next.
      router.navigate({panes: [...routerPanesState.slice(0, groupIndex + 1), [{id}]]})
    },
    [client, patchParent, field, router, routerPanesState, groupIndex],
  )
}
