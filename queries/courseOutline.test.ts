import {describe, expect, it} from 'vitest'

import type {AllCourseOutlinesQueryResult, CourseOutlineQueryResult} from '../sanity.types.ts'
import {allCourseOutlinesQuery, courseOutlineQuery} from './courseOutline.ts'
import type {Perspective} from './source.ts'
import {fetchPublished, fixtureSource} from './testing.ts'

describe('courseOutlineQuery', () => {
  it('lists the modules and their lessons in array order with slugs and emoji', async () => {
    const outline = await fetchPublished<CourseOutlineQueryResult>(
      fixtureSource('seed'),
      courseOutlineQuery,
      {slug: 'foundations-of-product-management'},
    )
    expect(outline).toMatchObject({title: 'Foundations of Product Management', emoji: '📚'})
    const [module] = outline?.contents ?? []
    expect(module).toMatchObject({_type: 'module', slug: 'introduction-to-product-management'})
    expect(module?._type === 'module' && module.lessons?.map((l) => [l.slug, l.emoji])).toEqual([
      ['what-is-product-management', null],
      ['core-responsibilities-of-a-product-manager', '🚀'],
    ])
  })

  it('keeps a missing module as null and still lists the lesson placed directly in the course', async () => {
    const outline = await fetchPublished<CourseOutlineQueryResult>(
      fixtureSource('missing-references'),
      courseOutlineQuery,
      {slug: 'broken-course'},
    )
    expect(outline?.contents?.map((item) => item?._type ?? null)).toEqual([null, 'lesson'])
  })

  it("lists every course in the site document's order, then the courses it leaves out by title", async () => {
    const titles = async (perspective: Perspective) =>
      (
        await fixtureSource('site-order').fetch<AllCourseOutlinesQueryResult>(
          allCourseOutlinesQuery,
          {},
          {perspective},
        )
      ).map((course) => course.title)
    // The missing course and the lesson the site document points at are left out.
    expect(await titles('published')).toEqual(['Zoology', 'Biology', 'Art', 'Chemistry'])
    // An editor's unpublished reordering shows in the drafts perspective only.
    expect(await titles('drafts')).toEqual(['Biology', 'Zoology', 'Art', 'Chemistry'])
  })

  it('lists the seed course through the site document', async () => {
    const outlines = await fetchPublished<AllCourseOutlinesQueryResult>(
      fixtureSource('seed'),
      allCourseOutlinesQuery,
    )
    expect(outlines.map((course) => course.slug)).toEqual(['foundations-of-product-management'])
  })

  it('answers null on the empty dataset and an empty list of all courses', async () => {
    const empty = fixtureSource('empty')
    expect(await fetchPublished(empty, courseOutlineQuery, {slug: 'x'})).toBeNull()
    expect(
      await fetchPublished<AllCourseOutlinesQueryResult>(empty, allCourseOutlinesQuery),
    ).toEqual([])
  })
})
