import {AddIcon} from '@sanity/icons/Add'
import {useState, type CSSProperties} from 'react'

import {DOCUMENT_TYPES} from '../schemas/constants.ts'
import type {NewPageType} from './newPage.ts'

const button: CSSProperties = {
  display: 'inline-flex',
  alignItems: 'center',
  gap: '0.25rem',
  padding: '0.4rem 0.6rem',
  font: 'inherit',
  fontSize: '0.8125rem',
  color: 'inherit',
  background: 'var(--card-bg-color, transparent)',
  border: '1px solid var(--card-border-color, #ccc)',
  borderRadius: 4,
  cursor: 'pointer',
}

/**
 * The "New lesson" (and, in a course, "New module") form at the foot of a pane: a title field
 * and one button per page type; the page is created with that title, or "Untitled …".
 */
export function NewPageForm({
  types,
  onCreate,
}: {
  types: readonly NewPageType[]
  onCreate: (type: NewPageType, title: string) => Promise<void>
}) {
  const [title, setTitle] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()

  const create = async (type: NewPageType) => {
    setBusy(true)
    setError(undefined)
    try {
      await onCreate(type, title)
      setTitle('')
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      style={{display: 'grid', gap: '0.5rem', padding: '0.75rem'}}
      onSubmit={(event) => {
        event.preventDefault()
        void create(types[types.length - 1] ?? DOCUMENT_TYPES.lesson)
      }}
    >
      <input
        aria-label="Title of the new page"
        placeholder="Title of the new page (optional)"
        value={title}
        disabled={busy}
        onChange={(event) => setTitle(event.target.value)}
        style={{
          ...button,
          cursor: 'text',
          display: 'block',
          width: '100%',
          boxSizing: 'border-box',
        }}
      />
      <div style={{display: 'flex', gap: '0.5rem', flexWrap: 'wrap'}}>
        {types.map((type) => (
          <button
            key={type}
            type="button"
            disabled={busy}
            style={button}
            onClick={() => void create(type)}
          >
            <AddIcon aria-hidden /> {type === DOCUMENT_TYPES.module ? 'New module' : 'New lesson'}
          </button>
        ))}
      </div>
      {error && (
        <p role="alert" style={{margin: 0, color: 'var(--card-badge-critical-fg-color, #dc2626)'}}>
          Cannot create the page: {error}
        </p>
      )}
    </form>
  )
}
