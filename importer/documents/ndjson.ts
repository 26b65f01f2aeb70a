import type {ImportedDocument} from '../types.ts'

/** One document per line, as `sanity dataset import` reads it. */
export function toNdjson(documents: readonly ImportedDocument[]): string {
  return documents.map((doc) => JSON.stringify(doc)).join('\n') + (documents.length ? '\n' : '')
}
