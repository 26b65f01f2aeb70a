import {describe, expect, it} from 'vitest'

import type {ToolsByCategoryQueryResult} from '../sanity.types.ts'
import {toolsByCategoryQuery} from './toolsByCategory.ts'
import {fetchPublished, fixtureSource} from './testing.ts'

describe('toolsByCategoryQuery', () => {
  it('groups the twelve seed tools by category in order, tools by name, with their lesson', async () => {
    const categories = await fetchPublished<ToolsByCategoryQueryResult>(
      fixtureSource('seed'),
      toolsByCategoryQuery,
    )
    expect(categories.map((category) => category.title)).toEqual([
      'Project Management',
      'Communication',
      'User Research',
      'Analytics',
    ])
    expect(categories[0].tools.map((tool) => tool.name)).toEqual(['Asana', 'Jira', 'Trello'])
    const tools = categories.flatMap((category) => category.tools)
    expect(tools).toHaveLength(12)
    expect(
      tools.every((tool) => tool.lessons[0]?.slug === 'core-responsibilities-of-a-product-manager'),
    ).toBe(true)
  })

  it('answers an empty list on the empty and missing-reference datasets', async () => {
    expect(await fetchPublished(fixtureSource('empty'), toolsByCategoryQuery)).toEqual([])
    expect(await fetchPublished(fixtureSource('missing-references'), toolsByCategoryQuery)).toEqual(
      [],
    )
  })
})
