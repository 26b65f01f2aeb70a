import {Mutation} from '@sanity/mutator'
import {describe, expect, it} from 'vitest'

import {
  appendPatches,
  gapToIndex,
  moveItem,
  referenceToNew,
  reorderPatches,
  type ArrayItem,
  type ArrayPatch,
} from './reorder.ts'

const ref = (key: string): ArrayItem => ({_type: 'reference', _ref: `lesson-${key}`, _key: key})
const lessons = ['a', 'b', 'c', 'd'].map(ref)

/** Applies patches to a module document the way the Content Lake does, returning its lessons' keys. */
function applied(patches: ArrayPatch[], start: ArrayItem[] | null = lessons): string[] {
  const doc = {_id: 'm', _type: 'module', _rev: 'r', ...(start ? {lessons: start} : {})}
  const mutation = new Mutation({mutations: patches.map((patch) => ({patch: {id: 'm', ...patch}}))})
  const result = mutation.apply(doc) as {lessons?: ArrayItem[]}
  return (result.lessons ?? []).map((item) => String(item._key))
}

let counter = 0
const newKey = () => `new${++counter}`

describe('moveItem', () => {
  it('moves an item down and up without losing or duplicating any', () => {
    expect(moveItem(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd'])
    expect(moveItem(['a', 'b', 'c', 'd'], 3, 0)).toEqual(['d', 'a', 'b', 'c'])
  })
})

describe('gapToIndex', () => {
  it('counts the gap below the dragged item as its place once it is taken out', () => {
    expect(gapToIndex(0, 3)).toBe(2)
    expect(gapToIndex(2, 0)).toBe(0)
    expect(gapToIndex(1, 4)).toBe(3)
  })
})

describe('reorderPatches', () => {
  it('moves a lesson down by key: the patched array is the dropped order', () => {
    const patches = reorderPatches('lessons', lessons, 0, 2, newKey)
    expect(patches).toEqual([
      {unset: ['lessons[_key=="a"]']},
      {insert: {after: 'lessons[_key=="c"]', items: [lessons[0]]}},
    ])
    expect(applied(patches)).toEqual(['b', 'c', 'a', 'd'])
  })

  it('moves a lesson to the top by inserting it before the new second item', () => {
    const patches = reorderPatches('lessons', lessons, 3, 0, newKey)
    expect(applied(patches)).toEqual(['d', 'a', 'b', 'c'])
  })

  it('moves the first lesson to the end', () => {
    expect(applied(reorderPatches('lessons', lessons, 0, 3, newKey))).toEqual(['b', 'c', 'd', 'a'])
  })

  it('keeps a lesson another editor added meanwhile, since it addresses items by key', () => {
    const patches = reorderPatches('lessons', lessons, 3, 1, newKey)
    const meanwhile = [ref('x'), ...lessons]
    expect(applied(patches, meanwhile)).toEqual(['x', 'a', 'd', 'b', 'c'])
  })

  it('writes nothing when the item is dropped where it was or out of range', () => {
    expect(reorderPatches('lessons', lessons, 1, 1, newKey)).toEqual([])
    expect(reorderPatches('lessons', lessons, 5, 0, newKey)).toEqual([])
    expect(reorderPatches('lessons', lessons, 0, 4, newKey)).toEqual([])
  })

  it('sets the whole array with new keys when an item has no key', () => {
    const unkeyed = [ref('a'), {_type: 'reference', _ref: 'lesson-b'}, ref('c')]
    const patches = reorderPatches('contents', unkeyed, 2, 0, () => 'k1')
    expect(patches).toEqual([
      {
        set: {
          contents: [ref('c'), ref('a'), {_type: 'reference', _ref: 'lesson-b', _key: 'k1'}],
        },
      },
    ])
  })
})

describe('appendPatches', () => {
  it('appends a reference at the end of an existing array', () => {
    expect(applied(appendPatches('lessons', ref('e')))).toEqual(['a', 'b', 'c', 'd', 'e'])
  })

  it('creates the array when the module has no lessons yet', () => {
    expect(applied(appendPatches('lessons', ref('e')), null)).toEqual(['e'])
  })
})

describe('referenceToNew', () => {
  it('writes a weak reference that the publish makes strong, naming the target type', () => {
    expect(referenceToNew('abc', 'lesson', 'k')).toEqual({
      _type: 'reference',
      _ref: 'abc',
      _key: 'k',
      _weak: true,
      _strengthenOnPublish: {type: 'lesson'},
    })
  })
})
