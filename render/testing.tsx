import {lessonPageQuery} from '../queries/lessonPage.ts'
import {resolveNestedReferences} from '../queries/nestedReferences.ts'
import {fetchPublished, fixtureSource, type FixtureName} from '../queries/testing.ts'
import type {RenderOptions} from './context.ts'
import {LessonPage} from './pages/LessonPage.tsx'
import {renderDocument} from './server.tsx'
import type {LessonPage as LessonPageData} from './types.ts'

/** A lesson page of a fixture dataset, as the query returns it. */
export async function fixtureLesson(fixture: FixtureName, slug: string): Promise<LessonPageData> {
  const source = fixtureSource(fixture)
  const page = await fetchPublished<LessonPageData | null>(source, lessonPageQuery, {slug})
  if (!page)
    throw new Error(
      `Cannot find lesson "${slug}", expected it in queries/fixtures/${fixture}.ndjson`,
    )
  return resolveNestedReferences(page, (query, params) => fetchPublished(source, query, params))
}

/** The HTML of a fixture lesson page, plus every missing-component warning raised. */
export async function renderFixtureLesson(
  fixture: FixtureName,
  slug: string,
  options: Partial<RenderOptions> = {},
): Promise<{html: string; missing: string[]}> {
  const missing: string[] = []
  const page = await fixtureLesson(fixture, slug)
  const html = renderDocument(
    page.title,
    <LessonPage
      page={page}
      options={{
        ...options,
        onMissingComponent: (_message, {type, nodeType}) => missing.push(`${nodeType}:${type}`),
      }}
    />,
  )
  return {html, missing}
}
