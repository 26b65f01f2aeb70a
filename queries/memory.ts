import {evaluate, parse} from 'groq-js'

import type {Perspective, QuerySource} from './source.ts'

/** A stored document: at least an `_id` and a `_type`. */
export type StoredDocument = {_id: string; _type: string} & Record<string, unknown>

/**
 * Parses NDJSON (one document per line) into documents.
 * Throws naming `file` and the line when a line is not a JSON document with `_id` and `_type`.
 */
export function parseNdjson(text: string, file = 'dataset.ndjson'): StoredDocument[] {
  const documents: StoredDocument[] = []
  const problems: string[] = []
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return
    try {
      const value: unknown = JSON.parse(line)
      if (isDocument(value)) documents.push(value)
      else problems.push(`${file}:${index + 1}:1: Cannot read document, expected "_id" and "_type"`)
    } catch (error) {
      problems.push(`${file}:${index + 1}:1: Cannot parse JSON: ${(error as Error).message}`)
    }
  })
  if (problems.length > 0) throw new Error(problems.join('\n'))
  return documents
}

function isDocument(value: unknown): value is StoredDocument {
  const doc = value as Partial<StoredDocument> | null
  return typeof doc?._id === 'string' && typeof doc._type === 'string'
}

/**
 * The documents a perspective sees: `published` hides `drafts.`/`versions.` ids, `drafts`
 * shows each draft in place of its published document (with the published `_id` and
 * `_originalId`), `raw` shows everything. Mirrors the Content Lake for the cases the site needs.
 */
export function applyPerspective(
  documents: readonly StoredDocument[],
  perspective: Perspective,
): StoredDocument[] {
  if (perspective === 'raw') return [...documents]
  const published = documents.filter((doc) => !doc._id.includes('.'))
  if (perspective === 'published') return published
  const drafts = new Map<string, StoredDocument>()
  for (const doc of documents) {
    if (doc._id.startsWith('drafts.')) drafts.set(doc._id.slice('drafts.'.length), doc)
  }
  const seen = new Set(published.map((doc) => doc._id))
  const overlaid = published.map((doc) => overlay(drafts.get(doc._id), doc._id) ?? doc)
  const newDrafts = [...drafts].filter(([id]) => !seen.has(id)).map(([id, doc]) => overlay(doc, id))
  return [...overlaid, ...newDrafts.filter((doc) => doc !== undefined)]
}

function overlay(draft: StoredDocument | undefined, id: string): StoredDocument | undefined {
  return draft && {...draft, _id: id, _originalId: draft._id}
}

/** A `QuerySource` over documents held in memory, evaluated by groq-js. */
export function memorySource(documents: readonly StoredDocument[]): QuerySource {
  const views = new Map<Perspective, {dataset: StoredDocument[]; byId: Map<string, unknown>}>()
  const viewOf = (perspective: Perspective) => {
    let view = views.get(perspective)
    if (!view) {
      const dataset = applyPerspective(documents, perspective)
      view = {dataset, byId: new Map(dataset.map((doc) => [doc._id, doc]))}
      views.set(perspective, view)
    }
    return view
  }
  return {
    async fetch<R>(
      query: string,
      params: Record<string, unknown>,
      {perspective}: {perspective: Perspective},
    ) {
      const {dataset, byId} = viewOf(perspective)
      const tree = parse(query, {params})
      // A Map lookup instead of groq-js's default scan of the whole dataset per `->`.
      const value = await evaluate(tree, {
        dataset,
        params,
        dereference: ({_ref}) => (byId.get(_ref) as never) ?? null,
      })
      return (await value.get()) as R
    },
  }
}
