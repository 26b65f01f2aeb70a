import {LakeError} from '../errors.ts'
import {publishedId} from '../ids.ts'
import type {Doc} from '../store/types.ts'

/** A perspective as a list of layers, most important first: release ids, `drafts`, `published`. */
export type Perspective = 'raw' | string[]

/**
 * Reads the `perspective` query parameter (`raw`, `published`, `drafts`, or `r1,drafts`). Without
 * one, API versions from 2025-02-19 on read `published`, older ones `raw`, as Sanity's API does.
 */
export function parsePerspective(value: unknown, apiVersion: string | null = null): Perspective {
  if (value === undefined || value === null || value === '') {
    const dated = apiVersion !== null && /^\d{4}-\d{2}-\d{2}$/.test(apiVersion)
    return (dated && apiVersion >= '2025-02-19') || apiVersion === 'X' ? [] : 'raw'
  }
  if (value === 'raw') return 'raw'
  const raw = Array.isArray(value) ? value.map(String) : String(value).split(',')
  const layers = raw.map((layer) => layer.trim()).filter(Boolean)
  const normalized = layers.map((layer) => (layer === 'previewDrafts' ? 'drafts' : layer))
  if (normalized.includes('raw')) {
    throw new LakeError(400, 'validationError', 'Cannot combine "raw" with other perspectives')
  }
  return normalized.filter((layer) => layer !== 'published')
}

function layerOf(id: string): string | null {
  if (id.startsWith('drafts.')) return 'drafts'
  if (id.startsWith('versions.')) return id.split('.')[1] ?? null
  return 'published'
}

/**
 * The documents seen through a perspective: each document id shows its most important layer,
 * with the published `_id` and the stored id in `_originalId`.
 */
export function applyPerspective(
  documents: Iterable<Doc>,
  perspective: string[],
): Map<string, Doc> {
  const rank = new Map(perspective.map((layer, index) => [layer, index]))
  rank.set('published', perspective.length)
  const chosen = new Map<string, {doc: Doc; rank: number}>()
  for (const doc of documents) {
    const layer = layerOf(doc._id)
    const layerRank = layer === null ? undefined : rank.get(layer)
    if (layerRank === undefined) continue
    const id = publishedId(doc._id)
    const current = chosen.get(id)
    if (!current || layerRank < current.rank) chosen.set(id, {doc, rank: layerRank})
  }
  const view = new Map<string, Doc>()
  for (const [id, {doc}] of chosen) {
    view.set(id, doc._id === id ? doc : {...doc, _id: id, _originalId: doc._id})
  }
  return view
}
