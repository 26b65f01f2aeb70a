// @vitest-environment jsdom
import {flushSync} from 'react-dom'
import {createRoot, type Root} from 'react-dom/client'
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'

import {fixtureDocuments} from '../../queries/testing.ts'
import {memorySource} from '../../queries/memory.ts'
import type {Perspective} from '../../queries/source.ts'

let dataset = fixtureDocuments('seed')
const fetches: Record<string, unknown>[] = []
const listeners = new Set<{ids: string[]; next: () => void}>()

/** Changes a stored document and tells listeners on it, as the Content Lake would. */
function editStored(id: string, patch: Record<string, unknown>) {
  dataset = dataset.map((doc) => (doc._id === id ? {...doc, ...patch} : doc))
  for (const listener of listeners) if (listener.ids.includes(id)) listener.next()
}

// The Studio's client: queries answered from the current dataset by groq-js, and listeners.
const client = {
  fetch: (query: string, params: Record<string, unknown>, options: {perspective: Perspective}) => {
    fetches.push(params)
    return memorySource(dataset).fetch(query, params, options)
  },
  listen: (_query: string, params: {ids: string[]}) => ({
    subscribe: ({next}: {next: () => void}) => {
      const listener = {ids: params.ids, next}
      listeners.add(listener)
      return {unsubscribe: () => listeners.delete(listener)}
    },
  }),
}
vi.mock('sanity', () => ({useClient: () => client}))

const {LessonPreview} = await import('./LessonPreview.tsx')

const stored = fixtureDocuments('seed').find(
  (doc) => doc._id === 'lesson-core-responsibilities-of-a-product-manager',
)!
const documentId = stored._id

let container: HTMLDivElement
let root: Root

beforeEach(() => {
  // The preview updates after its fetches resolve; the tests wait for the DOM instead of act().
  ;(globalThis as {IS_REACT_ACT_ENVIRONMENT?: boolean}).IS_REACT_ACT_ENVIRONMENT = false
  container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
  fetches.length = 0
  dataset = fixtureDocuments('seed')
})

afterEach(() => {
  root.unmount()
  container.remove()
})

function show(displayed: Record<string, unknown>) {
  const document = {draft: null, published: null, historical: null, displayed}
  flushSync(() => {
    root.render(
      <LessonPreview
        document={document}
        documentId={documentId}
        options={{}}
        schemaType={{} as never}
      />,
    )
  })
}

/** Waits for the preview to show something; vi.waitFor's default second is too short on a busy machine. */
const until = (check: () => void) => vi.waitFor(check, {timeout: 30_000})

describe('LessonPreview', () => {
  it('shows the lesson with its responsibilities and tools resolved', async () => {
    show({...stored, _id: `drafts.${documentId}`})
    await until(() => expect(container.querySelectorAll('li.responsibility')).toHaveLength(12))
    expect(container.querySelectorAll('.tool-table .tool')).toHaveLength(12)
    expect(container.querySelector('.breadcrumbs')?.textContent).toContain(
      'Introduction to Product Management',
    )
    // Parent lookups need the published id, not the draft's.
    expect(fetches[0]).toMatchObject({lesson: {_id: documentId}})
  })

  it('follows the editor: a changed title and body show up without saving', async () => {
    show(stored)
    await until(() => expect(container.querySelector('h1')?.textContent).toContain('Core'))
    const body = stored.body as {_type: string}[]
    show({
      ...stored,
      title: 'Renamed while typing',
      body: [
        {
          _type: 'block',
          _key: 'new',
          style: 'h2',
          markDefs: [],
          children: [{_type: 'span', _key: 's', text: 'Fresh heading', marks: []}],
        },
        ...body,
      ],
    })
    await until(() =>
      expect(container.querySelector('h1')?.textContent).toBe('Renamed while typing 🚀'),
    )
    expect(container.querySelector('h2')?.textContent).toBe('Fresh heading')
  })

  it('follows edits of referenced documents made elsewhere', async () => {
    show(stored)
    await until(() => expect(container.querySelectorAll('li.responsibility')).toHaveLength(12))
    editStored('responsibility-roadmapping', {name: 'Road mapping, renamed'})
    await until(() =>
      expect(container.querySelectorAll('li.responsibility strong')[1]?.textContent).toBe(
        'Road mapping, renamed',
      ),
    )
  })
})
