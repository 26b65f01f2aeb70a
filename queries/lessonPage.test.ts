import {describe, expect, it} from 'vitest'

import type {LessonPageQueryResult, LessonPreviewQueryResult} from '../sanity.types.ts'
import {lessonPageByIdQuery, lessonPageQuery, lessonPreviewQuery} from './lessonPage.ts'
import {memorySource} from './memory.ts'
import {resolveNestedReferences} from './nestedReferences.ts'
import {fetchPublished, fixtureDocuments, fixtureSource} from './testing.ts'

type Page = NonNullable<LessonPageQueryResult>
type Item = Page['body'] extends Array<infer I> | null ? I : never
type Section = Extract<Item, {_type: 'responsibilitySection'}>
type ToolTable = Extract<Item, {_type: 'toolTable'}>

const seed = fixtureSource('seed')

/** A lesson whose id is its slug, with `body` when given. */
const lesson = (id: string, title: string, body?: unknown[]) => ({
  _id: id,
  _type: 'lesson',
  title,
  slug: {current: id},
  ...(body ? {body} : {}),
})

/** A paragraph of `text`, linked to the page `link` when given. */
const block = (key: string, text: string, link?: string) => ({
  _type: 'block',
  _key: key,
  style: 'normal',
  markDefs: link
    ? [{_type: 'internalLink', _key: 'l', reference: {_type: 'reference', _ref: link}}]
    : [],
  children: [{_type: 'span', _key: `${key}s`, text, marks: link ? ['l'] : []}],
})
const SEED_SLUG = 'core-responsibilities-of-a-product-manager'

