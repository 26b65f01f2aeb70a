import {describe, expect, it} from 'vitest'

import {importHash, isUnchangedSinceImport} from './hash.ts'
import {patchMutation} from './mutations.ts'

const doc = {
  _id: 'lesson-a',
  _type: 'lesson',
  title: 'A',
  body: [{_type: 'block', _key: 'k', children: [{_type: 'span', _key: 's', text: 'x'}]}],
  source: {path: 'a.md'},
}

/** What a patch sets, as the document it leaves (system fields aside). */
const setBy = (mutation: ReturnType<typeof patchMutation>) =>
  ({_id: doc._id, _type: doc._type, ...(mutation as {patch: {set: object}}).patch.set}) as Record<
    string,
    unknown
  >

describe('a patch of an imported document', () => {
  it('stamps the import hash of what it sets, the document’s own when the plan gives none', () => {
    const set = setBy(patchMutation(doc, 'r1', [], '2026-12-04T00:00:00Z'))
    expect((set.source as {importHash: string}).importHash).toBe(importHash(doc))
    expect(isUnchangedSinceImport(set)).toBe(true)
  })

  it('stamps the hash the plan computed, not one computed again', () => {
    const planned = importHash(doc)
    const mutation = patchMutation(doc, 'r1', ['old'], '2026-12-04T00:00:00Z', planned)
    expect((setBy(mutation).source as {importHash: string}).importHash).toBe(planned)
    // Another hash given is the one written: the plan's is taken as it is.
    const other = patchMutation(doc, 'r1', [], '2026-12-04T00:00:00Z', 'v1:00:00')
    expect((setBy(other).source as {importHash: string}).importHash).toBe('v1:00:00')
    expect(mutation).toMatchObject({patch: {id: 'lesson-a', ifRevisionID: 'r1', unset: ['old']}})
  })
})
