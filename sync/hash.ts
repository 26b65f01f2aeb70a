import {createHash} from 'node:crypto'

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
      out[key] = source
    } else {
      out[key] = value
    }
  }
  return out
}

/** JSON with object keys sorted, so equal content always hashes equally. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`
  const entries = Object.keys(value)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort()
    .map(
      (key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`,
    )
  return `{${entries.join(',')}}`
}

/** The import hash of a document: SHA-256 of its importer-owned content. */
export function importHash(doc: Record<string, unknown>): string {
  return `v1-${createHash('sha256')
    .update(canonicalJson(ownedContent(doc)))
    .digest('hex')
    .slice(0, 40)}`
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
