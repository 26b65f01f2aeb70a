import {defineQuery} from 'groq'

import {bodyFields, pageLinkFields, titleHeadingField} from './fields.ts'
import {listedCourses, sectionCourses, unlistedCourses} from './siteOrder.ts'

/** A lesson in an outline, with up to two levels of sub-lessons (deeper pages are rare). */
const outlineLessonFields = /* groq */ `
  ${pageLinkFields},
  description,
  "lessons": lessons[]->{
    ${pageLinkFields},
    description,
    "lessons": lessons[]->{${pageLinkFields}, description}
  }
`

/** The outline fields of a course: its own page content, its modules and lessons in reading order. */
const courseOutlineFields = /* groq */ `{
  ${pageLinkFields},
  description,
  ${titleHeadingField},
  "body": body[]{${bodyFields}},
  "contents": contents[]->{
    ${pageLinkFields},
    description,
    _type == "module" => {
      "lessons": lessons[]->{${outlineLessonFields}}
    },
    _type == "lesson" => {${outlineLessonFields}}
  }
}`

/** One course by slug with its modules and lessons in order, with slugs and emoji. */
export const courseOutlineQuery = defineQuery(`
  *[_type == "course" && slug.current == $slug][0]${courseOutlineFields}
`)

/** Every course with its outline, in the site document's order, then unlisted courses by title. */
export const allCourseOutlinesQuery = defineQuery(`[
  ...${listedCourses}${courseOutlineFields},
  ...${sectionCourses}${courseOutlineFields},
  ...${unlistedCourses}${courseOutlineFields}
]`)
