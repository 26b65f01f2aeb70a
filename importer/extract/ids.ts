import {hash} from '../body/keys.ts'

/** A slug: lowercase letters and digits joined by single hyphens ("Google Analytics" → "google-analytics"). */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\+/g, ' plus ')
    .replace(/#/g, ' sharp ')
    .replace(/[^\p{Ll}\p{Lo}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
}

/**
 * A deterministic, dot-free document id from a type and a name (`tool-jira`), so the same
 * name on any page is the same document. Names that are not plain ASCII get a hash suffix.
 */
export function documentId(type: string, name: string): string {
  const slug = slugify(name)
  const ascii = slug
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
  if (ascii === slug && ascii !== '') return `${type}-${ascii}`
  return `${type}-${ascii ? ascii + '-' : ''}${hash(name.trim().toLowerCase())}`
}

/** A Sanity reference to a document id. */
export function reference(id: string): {_type: 'reference'; _ref: string} {
  return {_type: 'reference', _ref: id}
}
