import {defineQuery} from 'groq'

import {lessonPageFields} from './fields.ts'

/** A lesson page by slug: body with every reference resolved, breadcrumbs, previous and next. */
export const lessonPageQuery = defineQuery(`
  *[_type == "lesson" && slug.current == $slug][0]${lessonPageFields}
`)

/** The same page by document id, for slugs that repeat under different parents. */
export const lessonPageByIdQuery = defineQuery(`
  *[_type == "lesson" && _id == $id][0]${lessonPageFields}
`)

/**
 * The same page for a lesson passed in as `$lesson` (the Studio's unsaved edits), with the
 * references inside it resolved against the dataset.
 */
export const lessonPreviewQuery = defineQuery(`
  $lesson${lessonPageFields}
`)
