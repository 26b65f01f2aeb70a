import {allCourseOutlinesQuery, courseOutlineQuery} from './courseOutline.ts'
import {lessonPageByIdQuery, lessonPageQuery, lessonPreviewQuery} from './lessonPage.ts'
import {lessonSearchQuery} from './lessonSearch.ts'
import {modulePageByIdQuery, modulePageQuery, modulePreviewQuery} from './modulePage.ts'
import {responsibilitiesByAreaQuery} from './responsibilitiesByArea.ts'
import {sitePagesQuery} from './sitePages.ts'
import {toolsByCategoryQuery} from './toolsByCategory.ts'

export {allCourseOutlinesQuery, courseOutlineQuery} from './courseOutline.ts'
export {lessonPageByIdQuery, lessonPageQuery, lessonPreviewQuery} from './lessonPage.ts'
export {lessonSearchQuery} from './lessonSearch.ts'
export {modulePageByIdQuery, modulePageQuery, modulePreviewQuery} from './modulePage.ts'
export {responsibilitiesByAreaQuery} from './responsibilitiesByArea.ts'
export {sitePagesQuery} from './sitePages.ts'
export {toolsByCategoryQuery} from './toolsByCategory.ts'
export type {Perspective, QuerySource} from './source.ts'

/** Every named query, keyed by its name without the `Query` suffix (`npm run query -- lessonPage`). */
export const namedQueries = {
  courseOutline: courseOutlineQuery,
  allCourseOutlines: allCourseOutlinesQuery,
  lessonPage: lessonPageQuery,
  lessonPageById: lessonPageByIdQuery,
  lessonPreview: lessonPreviewQuery,
  modulePage: modulePageQuery,
  modulePageById: modulePageByIdQuery,
  modulePreview: modulePreviewQuery,
  responsibilitiesByArea: responsibilitiesByAreaQuery,
  toolsByCategory: toolsByCategoryQuery,
  lessonSearch: lessonSearchQuery,
  sitePages: sitePagesQuery,
} as const

/** A name of `namedQueries`. */
export type QueryName = keyof typeof namedQueries

/** Whether `name` is the name of a registered query. */
export function isQueryName(name: string): name is QueryName {
  return Object.hasOwn(namedQueries, name)
}
