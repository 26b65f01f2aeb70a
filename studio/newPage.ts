import {slugify} from '../importer/slug.ts'
import {DOCUMENT_TYPES} from '../schemas/constants.ts'

/** The page types a course or module pane can create. */
export type NewPageType = typeof DOCUMENT_TYPES.module | typeof DOCUMENT_TYPES.lesson

/** The title a new page gets when the editor typed none. */
export function untitled(type: NewPageType): string {
  return type === DOCUMENT_TYPES.module ? 'Untitled module' : 'Untitled lesson'
}

/**
 * The fields a page created in a pane starts with: the typed title (or "Untitled lesson"), and
 * the slug the schema requires, made from it by the importer's rule so the two agree. A second
 * untitled page gets the same slug, which the slug field's uniqueness check flags in the form.
 */
export function newPageFields(
  type: NewPageType,
  typedTitle: string,
): {title: string; slug: {_type: 'slug'; current: string}} {
  const title = typedTitle.trim() || untitled(type)
  const current = slugify(title) || slugify(untitled(type))
  return {title, slug: {_type: 'slug', current}}
}

/** A new document id: a UUID, dot-free so the published document is publicly readable. */
export function newDocumentId(): string {
  return crypto.randomUUID()
}

/** A new array item `_key`: twelve random hex digits, as the Studio's keys look. */
export function newArrayKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6))
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}
