import {createHash} from 'node:crypto'

import {canonicalHash as canonicalHashOf} from '../importer/canonical.ts'
import type {ImportedDocument} from './types.ts'

/** Fields of `source` that sync itself writes; they are not part of the import hash. */
const SYNC_SOURCE_FIELDS = new Set(['importHash', 'importedAt'])

/** Whether a top-level field belongs to the importer (system fields such as `_rev` do not). */
export function isOwnedField(key: string): boolean {
  return key === '_type' || !key.startsWith('_')
}

/**
 * The importer-owned part of a document: every top-level field except system fields, with
 * `source.importHash` and `source.importedAt` left out, since sync writes those itself.
 */
export function ownedContent(doc: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(doc)) {
    if (!isOwnedField(key) || value === undefined) continue
    if (key === 'source' && value && typeof value === 'object' && !Array.isArray(value)) {
      const source: Record<string, unknown> = {}
      for (const [k, v] of Object.entries(value)) if (!SYNC_SOURCE_FIELDS.has(k)) source[k] = v
      // A document the importer wrote without `source` gets one holding only the stamp.
      if (Object.keys(source).length) out[key] = source
    } else {
      out[key] = value
    }
  }
  return out
}

const sha = (algorithm: string, text: string) => createHash(algorithm).update(text).digest('hex')

/** SHA-256 of the canonical (key-sorted) owned content: survives any reordering of keys. */
export function canonicalHash(doc: Record<string, unknown>): string {
  return canonicalHashOf(ownedContent(doc))
}

const fastHashes = new WeakMap<object, string>()

/** The fast hash of the text `JSON.stringify(ownedContent(doc))`. */
const fastHashOf = (ownedText: string) => sha('sha1', ownedText).slice(0, 24)

/**
 * SHA-1 of the owned content serialised in its own key order: several times cheaper than the
 * canonical hash, and stable for the importer's deterministic output, so an unchanged
 * re-import only pays for this one.
 */
export function fastHash(doc: Record<string, unknown>): string {
  let hash = fastHashes.get(doc)
  if (!hash) fastHashes.set(doc, (hash = fastHashOf(JSON.stringify(ownedContent(doc)))))
  return hash
}

/**
 * The document as sync writes it (see {@link withImportStamp}) and its JSON text, exactly
 * `JSON.stringify(stamped)`. Each field is written as JSON once, for both the import hash's
 * own-order text and the result, so a lesson's body is not serialised twice.
 */
export function stampedWithText(
  doc: ImportedDocument,
  importedAt: string,
): {stamped: ImportedDocument; text: string} {
  // Every field but `source` is the document's own value in both texts (`source` is a copy).
  const texts = new Map<string, string | undefined>()
  const textOf = (key: string, value: unknown) => {
    if (key === 'source') return JSON.stringify(value)
    if (!texts.has(key)) texts.set(key, JSON.stringify(value))
    return texts.get(key)
  }
  const join = (object: Record<string, unknown>) => {
    const members: string[] = []
    for (const [key, value] of Object.entries(object)) {
      const text = textOf(key, value)
      if (text !== undefined) members.push(`${JSON.stringify(key)}:${text}`)
    }
    return `{${members.join(',')}}`
  }
  let fast = fastHashes.get(doc)
  if (!fast) fastHashes.set(doc, (fast = fastHashOf(join(ownedContent(doc)))))
  const stamped = withImportStamp(doc, `v1:${canonicalHash(doc)}:${fast}`, importedAt)
  return {stamped, text: join(stamped)}
}

/** The import hash of a document: `v1:<canonical>:<fast>` over its importer-owned content. */
export function importHash(doc: Record<string, unknown>): string {
  return `v1:${canonicalHash(doc)}:${fastHash(doc)}`
}

function parseImportHash(hash: string | undefined): {canonical: string; fast: string} | null {
  const match = /^v1:([0-9a-f]+):([0-9a-f]+)$/.exec(hash ?? '')
  return match ? {canonical: match[1], fast: match[2]} : null
}

/** Whether `hash` is in the format this version writes. */
export function isImportHash(hash: string | undefined): boolean {
  return parseImportHash(hash) !== null
}

/** Whether `doc` has exactly the owned content an import hash was made from. */
export function matchesImportHash(hash: string | undefined, doc: Record<string, unknown>): boolean {
  const parsed = parseImportHash(hash)
  if (!parsed) return false
  return parsed.fast === fastHash(doc) || parsed.canonical === canonicalHash(doc)
}

/**
 * Whether a stored document is still exactly what the import that wrote it wrote: its fast hash
 * first (a dataset that keeps the importer's key order, as the local lake does), its canonical
 * hash when that differs.
 */
export function isUnchangedSinceImport(stored: Record<string, unknown>): boolean {
  return matchesImportHash(storedImportHash(stored), stored)
}

/** The hash a stored document records as last written by the importer, if any. */
export function storedImportHash(doc: Record<string, unknown>): string | undefined {
  const source = doc.source as {importHash?: unknown} | undefined
  return typeof source?.importHash === 'string' ? source.importHash : undefined
}

/** The document as sync writes it: `source.importHash` and `source.importedAt` filled in. */
export function withImportStamp(
  doc: ImportedDocument,
  hash: string,
  importedAt: string,
): ImportedDocument {
  const source = (doc.source ?? {}) as Record<string, unknown>
  return {...doc, source: {...source, importHash: hash, importedAt}}
}
