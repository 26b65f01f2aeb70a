import {describe, expect, it} from 'vitest'

import type {LessonSearchQueryResult} from '../sanity.types.ts'
import {lessonSearchQuery} from './lessonSearch.ts'
import {fetchPublished, fixtureSource} from './testing.ts'

const seed = fixtureSource('seed')
const search = (text: string) =>
  fetchPublished<LessonSearchQueryResult>(seed, lessonSearchQuery, {text})

describe('lessonSearchQuery', () => {
  it('finds lessons by words of their body text', async () => {
    const hits = await search('multifaceted')
    expect(hits.map((hit) => hit.slug)).toEqual(['core-responsibilities-of-a-product-manager'])
    expect(hits[0]._score).toBeGreaterThan(0)
  })

  it('ranks a title match above a body-only match', async () => {
    // Both lessons say "product"; only one says "responsibilities" in its title.
    const hits = await search('responsibilities')
    expect(hits.map((hit) => hit.slug)).toEqual([
      'core-responsibilities-of-a-product-manager',
      'what-is-product-management',
    ])
    expect(hits[0]._score).toBeGreaterThan(hits[1]._score)
  })

  it('matches word prefixes with a trailing star', async () => {
    expect((await search('multifac*')).length).toBe(1)
  })

  it('answers an empty list when nothing matches and on the empty dataset', async () => {
    expect(await search('zyzzyva')).toEqual([])
    expect(
      await fetchPublished(fixtureSource('empty'), lessonSearchQuery, {text: 'product'}),
    ).toEqual([])
  })
})
