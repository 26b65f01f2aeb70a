import {describe, expect, it} from 'vitest'

import {restoreDelay, restorePatch} from './keptDraft.ts'

describe('keptDraft', () => {
  it("puts back a draft's own fields, not the ones the lake sets", () => {
    expect(
      restorePatch({
        _id: 'drafts.a',
        _type: 'lesson',
        _rev: 'r1',
        _createdAt: 'then',
        _updatedAt: 'now',
        title: 'Changed',
        body: [{_key: 'p'}],
      }),
    ).toEqual({set: {title: 'Changed', body: [{_key: 'p'}]}})
  })

  it('puts the draft back at once the first time, then waits longer each time up to 15 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(restoreDelay)).toEqual([
      0, 1000, 2000, 4000, 8000, 15_000, 15_000,
    ])
  })
})
