import {describe, expect, it} from 'vitest'

import type {ResponsibilitiesByAreaQueryResult} from '../sanity.types.ts'
import {responsibilitiesByAreaQuery} from './responsibilitiesByArea.ts'
import {fetchPublished, fixtureSource} from './testing.ts'

describe('responsibilitiesByAreaQuery', () => {
  it('groups the twelve seed responsibilities under four areas in order, with their lesson', async () => {
    const areas = await fetchPublished<ResponsibilitiesByAreaQueryResult>(
      fixtureSource('seed'),
      responsibilitiesByAreaQuery,
    )
    expect(areas.map((area) => area.title)).toEqual([
      'Product Vision and Strategy',
      'Execution',
      'User Research and Feedback',
      'Balancing Act',
    ])
    expect(areas[1].responsibilities.map((r) => r.name)).toEqual([
      'Collaboration',
      'Project Management',
      'Iteration',
    ])
    const lessons = areas.flatMap((area) => area.responsibilities.flatMap((r) => r.lessons))
    expect(lessons).toHaveLength(12)
    expect(new Set(lessons.map((lesson) => lesson.slug))).toEqual(
      new Set(['core-responsibilities-of-a-product-manager']),
    )
  })

  it("resolves the internal links in an area's rich-text intro to their page", async () => {
    const [area] = await fetchPublished<ResponsibilitiesByAreaQueryResult>(
      fixtureSource('all-blocks'),
      responsibilitiesByAreaQuery,
    )
    const markDefs = area.intro?.flatMap((block) => block.markDefs ?? []) ?? []
    expect(markDefs).toMatchObject([
      {_type: 'link', href: 'https://example.com/plans'},
      {_type: 'internalLink', target: {_type: 'lesson', slug: 'nested-parent'}},
    ])
  })

  it('answers an empty list when no area exists', async () => {
    expect(await fetchPublished(fixtureSource('empty'), responsibilitiesByAreaQuery)).toEqual([])
    // A responsibility whose area is missing has no group to appear in.
    expect(
      await fetchPublished(fixtureSource('missing-references'), responsibilitiesByAreaQuery),
    ).toEqual([])
  })
})