describe('lessonPageQuery', () => {
  it('resolves four responsibility sections of three responsibilities with their areas', async () => {
    const page = await fetchPublished<LessonPageQueryResult>(seed, lessonPageQuery, {
      slug: SEED_SLUG,
    })
    const sections = (page?.body ?? []).filter(
      (item): item is Section => item._type === 'responsibilitySection',
    )
    expect(sections.map((s) => [s.area?.title, s.area?.emoji])).toEqual([
      ['Product Vision and Strategy', '🌟'],
      ['Execution', '🛠️'],
      ['User Research and Feedback', '🕵️♀️'],
      ['Balancing Act', '🤹♀️'],
    ])
    expect(sections.map((s) => s.responsibilities?.length)).toEqual([3, 3, 3, 3])
    expect(sections[0].responsibilities?.[1]?.name).toBe('Roadmapping')
    expect(sections[0].responsibilities?.[1]?.description?.[0]).toMatchObject({_type: 'block'})
  })

  it('resolves the tool table to four categories of three tools', async () => {
    const page = await fetchPublished<LessonPageQueryResult>(seed, lessonPageQuery, {
      slug: SEED_SLUG,
    })
    const table = page?.body?.find((item): item is ToolTable => item._type === 'toolTable')
    expect(
      table?.rows?.map((row) => [row.category?.title, row.tools?.map((t) => t?.name)]),
    ).toEqual([
      ['Project Management', ['Jira', 'Trello', 'Asana']],
      ['Communication', ['Slack', 'Microsoft Teams', 'Zoom']],
      ['User Research', ['SurveyMonkey', 'UserTesting', 'Hotjar']],
      ['Analytics', ['Google Analytics', 'Mixpanel', 'Amplitude']],
    ])
  })

  it('gives breadcrumbs from course to module and the previous lesson by array order', async () => {
    const page = await fetchPublished<LessonPageQueryResult>(seed, lessonPageQuery, {
      slug: SEED_SLUG,
    })
    expect(
      page?.breadcrumbs.map((crumb) => crumb?._type && `${crumb._type}:${crumb.slug}`),
    ).toEqual([
      'course:foundations-of-product-management',
      'module:introduction-to-product-management',
    ])
    expect(page?.previous?.slug).toBe('what-is-product-management')
    // The seed's next page is not in the dataset: no lesson, the source address is kept.
    expect(page?.nextLesson).toBeNull()
    expect(page?.next).toMatchObject({label: 'Next: Types of Product Managers 👉', lesson: null})
    expect(page?.next?.href).toMatch(/types-of-product-managers\/$/)
  })

  it('resolves internal links to the target slug and type, and next from next.lesson', async () => {
    const page = await fetchPublished<LessonPageQueryResult>(seed, lessonPageQuery, {
      slug: 'what-is-product-management',
    })
    const block = page?.body?.[0]
    const targets =
      block?._type === 'block'
        ? block.markDefs?.map((def) => def._type === 'internalLink' && def.target)
        : []
    expect(targets).toEqual([
      expect.objectContaining({_type: 'lesson', slug: SEED_SLUG}),
      expect.objectContaining({_type: 'module', slug: 'introduction-to-product-management'}),
    ])
    expect(page?.nextLesson?.slug).toBe(SEED_SLUG)
    expect(page?.previous).toBeNull()
  })

  it('finds the same page by id', async () => {
    const byId = await fetchPublished(seed, lessonPageByIdQuery, {
      id: 'lesson-core-responsibilities-of-a-product-manager',
    })
    const bySlug = await fetchPublished(seed, lessonPageQuery, {slug: SEED_SLUG})
    expect(byId).toEqual(bySlug)
  })

  it('resolves the references of an unsaved lesson passed as $lesson', async () => {
    const stored = fixtureDocuments('seed').find(
      (doc) => doc._id === 'lesson-core-responsibilities-of-a-product-manager',
    )
    const edited = {...stored, title: 'Edited title'}
    const page = (await fetchPublished(seed, lessonPreviewQuery, {
      lesson: edited,
    })) as LessonPreviewQueryResult as LessonPageQueryResult
    expect(page?.title).toBe('Edited title')
    expect(page?.breadcrumbs).toHaveLength(2)
    const table = page?.body?.find((item): item is ToolTable => item._type === 'toolTable')
    expect(table?.rows?.[0].tools?.[0]?.name).toBe('Jira')
  })

  it('answers null for an unknown slug and on the empty dataset', async () => {
    expect(await fetchPublished(seed, lessonPageQuery, {slug: 'no-such-lesson'})).toBeNull()
    expect(
      await fetchPublished(fixtureSource('empty'), lessonPageQuery, {slug: SEED_SLUG}),
    ).toBeNull()
  })

  it('keeps missing references as nulls instead of failing', async () => {
    const page = await fetchPublished<LessonPageQueryResult>(
      fixtureSource('missing-references'),
      lessonPageQuery,
      {slug: 'lesson-with-missing-references'},
    )
    const [block, section, table] = page?.body ?? []
    expect(block?._type === 'block' && block.markDefs?.[0]).toMatchObject({
      _type: 'internalLink',
      target: null,
    })
    expect(section?._type === 'responsibilitySection' && section.area).toBeNull()
    expect(
      section?._type === 'responsibilitySection' &&
        section.responsibilities?.map((r) => r?.name ?? null),
    ).toEqual(['Kept Responsibility', null])
    expect(table?._type === 'toolTable' && table.rows?.[0]).toMatchObject({
      category: null,
      tools: [expect.objectContaining({name: 'Kept Tool'}), null],
    })
    expect(page?.nextLesson).toBeNull()
    // The course lists a missing module first; the lesson sits directly in the course.
    expect(page?.breadcrumbs.map((crumb) => crumb?.slug)).toEqual(['broken-course'])
  })

  it("resolves the links in a definition list's own definitions, as a schedule nests them", async () => {
    const source = memorySource([
      lesson('lecture-1', 'Lecture 1'),
      lesson('week-1', 'Week 1', [
        {
          _type: 'definitionList',
          _key: 'd',
          items: [
            {
              _type: 'definitionListItem',
              _key: 'i',
              term: [block('t', 'Mon Apr 3')],
              definition: [
                block('lecture', 'Lecture: Introduction'),
                {
                  _type: 'definitionList',
                  _key: 'n',
                  items: [
                    {
                      _type: 'definitionListItem',
                      _key: 'ni',
                      term: [],
                      definition: [block('notes', 'Lecture Notes', 'lecture-1')],
                    },
                  ],
                },
              ],
            },
          ],
        },
      ]),
    ])
    const page = await fetchPublished<LessonPageQueryResult>(source, lessonPageByIdQuery, {
      id: 'week-1',
    })
    expect(JSON.stringify(page?.body)).toContain(
      '"target":{"_id":"lecture-1","_type":"lesson","title":"Lecture 1","emoji":null,"slug":"lecture-1"}',
    )
  })

  it('resolves the links inside a collapsible section inside another, and its rich summary', async () => {
    const source = memorySource([
      lesson('step', 'Step'),
      lesson('steps', 'Steps', [
        {
          _type: 'details',
          _key: 'outer',
          summary: [block('os', 'Steps', 'step')],
          body: [
            {
              _type: 'details',
              _key: 'inner',
              summary: [block('is', 'Request', 'step')],
              body: [block('ib', 'Send the request', 'step')],
            },
          ],
        },
      ]),
    ])
    const page = await fetchPublished<LessonPageQueryResult>(source, lessonPageByIdQuery, {
      id: 'steps',
    })
    const target =
      '"target":{"_id":"step","_type":"lesson","title":"Step","emoji":null,"slug":"step"}'
    const inner = JSON.stringify((page?.body?.[0] as {body?: unknown[]} | undefined)?.body?.[0])
    expect(inner).toContain('"text":"Request"')
    expect(inner.split(target)).toHaveLength(3)
  })
})

