import {mapPool} from './retry.ts'
import type {FieldValues, StoredDocument, StoredSummary} from './types.ts'

export type {StoredSummary}

/** The part of the dataset a plan depends on. */
export type DatasetSnapshot = {
  /** Published documents with the import's ids, summarised. */
  existing: Map<string, StoredSummary>
  /** Full documents, for those whose source changed and for removal candidates. */
  full: Map<string, StoredDocument>
  /** Published ids that have a `drafts.` document. */
  drafts: Set<string>
  /** Published documents an earlier import wrote whose ids the import no longer has. */
  removed: StoredSummary[]
  /** For removal candidates: the ids of documents referencing them. */
  referencedBy: Map<string, string[]>
}

/** How to run a GROQ query in the raw perspective. */
export type QueryFn = <T>(groq: string, params?: Record<string, unknown>) => Promise<T>

const SUMMARY = '{_id, _rev, "importHash": source.importHash, "path": source.path}'

/**
 * A summary as {@link SUMMARY} projects it: GROQ gives null for a missing field, and a document
 * someone else made under an import's id has no `source.importHash`, which the plan reads as
 * undefined (not written by the importer).
 */
const projected = (summary: Omit<StoredSummary, 'importHash'> & {importHash?: string | null}) =>
  ({...summary, importHash: summary.importHash ?? undefined}) as StoredSummary
const CHUNK = 500

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

const DRAFT = 'drafts.'

/** Summaries of every document an import wrote (drafts included): one query. */
export async function readManaged(query: QueryFn): Promise<StoredSummary[]> {
  return query<StoredSummary[]>(`*[defined(source.importHash)]${SUMMARY}`)
}

/** Full documents by id, in chunks. */
export async function readFull(query: QueryFn, ids: readonly string[]) {
  const full = new Map<string, StoredDocument>()
  const parts = await mapPool(chunks(ids, CHUNK / 2), 4, (part) =>
    query<StoredDocument[]>('*[_id in $ids]', {ids: part}),
  )
  for (const doc of parts.flat()) full.set(doc._id, doc)
  return full
}

/** Reads documents by id (null for an id not found), as `SyncApi.getDocuments`. */
export type GetDocumentsFn = (ids: string[]) => Promise<(StoredDocument | null)[]>

/** Fields of the documents that have one, read without a query (`SyncApi.valuesWhere`). */
export type ValuesWhereFn = (where: string, paths: string[]) => Promise<FieldValues[]>

/**
 * A dataset that reads fields without a query, and documents by id without the limits of a
 * request's address (the lake of this process): the snapshot is read without queries.
 */
export type DirectReads = {valuesWhere: ValuesWhereFn; getDocuments: GetDocumentsFn}

/** Summaries of every document an import wrote, as {@link readManaged}'s query projects them. */
export async function importedSummaries(valuesWhere: ValuesWhereFn): Promise<StoredSummary[]> {
  const paths = ['$._rev', '$.source.importHash', '$.source.path']
  const rows = await valuesWhere('$.source.importHash', paths)
  return rows.map(({id, values: [rev, importHash, path]}) => ({
    _id: id,
    _rev: rev as string,
    importHash: importHash as string,
    path: path as string | null,
  }))
}

/** The summary of a stored document, as the snapshot's projection gives it. */
function summaryOf(doc: StoredDocument): StoredSummary {
  const source = doc.source as {importHash?: string; path?: string} | undefined
  return {_id: doc._id, _rev: doc._rev, importHash: source?.importHash, path: source?.path ?? null}
}

/** The documents with these ids that exist, a few requests at a time. */
async function readById(getDocuments: GetDocumentsFn, ids: readonly string[]) {
  const found = await mapPool(chunks(ids, CHUNK / 2), 4, getDocuments)
  return found.flat().filter((doc): doc is StoredDocument => doc !== null)
}

/**
 * Reads what the plan needs with as few requests as possible: one query for every document
 * earlier imports wrote; by-id lookups only for ids that query did not find (new
 * documents, or documents created by someone else); full documents only for `needFull`.
 * With `direct`, the same without a query (but who references a removed page).
 */
export async function readSnapshot(
  query: QueryFn,
  importIds: readonly string[],
  needFull: (summary: StoredSummary) => boolean,
  options: {withRemoved: boolean},
  direct?: DirectReads,
): Promise<DatasetSnapshot> {
  const managed = direct ? await importedSummaries(direct.valuesWhere) : await readManaged(query)
  const ids = new Set(importIds)
  const existing = new Map<string, StoredSummary>()
  const drafts = new Set<string>()
  const removed: StoredSummary[] = []
  const note = (doc: StoredSummary) => {
    if (doc._id.startsWith(DRAFT)) drafts.add(doc._id.slice(DRAFT.length))
    else if (ids.has(doc._id)) existing.set(doc._id, doc)
    else if (!doc._id.includes('.')) removed.push(doc)
  }
  managed.forEach(note)
  // Each id the query did not find, and its draft.
  const lookups = importIds.filter((id) => !existing.has(id)).flatMap((id) => [id, DRAFT + id])
  const found = direct
    ? (await readById(direct.getDocuments, lookups)).map(summaryOf)
    : await mapPool(chunks(lookups, CHUNK), 4, (part) =>
        query<StoredSummary[]>(`*[_id in $ids]${SUMMARY}`, {ids: part}),
      ).then((parts) => parts.flat().map(projected))
  found.forEach(note)
  const fullIds = [...existing.values()].filter(needFull).map((doc) => doc._id)
  if (options.withRemoved) fullIds.push(...removed.map((doc) => doc._id))
  const full = direct
    ? new Map((await readById(direct.getDocuments, fullIds)).map((doc) => [doc._id, doc]))
    : await readFull(query, fullIds)
  const referencedBy = new Map<string, string[]>()
  if (options.withRemoved) {
    await mapPool(removed, 4, async (doc) => {
      const refs = await query<string[]>('*[references($id)]._id', {id: doc._id})
      if (refs.length) referencedBy.set(doc._id, refs)
    })
  }
  return {existing, full, drafts, removed, referencedBy}
}

/** The snapshot of a dataset that holds no document. */
export const emptySnapshot = (): DatasetSnapshot => ({
  existing: new Map(),
  full: new Map(),
  drafts: new Set(),
  removed: [],
  referencedBy: new Map(),
})

/**
 * The snapshot of `importIds` alone, for an import whose other documents are known to be as
 * the last sync left them: each document and its draft read by id, no removal candidates.
 */
export async function readSnapshotOf(
  getDocuments: (ids: string[]) => Promise<(StoredDocument | null)[]>,
  importIds: readonly string[],
): Promise<DatasetSnapshot> {
  const existing = new Map<string, StoredSummary>()
  const full = new Map<string, StoredDocument>()
  const drafts = new Set<string>()
  const parts = chunks(importIds, CHUNK / 2).map((part) => [
    ...part,
    ...part.map((id) => DRAFT + id),
  ])
  for (const doc of (await mapPool(parts, 4, getDocuments)).flat()) {
    if (!doc) continue
    if (doc._id.startsWith(DRAFT)) {
      drafts.add(doc._id.slice(DRAFT.length))
      continue
    }
    existing.set(doc._id, summaryOf(doc))
    full.set(doc._id, doc)
  }
  return {existing, full, drafts, removed: [], referencedBy: new Map()}
}
