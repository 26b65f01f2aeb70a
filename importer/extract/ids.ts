import {hash} from '../body/keys.ts'
import {slugify} from '../slug.ts'

/**
 * A deterministic, dot-free document id from a type and a name (`tool-jira`), so the same
 * name on any page is the same document. Names that are not plain ASCII get a hash suffix.
 */
export function documentId(type: string, name: string): string {
  // Ids fold accents away ("Séance" → "seance"), so they stay readable ASCII where possible.
  const slug = slugify(name.normalize('NFKD').replace(/\p{M}/gu, ''))
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
