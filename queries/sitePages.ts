import {defineQuery} from 'groq'

import {listedCourses, sectionCourses, unlistedCourses} from './siteOrder.ts'

/** The fields a site needs of a page to plan its path. */
const sitePageFields = /* groq */ `{
  _id,
  _type,
  title,
  "slug": slug.current,
  "sourcePath": source.path
}`

/**
 * Every course (in the site document's order), module and lesson with its slug and source file,
 * for building a site's paths.
 */
export const sitePagesQuery = defineQuery(`[
  ...${listedCourses}${sitePageFields},
  ...${sectionCourses}${sitePageFields},
  ...${unlistedCourses}${sitePageFields},
  ...*[_type in ["module", "lesson"]] | order(_type asc, _id asc)${sitePageFields}
]`)

/**
 * The site's navigation sections (Jekyll collections the theme shows after the pages), each
 * with its heading and the ids of its courses in order.
 */
export const siteSectionsQuery = defineQuery(`*[_type == "site"][0].collections[]{
  key,
  name,
  navFold,
  "courseIds": coalesce(courses[]._ref, [])
}`)
