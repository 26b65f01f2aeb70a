import {execFile} from 'node:child_process'
import {readFile, rm} from 'node:fs/promises'
import {join} from 'node:path'
import {promisify} from 'node:util'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {
  AllCourseOutlinesQueryResult,
  LessonPageQueryResult,
  LessonSearchQueryResult,
  ResponsibilitiesByAreaQueryResult,
  ToolsByCategoryQueryResult,
} from '../sanity.types.ts'
import {
  allCourseOutlinesQuery,
  lessonPageQuery,
  lessonSearchQuery,
  responsibilitiesByAreaQuery,
  toolsByCategoryQuery,
} from './index.ts'
import {memorySource, parseNdjson} from './memory.ts'
import type {QuerySource} from './source.ts'
import {fetchPublished} from './testing.ts'
import {scratchDir} from '../testing/artifacts.ts'

const root = join(import.meta.dirname, '..')
const SEED_SLUG = 'core-responsibilities-of-a-product-manager'

describe('the queries on the seed content imported by npm run import', () => {
  let dir: string
  let source: QuerySource

  beforeAll(async () => {
    dir = await scratchDir('imported-')
    const out = join(dir, 'seed.ndjson')
    await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'scripts/import.ts', '--out', out],
      {cwd: root},
    )
    source = memorySource(parseNdjson(await readFile(out, 'utf8'), out))
  })

  afterAll(async () => {
    await rm(dir, {recursive: true, force: true})
  })

  it('outline the course, its module and the seed lesson in order', async () => {
    const [course, ...others] = await fetchPublished<AllCourseOutlinesQueryResult>(
      source,
      allCourseOutlinesQuery,
    )
    expect(others).toEqual([])
    expect(course.title).toBe('Foundations of Product Management')
    // The order comes from the site document, which lists the placeholder course.
    expect(
      await fetchPublished(source, '*[_type == "site"]{_id, title, "courses": courses[]->title}'),
    ).toEqual([{_id: 'site', title: 'Product Management Courses', courses: [course.title]}])
    const [module] = course.contents ?? []
    expect(module?._type === 'module' && module.lessons?.map((lesson) => lesson.slug)).toEqual([
      SEED_SLUG,
    ])
  })

  it('resolve the lesson page: 4 sections of 3 responsibilities, 4 tool rows of 3, breadcrumbs', async () => {
    const page = await fetchPublished<LessonPageQueryResult>(source, lessonPageQuery, {
      slug: SEED_SLUG,
    })
    const body = page?.body ?? []
    const sections = body.flatMap((item) => (item._type === 'responsibilitySection' ? [item] : []))
    expect(sections.map((s) => s.responsibilities?.filter((r) => r?.name).length)).toEqual([
      3, 3, 3, 3,
    ])
    expect(sections.every((section) => section.area?.title)).toBe(true)
    const table = body.find((item) => item._type === 'toolTable')
    expect(
      table?._type === 'toolTable' && table.rows?.map((row) => row.tools?.filter(Boolean).length),
    ).toEqual([3, 3, 3, 3])
    expect(page?.breadcrumbs.map((crumb) => crumb?._type)).toEqual(['course', 'module'])
    expect(page?.next?.label).toBe('Next: Types of Product Managers 👉')
  })

  it('group 12 responsibilities and 12 tools, each used by the seed lesson', async () => {
    const areas = await fetchPublished<ResponsibilitiesByAreaQueryResult>(
      source,
      responsibilitiesByAreaQuery,
    )
    const responsibilities = areas.flatMap((area) => area.responsibilities)
    expect(responsibilities).toHaveLength(12)
    expect(responsibilities.every((r) => r.lessons.map((l) => l.slug).includes(SEED_SLUG))).toBe(
      true,
    )
    const categories = await fetchPublished<ToolsByCategoryQueryResult>(
      source,
      toolsByCategoryQuery,
    )
    const tools = categories.flatMap((category) => category.tools)
    expect(tools).toHaveLength(12)
    expect(tools.every((tool) => tool.lessons.map((l) => l.slug).includes(SEED_SLUG))).toBe(true)
  })

  it('find the seed lesson by words of its text and title', async () => {
    for (const text of ['multifaceted', 'responsibilities', 'manag*']) {
      const hits = await fetchPublished<LessonSearchQueryResult>(source, lessonSearchQuery, {text})
      expect(hits.map((hit) => hit.slug)).toEqual([SEED_SLUG])
    }
  })
})
