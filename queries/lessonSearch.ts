import {defineQuery} from 'groq'

import {pageLinkFields} from './fields.ts'

/**
 * Lessons matching `$text` (words, `prefix*`), best first: a title hit counts three times
 * a hit in the description or body. Plain `match` + `score()` + `boost()`, which groq-js 2
 * evaluates too (it has no `text::query()`).
 */
export const lessonSearchQuery = defineQuery(`
  *[
    _type == "lesson" &&
    (title match $text || description match $text || pt::text(body) match $text)
  ]
  | score(
      boost(title match $text, 3),
      description match $text,
      pt::text(body) match $text
    )
  | order(_score desc, title asc)
  {
    ${pageLinkFields},
    description,
    _score
  }
`)
