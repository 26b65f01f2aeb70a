import {defineQuery} from 'groq'

import {listedCourses, unlistedCourses} from './siteOrder.ts'

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
  ...${unlistedCourses}${sitePageFields},
  ...*[_type in ["module", "lesson"]] | order(_type asc, _id asc)${sitePageFields}
]`)
