import {useRef, useState, type ComponentProps} from 'react'
import type {UserComponent} from 'sanity/structure'
import {usePaneRouter} from 'sanity/structure'

import {DOCUMENT_TYPES} from '../schemas/constants.ts'
import {ChildPageRow} from './ChildPageRow.tsx'
import {childField} from './childPages.ts'
import {newArrayKey} from './newPage.ts'
import {NewPageForm} from './NewPageForm.tsx'
import {gapToIndex, reorderPatches} from './reorder.ts'
import {useAddChildPage} from './useAddChildPage.ts'
import {useParentPatch} from './useParentPatch.ts'
import {useChildPages} from './useChildPages.ts'

/** What the structure passes a course or module pane: whose children it lists. */
export interface ChildPagesOptions {
  parentId: string
  parentType: typeof DOCUMENT_TYPES.course | typeof DOCUMENT_TYPES.module
}

/** The child id of the pane's "Course details"/"Module details" item. */
export const detailsChildId = (parentId: string) => `${parentId}-details`

const SCOPE = 'child-pages-pane'
// The pane router's links are plain anchors; here they read as list items, not underlined links.
const style = `.${SCOPE} a {display: block; color: inherit; text-decoration: none}`

/**
 * A course or module pane where the editor orders: its details, then its modules and lessons in
 * array order, each opening in the next pane; drag a handle (or Alt+↑/↓ on it) to reorder, and
 * "New lesson"/"New module" to add a page at the end. Every change is a draft edit of the parent.
 */
export function ChildPagesPane(props: ComponentProps<UserComponent>) {
  const {parentId, parentType} = props.options as unknown as ChildPagesOptions
  const field = childField(parentType)
  const {rows, ready, hasDraft, error} = useChildPages(parentId, parentType, field)
  const patchParent = useParentPatch(parentId, parentType)
  const addChild = useAddChildPage(parentId, parentType, field)
  const {ChildLink} = usePaneRouter()
  // The dragged row's key (a ref: a drop must not depend on a render; a key, since another
  // editor may change the array mid-drag) and the gap the drop line shows.
  const dragged = useRef<string | null>(null)
  const [gap, setGap] = useState<number | null>(null)
  const endDrag = () => {
    dragged.current = null
    setGap(null)
  }
  const [moveError, setMoveError] = useState<string>()

  const move = (from: number, to: number) => {
    const items = rows.map((row) => row.item)
    const patches = reorderPatches(field, items, from, to, newArrayKey)
    if (patches.length === 0) return
    try {
      setMoveError(undefined)
      patchParent(patches)
    } catch (failure) {
      setMoveError(failure instanceof Error ? failure.message : String(failure))
    }
  }
  const isModule = parentType === DOCUMENT_TYPES.module
  const details = detailsChildId(parentId)

  return (
    <section
      className={SCOPE}
      aria-label={isModule ? 'Lessons of this module' : 'Contents of this course'}
      style={{fontSize: '0.875rem'}}
    >
      <style>{style}</style>
      <div
        style={{
          margin: '0.25rem 0.5rem',
          borderRadius: 4,
          background:
            props.childItemId === details ? 'var(--card-muted-bg-color, #eef)' : 'transparent',
        }}
      >
        <ChildLink childId={details}>
          <span style={{display: 'block', padding: '0.6rem 0.75rem'}}>
            {isModule ? 'Module details' : 'Course details'}
            {hasDraft && (
              <span style={{display: 'block', fontSize: '0.75rem', opacity: 0.7}}>
                Unpublished changes: publish the {parentType} here to put them on the site
              </span>
            )}
          </span>
        </ChildLink>
      </div>
      <hr style={{border: 0, borderTop: '1px solid var(--card-border-color, #ddd)', margin: 0}} />
      {!ready && <p style={{padding: '0.75rem', margin: 0}}>Loading…</p>}
      {ready && rows.length === 0 && (
        <p style={{padding: '0.75rem', margin: 0, opacity: 0.7}}>
          No {isModule ? 'lessons' : 'modules or lessons'} yet: add one below.
        </p>
      )}
      <ol
        aria-label={isModule ? 'Lessons in reading order' : 'Modules and lessons in reading order'}
        style={{listStyle: 'none', margin: 0, padding: '0.25rem 0.5rem'}}
        onDragLeave={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setGap(null)
        }}
      >
        {rows.map((row, index) => (
          <ChildPageRow
            key={row.key}
            row={row}
            index={index}
            last={index === rows.length - 1}
            selected={Boolean(row.item._ref) && props.childItemId === row.item._ref}
            dropGap={gap}
            onDragStart={() => {
              dragged.current = row.key
              setGap(null)
            }}
            onDragOverGap={(over) => {
              if (dragged.current === null) return false
              setGap(over)
              return true
            }}
            onDrop={(dropGap) => {
              // From the drop itself: the last dragover's state may not have rendered yet.
              const from = rows.findIndex((candidate) => candidate.key === dragged.current)
              if (from >= 0) move(from, gapToIndex(from, dropGap))
              endDrag()
            }}
            onDragEnd={endDrag}
            onMove={(to) => move(index, to)}
            ChildLink={ChildLink}
          />
        ))}
      </ol>
      {(error || moveError) && (
        <p role="alert" style={{margin: '0 0.75rem', color: '#dc2626'}}>
          {moveError ?? `Cannot load the titles: ${error}`}
        </p>
      )}
      <NewPageForm
        types={isModule ? [DOCUMENT_TYPES.lesson] : [DOCUMENT_TYPES.module, DOCUMENT_TYPES.lesson]}
        onCreate={addChild}
      />
    </section>
  )
}
