import {describe, expect, it} from 'vitest'

import {excludeRejected} from './exclude.ts'
import {sampleDocs} from './testing/sampleDocs.ts'

describe('excludeRejected', () => {
  it('leaves out a rejected lesson and keeps its module and course, without the dangling reference', () => {
    const docs = sampleDocs({lessons: 3})
    const {kept, excluded, notes} = excludeRejected(
      docs,
      new Map([['lesson-1', 'bad code block']]),
      {
        describe: (id) => `${id}.md`,
      },
    )
    expect(excluded).toEqual([{id: 'lesson-1', reason: 'bad code block'}])
    expect(kept.map((doc) => doc._id)).toEqual(
      docs.map((doc) => doc._id).filter((id) => id !== 'lesson-1'),
    )
    const module = kept.find((doc) => doc._id === 'module-main')
    expect((module?.lessons as {_ref: string}[]).map((ref) => ref._ref)).toEqual([
      'lesson-0',
      'lesson-2',
    ])
    expect(notes).toEqual([
      expect.objectContaining({
        id: 'module-main',
        target: 'lesson-1',
        message: expect.stringContaining('without its reference to lesson-1 (lesson-1.md)'),
      }),
    ])
    // The weak `next` link of lesson-0 may point at a missing document; it stays.
    expect(kept.find((doc) => doc._id === 'lesson-0')?.next).toBeDefined()
  })

  it('keeps a rejected document that must always be written, and changes nothing else', () => {
    const docs = sampleDocs({lessons: 2})
    const {kept, excluded} = excludeRejected(docs, new Map([['module-main', 'too long']]), {
      alwaysWrite: (doc) => doc._type === 'module',
    })
    expect(excluded).toEqual([])
    expect(kept).toEqual(docs)
  })
})
