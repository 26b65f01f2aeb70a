import {createHash} from 'node:crypto'

import {OBJECT_TYPES} from '../../schemas/constants.ts'
import {asciiSlug, shortHash} from './ids.ts'

/** Front-matter keys the document expresses through its own fields and structure. */
export const MODELLED_KEYS = [
  'title',
  'description',
  'nav_order',
  'parent',
  'grand_parent',
  'ancestor',
]

/** A front-matter key with no field, as stored in `source.frontMatter`. */
export interface FrontMatterItem {
  _key: string
  _type: typeof OBJECT_TYPES.frontMatterEntry
  key: string
  value: string
}

/** SHA-256 of the page file as read, so a sync can tell whether the source changed. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** The keys that place a page in the navigation, which its parent's array models. */
const PLACING_KEYS = ['parent', 'grand_parent', 'ancestor']

/**
 * The front-matter keys the model has no field for, in source order, each value as JSON.
 * `description` is only modelled when it is text; any other value is kept here. A page no
 * parent lists (`unlisted`) keeps `parent`, `grand_parent` and `ancestor` too: no array holds
 * its place, and without them an export would make it a course.
 */
export function frontMatterEntries(
  data: Record<string, unknown>,
  unlisted = false,
): FrontMatterItem[] {
  return Object.entries(data)
    .filter(([key, value]) => {
      if (key === 'description') return typeof value !== 'string'
      if (unlisted && PLACING_KEYS.includes(key)) return true
      return !MODELLED_KEYS.includes(key)
    })
    .map(([key, value]) => {
      const plain = /^[a-zA-Z0-9_-]+$/.test(key)
      return {
        _key: plain ? key : `${asciiSlug(key) || 'key'}-${shortHash(key)}`,
        _type: OBJECT_TYPES.frontMatterEntry,
        key,
        value: JSON.stringify(value) ?? 'null',
      }
    })
}
