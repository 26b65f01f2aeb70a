import {defineQuery} from 'groq'

import {bodyFields, pageLinkFields, titleHeadingField} from './fields.ts'

/** The projection of a module page: its own content, its lessons and its course. */
const modulePageFields = /* groq */ `{
  ${pageLinkFields},
  description,
  ${titleHeadingField},
  body[]{${bodyFields}},
  "lessons": lessons[]->{${pageLinkFields}, description},
  "course": *[_type == "course" && ^._id in contents[]._ref][0]{${pageLinkFields}}
}`

/** A module page by slug. */
export const modulePageQuery = defineQuery(`
  *[_type == "module" && slug.current == $slug][0]${modulePageFields}
`)

/** A module page by document id. */
export const modulePageByIdQuery = defineQuery(`
  *[_type == "module" && _id == $id][0]${modulePageFields}
`)

/** The same page for a module passed in as `$module` (the Studio's unsaved edits). */
export const modulePreviewQuery = defineQuery(`
  $module${modulePageFields}
`)
