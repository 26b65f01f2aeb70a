import {DocumentTextIcon} from '@sanity/icons/DocumentText'
import {DragHandleIcon} from '@sanity/icons/DragHandle'
import {FolderIcon} from '@sanity/icons/Folder'
import {useRef, type ComponentType, type DragEvent, type ReactNode} from 'react'
import type {ChildLinkProps} from 'sanity/structure'

import {DOCUMENT_TYPES} from '../schemas/constants.ts'
import {rowTitle, type ChildRow} from './childPages.ts'

const FOCUS = 'var(--card-focus-ring-color, #2276fc)'

/**
 * One module or lesson in a course or module pane: a drag handle (Alt+↑/↓ moves it too) and a
 * link that opens the page in the next pane. A line above or below shows where a drop lands.
 */
export function ChildPageRow(props: {
  row: ChildRow
  index: number
  last: boolean
  selected: boolean
  dropGap: number | null
  onDragStart: () => void
  /** Shows where a drop would land; false when the dragged thing is not a row of this pane. */
  onDragOverGap: (gap: number) => boolean
  onDrop: (gap: number) => void
  onDragEnd: () => void
  onMove: (to: number) => void
  ChildLink: ComponentType<ChildLinkProps>
}) {
  const {row, index, ChildLink} = props
  const item = useRef<HTMLLIElement>(null)
  const title = rowTitle(row)
  const Icon = row.page?.type === DOCUMENT_TYPES.module ? FolderIcon : DocumentTextIcon
  const status = row.page
    ? `${row.page.type === DOCUMENT_TYPES.module ? 'Module' : 'Lesson'}${row.page.published ? '' : ' · not published yet'}`
    : row.loading
      ? ''
      : 'The reference points at no document; open the details to remove it.'
  const content: ReactNode = (
    <span style={{display: 'flex', alignItems: 'center', gap: '0.5rem', minWidth: 0}}>
      <Icon aria-hidden style={{flex: 'none', fontSize: '1.25rem'}} />
      <span style={{minWidth: 0}}>
        <span style={{display: 'block', fontWeight: 500}}>{title}</span>
        <span style={{display: 'block', fontSize: '0.75rem', opacity: 0.7}}>{status}</span>
      </span>
    </span>
  )
  // The gap above this row when the pointer is in its upper half, else the gap below it.
  const gapAt = (event: DragEvent<HTMLElement>) => {
    const box = event.currentTarget.getBoundingClientRect()
    return event.clientY < box.top + box.height / 2 ? index : index + 1
  }
  const line = (on: boolean) => `2px solid ${on ? FOCUS : 'transparent'}`

  return (
    <li
      ref={item}
      data-testid="child-page-row"
      data-key={row.key}
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: '0.25rem',
        borderTop: line(props.dropGap === index),
        borderBottom: line(props.last && props.dropGap === index + 1),
        borderRadius: 4,
        background: props.selected ? 'var(--card-muted-bg-color, #eef)' : 'transparent',
      }}
      onDragOver={(event) => {
        // Accepting the drop (preventDefault) only for a row dragged from this pane.
        if (!props.onDragOverGap(gapAt(event))) return
        event.preventDefault()
        event.dataTransfer.dropEffect = 'move'
      }}
      onDrop={(event) => {
        event.preventDefault()
        props.onDrop(gapAt(event))
      }}
    >
      <button
        type="button"
        draggable
        aria-label={`Move "${title}": drag, or press Alt+Up or Alt+Down`}
        title="Drag to reorder (Alt+↑/↓ with the keyboard)"
        style={{
          display: 'flex',
          padding: '0.5rem 0.25rem',
          color: 'inherit',
          background: 'none',
          border: 0,
          cursor: 'grab',
          fontSize: '1.25rem',
        }}
        onDragStart={(event) => {
          event.dataTransfer.effectAllowed = 'move'
          event.dataTransfer.setData('text/plain', row.key)
          if (item.current) event.dataTransfer.setDragImage(item.current, 16, 16)
          props.onDragStart()
        }}
        onDragEnd={props.onDragEnd}
        onKeyDown={(event) => {
          if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return
          event.preventDefault()
          props.onMove(event.key === 'ArrowUp' ? index - 1 : index + 1)
        }}
      >
        <DragHandleIcon aria-hidden />
      </button>
      <div style={{flex: 1, minWidth: 0, padding: '0.4rem 0.25rem'}}>
        {row.item._ref && row.page ? (
          <ChildLink childId={row.item._ref}>{content}</ChildLink>
        ) : (
          content
        )}
      </div>
    </li>
  )
}
