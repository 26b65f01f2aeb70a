import {parse} from 'groq-js'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {startTestLake} from '../test-lake.ts'
import {matchesQuery} from '../groq/tasks.ts'
import {idsSelected, isLinearFilter} from './filter.ts'
import {openStream} from './stream.test-support.ts'

describe('isLinearFilter', () => {
  const linear = [
    '*[_id in $ids]',
    '*[_type == "lesson" && !(_id in path("drafts.**"))]',
    '*[_type in ["a", "b"] && defined(slug.current) && title match "intro*"]',
    '*[references($id) || string::startsWith(_id, "versions.")]',
    '*',
  ]
  const costly = [
    '*[count(items[count(^.items) > 0]) > 0]',
    '*[_type == "x"]{title}',
    '*[count(*[_type == "y"]) > 0]',
    '*[tags[].name match "x"]',
    '*[author->name == "x"]',
  ]
  for (const query of linear) {
    it(`evaluates on the event loop: ${query}`, () => {
      expect(isLinearFilter(parse(query, {params: {ids: [], id: 'a'}}))).toBe(true)
    })
  }
  for (const query of costly) {
    it(`sends to the query workers: ${query}`, () => {
      expect(isLinearFilter(parse(query))).toBe(false)
    })
  }
})

describe('idsSelected', () => {
  const params = {id: 'a', publishedId: 'a', draftId: 'drafts.a', ids: ['b', 'c', 3]}
  const byId: Array<[string, string[] | null]> = [
    ['*[_id in [$id, "drafts." + $id]]', ['a', 'drafts.a']],
    ['*[_id == $publishedId || _id == $draftId]', ['a', 'drafts.a']],
    ['*[(@._id == "x") || _id in $ids]', ['x', 'b', 'c']],
    ['*[_id in path("drafts.**")]', null],
    ['*[_id == title]', null],
    ['*[_id == $id && _type == "t"]', null],
    ['*[_type == "t" || _id == $id]', null],
    ['*[_id in "abc"]', null],
    ['*[_id == $id]{title}', null],
  ]
  const docs = ['a', 'drafts.a', 'b', 'c', 'x', 'drafts.x', '3'].map((id) => ({
    _id: id,
    _type: 't',
    title: 'a',
  }))
  for (const [query, expected] of byId) {
    it(`matches by id only what GROQ selects: ${query}`, async () => {
      const ids = idsSelected(parse(query, {params}), params)
      expect(ids && [...ids]).toEqual(expected)
      if (!ids) return
      for (const doc of docs) {
        expect(ids.has(doc._id)).toBe(await matchesQuery({query, params}, doc))
      }
    })
  }
})

let t: Awaited<ReturnType<typeof startTestLake>>
beforeAll(async () => {
  t = await startTestLake({queries: {timeoutMs: 300}})
})
afterAll(() => t.stop())

describe('a listener whose filter costs too much', () => {
  it('is ended with a channelError at the time budget, while other listeners get their events', async () => {
    const costly = '*[count(items[count(^.items[count(^.^.items) > 0]) > 0]) > 0]'
    const url = (query: string) =>
      `${t.lake.httpUrl}/v2025-02-19/data/listen/test?query=${encodeURIComponent(query)}`
    const slow = await openStream(url(costly), t.auth)
    const plain = await openStream(url('*[_type == "big"]'), t.auth)
    await slow.until((text) => text.includes('event: welcome'))
    await plain.until((text) => text.includes('event: welcome'))
    const items = Array.from({length: 400}, (_, n) => n)
    await t.client.create({_id: 'big', _type: 'big', items})
    const slowText = await slow.until((text) => text.includes('event: channelError'))
    const plainText = await plain.until((text) => text.includes('event: mutation'))
    slow.close()
    plain.close()
    expect(slowText).toContain('queryTimeoutError')
    expect(slowText).not.toContain('event: mutation')
    expect(plainText).toContain('"documentId":"big"')
  })
})