describe('links nested deeper than the lesson page query reaches', () => {
  /** A definition list of one item whose definition is `definition`. */
  const list = (key: string, definition: unknown[]) => ({
    _type: 'definitionList',
    _key: key,
    items: [{_type: 'definitionListItem', _key: `${key}i`, term: [], definition}],
  })
  /** A schedule as a course writes it: date, then event, then readings, each a list in the last. */
  const schedule = (reading: unknown) =>
    lesson('schedule', 'Schedule', [list('date', [list('event', [list('reading', [reading])])])])
  /** Every object of `type` in the page (a copy, as it is now). */
  const objectsIn = (page: unknown, type: string) => {
    const found: unknown[] = []
    JSON.stringify(page, (_key, value: unknown) => {
      if ((value as {_type?: unknown} | null)?._type === type) found.push({...(value as object)})
      return value
    })
    return found
  }
  const linksIn = (page: unknown) => objectsIn(page, 'internalLink')

  it('come back from the query without their page, and one more query gives it to them', async () => {
    const source = memorySource([lesson('books', 'Books'), schedule(block('r', '[M1]', 'books'))])
    const fetch = <R>(query: string, params: Record<string, unknown>) =>
      fetchPublished<R>(source, query, params)
    const page = await fetch<LessonPageQueryResult>(lessonPageByIdQuery, {id: 'schedule'})
    expect(linksIn(page)).toEqual([expect.not.objectContaining({target: expect.anything()})])
    await resolveNestedReferences(page, fetch)
    expect(linksIn(page)).toEqual([
      expect.objectContaining({
        target: {_id: 'books', _type: 'lesson', title: 'Books', emoji: null, slug: 'books'},
      }),
    ])
  })

  it("pass over objects whose type names a property of every object ('toString'), querying nothing", async () => {
    const queries: string[] = []
    const fetch = <R>(query: string) => {
      queries.push(query)
      return Promise.resolve([] as R)
    }
    const page = {
      body: [
        {_type: 'toString', _key: 'a'},
        {_type: 'constructor', _key: 'b'},
      ],
    }
    await expect(resolveNestedReferences(page, fetch)).resolves.toBe(page)
    expect(queries).toEqual([])
  })

  it('include images, which get their file and size as the projection gives them', async () => {
    const asset = {
      _id: 'image-cover-4x3-png',
      _type: 'sanity.imageAsset',
      url: '/images/cover.png',
      metadata: {dimensions: {width: 4, height: 3, aspectRatio: 4 / 3}},
    }
    const image = (key: string) => ({
      _type: 'image',
      _key: key,
      asset: {_type: 'reference', _ref: asset._id},
    })
    const source = memorySource([asset, schedule(image('deep'))])
    const fetch = <R>(query: string, params: Record<string, unknown>) =>
      fetchPublished<R>(source, query, params)
    const page = await fetch<LessonPageQueryResult>(lessonPageByIdQuery, {id: 'schedule'})
    expect(objectsIn(page, 'image')).toEqual([
      expect.not.objectContaining({url: expect.anything()}),
    ])
    await resolveNestedReferences(page, fetch)
    expect(objectsIn(page, 'image')).toEqual([
      expect.objectContaining({url: '/images/cover.png', dimensions: asset.metadata.dimensions}),
    ])
  })

  it('show a link to a page that is gone as unresolved, and cost no query when none is nested', async () => {
    const source = memorySource([schedule(block('r', '[M1]', 'deleted'))])
    const queries: string[] = []
    const fetch = <R>(query: string, params: Record<string, unknown>) => {
      queries.push(query)
      return fetchPublished<R>(source, query, params)
    }
    const page = await resolveNestedReferences(
      await fetch<LessonPageQueryResult>(lessonPageByIdQuery, {id: 'schedule'}),
      fetch,
    )
    expect(linksIn(page)).toEqual([expect.objectContaining({target: null})])
    expect(queries).toHaveLength(2)
    await resolveNestedReferences(page, fetch)
    expect(queries).toHaveLength(2)
  })
})
