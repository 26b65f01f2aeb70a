import type {ExportedDocument} from './types.ts'

/**
 * A document as the round trip compares it: without `source.contentHash` and
 * `source.importHash`, which describe the bytes of the file rather than what it says.
 */
export function comparable<T extends ExportedDocument>(doc: T): T {
  const source = doc.source as Record<string, unknown> | undefined
  if (!source) return doc
  const {contentHash: _hash, importHash: _import, ...rest} = source
  return {...doc, source: rest}
}
