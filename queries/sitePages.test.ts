import {describe, expect, it} from 'vitest'

import type {SitePagesQueryResult} from '../sanity.types.ts'
import {sitePagesQuery} from './sitePages.ts'
import {fetchPublished, fixtureSource} from './testing.ts'

describe('sitePagesQuery', () => {
  it("lists courses in the site document's order, then unlisted courses by title, then modules and lessons", async () => {
    const pages = await fetchPublished<SitePagesQueryResult>(
      fixtureSource('site-order'),
      sitePagesQuery,
    )
    expect(pages.map((page) => `${page._type} ${page.slug}`)).toEqual([
      'course zoology',
      'course biology',
      'course art',
      'course chemistry',
      'lesson stray-lesson',
    ])
  })

  it('lists every page of the seed once, with its source path', async () => {
    const pages = await fetchPublished<SitePagesQueryResult>(fixtureSource('seed'), sitePagesQuery)
    expect(pages.map((page) => page._type)).toEqual(['course', 'lesson', 'lesson', 'module'])
    expect(new Set(pages.map((page) => page._id)).size).toBe(pages.length)
  })
})
