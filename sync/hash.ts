import {canonicalJson, canonicalObject, hashOfCanonical} from '../importer/canonical.ts'
import type {ImportedDocument} from './types.ts'

/** Fields of `source` that sync itself writes; they are not part of the import hash. */
const SYNC_SOURCE_FIELDS = new Set(['importHash', 'importedAt'])

/** Whether a top-level field belongs to the importer (system fields such as `_rev` do not). */
export function isOwnedField(key: string): boolean {
  return key === '_type' || !key.startsWith('_')
}

/**
 * The importer-owned part of a top-level field's value: `source` without the fields sync stamps
 * (undefined when nothing else is left: a document the importer wrote without `source` gets one
 * holding only the stamp), any other field as it is.
 */
function ownedValue(key: string, value: unknown): unknown {
  if (key !== 'source' || !value || typeof value !== 'object' || Array.isArray(value)) return value
  const source: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) if (!SYNC_SOURCE_FIELDS.has(k)) source[k] = v
  return Object.keys(source).length ? source : undefined
}

/**
 * The importer-owned part of a document: every top-level field except system fields, with
 * `source.importHash` and `source.importedAt` left out, since sync writes those itself.
 */
export function ownedContent(doc: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(doc)) {
    if (!isOwnedField(key)) continue
    const owned = ownedValue(key, value)
    if (owned !== undefined) out[key] = owned
  }
  return out
}

/** The format this version writes: `v2:<canonical hash>`. */
const FORMAT = 'v2'

/** Each document's canonical hash, once computed: the plan and the mutation both ask for it. */
const canonicalHashes = new WeakMap<object, string>()

/**
 * SHA-256 of the canonical (key-sorted) JSON of the owned content: the same for any order of
 * keys, so a Content Lake that stores them in another order still matches.
 */
export function canonicalHash(doc: Record<string, unknown>): string {
  let hash = canonicalHashes.get(doc)
  if (!hash) canonicalHashes.set(doc, (hash = hashOfCanonical(canonicalJson(ownedContent(doc)))))
  return hash
}

/**
 * The document as sync writes it (see {@link withImportStamp}) and its text, its canonical
 * JSON. Each field is written as JSON once, for both the import hash's text and the result, so a
 * lesson's body is serialised once.
 */
export function stampedWithText(
  doc: ImportedDocument,
  importedAt: string,
): {stamped: ImportedDocument; text: string} {
  const texts = new Map<string, string | undefined>()
  const owned = new Map<string, string | undefined>()
  for (const [key, value] of Object.entries(doc)) {
    if (key === 'source') {
      const source = ownedValue(key, value)
      owned.set(key, source === undefined ? undefined : canonicalJson(source))
      continue
    }
    const text = value === undefined ? undefined : canonicalJson(value)
    texts.set(key, text)
    if (isOwnedField(key)) owned.set(key, text)
  }
  let hash = canonicalHashes.get(doc)
  if (!hash) canonicalHashes.set(doc, (hash = hashOfCanonical(canonicalObject(owned))))
  const stamped = withImportStamp(doc, `${FORMAT}:${hash}`, importedAt)
  texts.set('source', canonicalJson(stamped.source))
  return {stamped, text: canonicalObject(texts)}
}

/** The import hash of a document: `v2:<canonical>` over its importer-owned content. */
export function importHash(doc: Record<string, unknown>): string {
  return `${FORMAT}:${canonicalHash(doc)}`
}

/**
 * The canonical hash an import hash records: `v2:<canonical>`, or `v1:<canonical>:<fast>` as
 * versions before it wrote (the same canonical hash, and a SHA-1 of the JSON in the importer's
 * own key order, which costs more than it saves where SHA-256 has CPU instructions of its own).
 */
function parseImportHash(hash: string | undefined): string | null {
  const match = /^(?:v2:([0-9a-f]{40})|v1:([0-9a-f]+):[0-9a-f]+)$/.exec(hash ?? '')
  return match ? (match[1] ?? match[2]) : null
}

/** Whether `hash` is in a format this version can check. */
export function isImportHash(hash: string | undefined): boolean {
  return parseImportHash(hash) !== null
}

/** Whether `doc` has exactly the owned content an import hash was made from. */
export function matchesImportHash(hash: string | undefined, doc: Record<string, unknown>): boolean {
  const canonical = parseImportHash(hash)
  return canonical !== null && canonical === canonicalHash(doc)
}

/** Whether a stored document is still exactly what the import that wrote it wrote. */
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
