import {describe, expect, it} from 'vitest'

import {
  decideRestore,
  forgetEdit,
  keepEdit,
  keptEdit,
  keptEdits,
  ownFields,
  restoreMutation,
  type KeptEdit,
} from './keptEdits.ts'

const kept: KeptEdit = {
  publishedId: 'lesson-a',
  type: 'lesson',
  title: 'Mine',
  fields: {_type: 'lesson', title: 'Mine', body: [{_key: 'p', text: 'x'}]},
  base: {draftRev: 'r1', publishedRev: 'p1'},
  keptAt: '2026-11-30T20:00:00.000Z',
}
const draft = (rev: string, fields: Record<string, unknown>) => ({
  _id: 'drafts.lesson-a',
  _rev: rev,
  _updatedAt: 'now',
  _type: 'lesson',
  ...fields,
})
const published = {_id: 'lesson-a', _rev: 'p1', _type: 'lesson', title: 'Published'}

/** A Storage over a Map, as localStorage behaves. */
function memoryStorage(): Storage {
  const items = new Map<string, string>()
  return {
    get length() {
      return items.size
    },
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
  }
}

describe('kept edits', () => {
  it('puts edits back when the lake holds what they were made on', () => {
    expect(decideRestore(kept, draft('r1', {title: 'Before'}), published)).toBe('restore')
    expect(
      decideRestore({...kept, base: {draftRev: null, publishedRev: 'p1'}}, null, published),
    ).toBe('restore')
  })

  it('forgets edits the lake already holds, whatever their revision', () => {
    expect(
      decideRestore(
        kept,
        draft('r9', {body: [{text: 'x', _key: 'p'}], title: 'Mine', _createdAt: 'then'}),
        published,
      ),
    ).toBe('saved')
  })

  it('leaves the choice to the editor when the draft or the published document changed since', () => {
    expect(decideRestore(kept, draft('r2', {title: 'Theirs'}), published)).toBe('changed')
    expect(decideRestore(kept, null, published)).toBe('changed')
    expect(decideRestore(kept, draft('r1', {}), {...published, _rev: 'p2'})).toBe('changed')
    expect(
      decideRestore(
        {...kept, base: {draftRev: null, publishedRev: 'p1'}},
        draft('r5', {}),
        published,
      ),
    ).toBe('changed')
  })

  it('writes them back guarded: a patch at the revision read, or a create that fails on a draft', () => {
    expect(restoreMutation(kept, draft('r1', {title: 'Before', note: 'gone'}))).toEqual({
      patch: {
        id: 'drafts.lesson-a',
        ifRevisionID: 'r1',
        unset: ['note'],
        set: {title: 'Mine', body: [{_key: 'p', text: 'x'}]},
      },
    })
    expect(restoreMutation(kept, null)).toEqual({
      create: {
        _id: 'drafts.lesson-a',
        _type: 'lesson',
        title: 'Mine',
        body: [{_key: 'p', text: 'x'}],
      },
    })
  })

  it('keeps one entry per document and scope, and lists them oldest first', () => {
    const storage = memoryStorage()
    keepEdit(storage, 'local.production', {...kept, keptAt: '2026-11-30T20:05:00.000Z'})
    keepEdit(storage, 'local.production', {...kept, publishedId: 'b'})
    keepEdit(storage, 'local.other', {...kept, publishedId: 'c'})
    storage.setItem('course-lake:kept-edits:local.production:broken', '{')
    expect(keptEdits(storage, 'local.production').map((one) => one.publishedId)).toEqual([
      'b',
      'lesson-a',
    ])
    expect(keptEdit(storage, 'local.production', 'lesson-a')?.keptAt).toBe(
      '2026-11-30T20:05:00.000Z',
    )
    expect(keptEdit(storage, 'local.production', 'broken')).toBeNull()
    expect(keptEdit(storage, 'local.production', 'c')).toBeNull()
    forgetEdit(storage, 'local.production', 'b')
    expect(keptEdits(storage, 'local.production').map((one) => one.publishedId)).toEqual([
      'lesson-a',
    ])
  })

  it("takes a document's own fields, not the ones the lake sets", () => {
    expect(ownFields(draft('r1', {title: 'T', _createdAt: 'then'}))).toEqual({
      _type: 'lesson',
      title: 'T',
    })
  })
})
