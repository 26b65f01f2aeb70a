import {defineQuery} from 'groq'

import {pageLinkFields} from './fields.ts'

/**
 * The pages internal links point at and the image assets images show, by id: what the page
 * queries' own projections give them, for those they did not reach (see
 * {@link resolveNestedReferences}).
 */
export const referenceTargetsQuery = defineQuery(`{
  "pages": *[_id in $pages]{${pageLinkFields}},
  "assets": *[_id in $assets]{_id, url, "dimensions": metadata.dimensions}
}`)

/** Runs a query with parameters, as each caller's source does (its perspective included). */
export type ReferenceFetch = <R>(query: string, params: Record<string, unknown>) => Promise<R>

/** A stored object with a reference: `reference` (an internal link) or `asset` (an image). */
type Referring = Record<string, unknown> & {reference?: {_ref?: unknown}; asset?: {_ref?: unknown}}

/**
 * The objects the projections resolve, by type: the member holding the reference, and the field
 * a projection gives them (`target`, `url`), whose presence says it reached them.
 */
const KINDS = new Map([
  ['internalLink', {from: 'reference', field: 'target'}],
  ['image', {from: 'asset', field: 'url'}],
  ['inlineImage', {from: 'asset', field: 'url'}],
] as const)

/** Objects in need of a page (links) or an asset (images), by the id each refers to. */
interface Unprojected {
  pages: Map<string, Referring[]>
  assets: Map<string, Referring[]>
}

/**
 * Every internal link and image in `value` that no projection resolved, by the id it refers to:
 * those in content nested deeper than a GROQ projection reaches (a definition list in a
 * definition in a definition, as a course schedule nests its days), which come back as stored.
 * One a projection did reach has its fields (`target`, `url`), `null` when what it refers to is
 * gone.
 */
export function unprojectedReferences(value: unknown): Unprojected {
  const found: Unprojected = {pages: new Map(), assets: new Map()}
  const stack: unknown[] = [value]
  while (stack.length > 0) {
    const node = stack.pop()
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item)
      continue
    }
    if (node === null || typeof node !== 'object') continue
    const object = node as Referring
    const kind = typeof object._type === 'string' ? KINDS.get(object._type as never) : undefined
    const ref = kind && !(kind.field in object) ? object[kind.from]?._ref : undefined
    if (kind && typeof ref === 'string') {
      const byId = kind.from === 'reference' ? found.pages : found.assets
      const referring = byId.get(ref)
      if (referring) referring.push(object)
      else byId.set(ref, [object])
    }
    for (const member of Object.values(object)) stack.push(member)
  }
  return found
}

/**
 * Resolves, in place, the internal links and images of `value` that the query which returned
 * it could not reach (GROQ projections do not recurse), with one more query for all of them:
 * each gets what its projection would have given it (a link its `target`, an image its `url`
 * and `dimensions`), `null` when what it refers to is gone. Returns `value`. Queries nothing
 * when the projections reached everything.
 */
export async function resolveNestedReferences<T>(value: T, fetch: ReferenceFetch): Promise<T> {
  const {pages, assets} = unprojectedReferences(value)
  if (pages.size === 0 && assets.size === 0) return value
  const found = await fetch<{
    pages: Array<{_id: string}>
    assets: Array<{_id: string; url: string | null; dimensions: unknown}>
  }>(referenceTargetsQuery, {pages: [...pages.keys()], assets: [...assets.keys()]})
  const pageById = new Map(found.pages.map((page) => [page._id, page]))
  for (const [id, links] of pages) for (const link of links) link.target = pageById.get(id) ?? null
  const assetById = new Map(found.assets.map((asset) => [asset._id, asset]))
  for (const [id, images] of assets) {
    const asset = assetById.get(id)
    for (const image of images) {
      image.url = asset?.url ?? null
      if (image._type === 'image') image.dimensions = asset?.dimensions ?? null
    }
  }
  return value
}
