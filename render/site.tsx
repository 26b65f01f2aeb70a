import type {
  AllCourseOutlinesQueryResult,
  LessonPageByIdQueryResult,
  ModulePageByIdQueryResult,
  SitePagesQueryResult,
  SiteSectionsQueryResult,
} from '../sanity.types.ts'
import {allCourseOutlinesQuery} from '../queries/courseOutline.ts'
import {lessonPageByIdQuery} from '../queries/lessonPage.ts'
import {modulePageByIdQuery} from '../queries/modulePage.ts'
import {resolveNestedReferences} from '../queries/nestedReferences.ts'
import {sitePagesQuery, siteSectionsQuery} from '../queries/sitePages.ts'
import type {Perspective, QuerySource} from '../queries/source.ts'
import type {RenderOptions} from './context.ts'
import {pageTitle} from './pages/Breadcrumbs.tsx'
import {CoursePage} from './pages/CoursePage.tsx'
import {LessonPage} from './pages/LessonPage.tsx'
import {ModulePage} from './pages/ModulePage.tsx'
import {renderDocument} from './server.tsx'
import {planSitePaths, relativeLinkHref, relativePageHref, type SitePaths} from './sitePaths.ts'

/** One generated file: a path relative to the output folder and its HTML. */
export interface SiteFile {
  path: string
  html: string
}

/** What `buildSite` rendered, plus every missing-component warning it met. */
export interface BuiltSite {
  files: SiteFile[]
  missing: string[]
  /**
   * The uploaded images the pages show from the lake's own origin (`/images/…`): the pages
   * point at `<out>/images/…`, where the caller copies each file.
   */
  assets: string[]
}

/**
 * Renders every course, module and lesson of a source to static HTML with relative links,
 * plus an `index.html` listing the courses.
 */
export async function buildSite(
  source: QuerySource,
  {perspective = 'published'}: {perspective?: Perspective} = {},
): Promise<BuiltSite> {
  const fetch = <R,>(query: string, params: Record<string, unknown> = {}) =>
    source.fetch<R>(query, params, {perspective})
  const [outlines, pages, sections] = await Promise.all([
    fetch<AllCourseOutlinesQueryResult>(allCourseOutlinesQuery).then((found) =>
      resolveNestedReferences(found, fetch),
    ),
    fetch<SitePagesQueryResult>(sitePagesQuery),
    fetch<SiteSectionsQueryResult>(siteSectionsQuery),
  ])
  const paths = planSitePaths(outlines, pages)
  const missing: string[] = []
  const assets = new Set<string>()
  const optionsFor = (folder: string, id?: string): Partial<RenderOptions> => ({
    pageHref: (target) => relativePageHref(paths, folder, target),
    assetHref: (url) => {
      // A hosted asset has its own address; a local one is a path on the lake's origin.
      if (!url.startsWith('/') || url.startsWith('//')) return url
      assets.add(url)
      return `${'../'.repeat(folder.split('/').length)}${url.slice(1)}`
    },
    linkHref: (href) => relativeLinkHref(paths, folder, href, id && paths.sourceUrlOf.get(id)),
    onMissingComponent: (_message, {type, nodeType}) =>
      missing.push(`${folder}: ${nodeType} "${type}"`),
  })
  const file = (folder: string, html: string) => ({path: `${folder}/index.html`, html})
  const files: SiteFile[] = [
    {path: 'index.html', html: renderIndex(outlines, sections ?? [], paths)},
  ]
  for (const outline of outlines) {
    const folder = paths.folders.get(outline._id)!
    const html = renderDocument(
      pageTitle(outline),
      <CoursePage outline={outline} options={optionsFor(folder)} />,
    )
    files.push(file(folder, html))
  }
  for (const page of pages) {
    const folder = paths.folders.get(page._id)!
    if (page._type === 'lesson') {
      const lesson = await fetch<LessonPageByIdQueryResult>(lessonPageByIdQuery, {id: page._id})
      if (!lesson) continue
      await resolveNestedReferences(lesson, fetch)
      const html = renderDocument(
        pageTitle(lesson),
        <LessonPage page={lesson} options={optionsFor(folder, page._id)} />,
      )
      files.push(file(folder, html))
    } else if (page._type === 'module') {
      const module = await fetch<ModulePageByIdQueryResult>(modulePageByIdQuery, {id: page._id})
      if (!module) continue
      await resolveNestedReferences(module, fetch)
      const html = renderDocument(
        pageTitle(module),
        <ModulePage page={module} options={optionsFor(folder, page._id)} />,
      )
      files.push(file(folder, html))
    }
  }
  return {files, missing, assets: [...assets]}
}

/**
 * The index: the courses, then each navigation section under its heading (as the theme does,
 * a heading only when there is more than one section or there are courses before it).
 */
function renderIndex(
  outlines: AllCourseOutlinesQueryResult,
  sections: NonNullable<SiteSectionsQueryResult>,
  paths: SitePaths,
): string {
  const inSection = new Set(sections.flatMap((section) => section.courseIds))
  const byId = new Map(outlines.map((course) => [course._id, course]))
  const list = (courses: AllCourseOutlinesQueryResult) => (
    <ul className="courses">
      {courses.map((course) => (
        <li key={course._id}>
          <a href={relativePageHref(paths, '.', course)}>{pageTitle(course)}</a>
          {course.description && <p className="description">{course.description}</p>}
        </li>
      ))}
    </ul>
  )
  const top = outlines.filter((course) => !inSection.has(course._id))
  const headed = sections.length > 1 || top.length > 0
  return renderDocument(
    'Courses',
    <article>
      <h1>Courses</h1>
      {top.length > 0 && list(top)}
      {sections.map((section) => (
        <section key={section.key} className="nav-section">
          {headed && section.name && <h2>{section.name}</h2>}
          {list(section.courseIds.flatMap((id) => byId.get(id) ?? []))}
        </section>
      ))}
    </article>,
  )
}
