import {createHash} from 'node:crypto'

import {importHash, isOwnedField, stampedWithText, withImportStamp} from './hash.ts'
import type {ImportedDocument, Mutation} from './types.ts'

/**
 * A create of a new document, stamped with the hash of exactly what it writes, and its JSON
 * text (`JSON.stringify(mutation)`), written in the same pass as the hash.
 */
export function createMutation(
  doc: ImportedDocument,
  importedAt: string,
): {mutation: Mutation; text: string} {
  const {stamped, text} = stampedWithText(doc, importedAt)
  return {mutation: {create: stamped}, text: `{"create":${text}}`}
}

/**
 * A patch that sets every importer-owned field of `doc` and unsets the ones the previous
 * import wrote but this one does not, guarded by the revision the plan saw.
 */
export function patchMutation(
  doc: ImportedDocument,
  rev: string | undefined,
  unset: readonly string[],
  importedAt: string,
): Mutation {
  const stamped = withImportStamp(doc, importHash(doc), importedAt)
  const set: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(stamped))
    if (isOwnedField(key) && key !== '_type' && value !== undefined) set[key] = value
  return {
    patch: {
      id: doc._id,
      ...(rev ? {ifRevisionID: rev} : {}),
      set,
      ...(unset.length ? {unset: [...unset]} : {}),
    },
  }
}

/** The document id a mutation writes. */
export function mutationId(mutation: Mutation): string {
  if ('create' in mutation) return mutation.create._id
  if ('createIfNotExists' in mutation) return mutation.createIfNotExists._id
  if ('delete' in mutation) return mutation.delete.id
  return mutation.patch.id
}

/**
 * A transaction id derived from the mutations (or their JSON text, `JSON.stringify(mutations)`,
 * or each mutation's own text, when the caller has them), so a batch retried after a lost
 * response is recognisable: the Content Lake sets each written document's `_rev` to it. The
 * three forms of the same mutations give the same id.
 */
export function transactionIdFor(
  mutations: readonly Mutation[] | string | {texts: readonly string[]},
  salt = '',
): string {
  const hash = createHash('sha256').update(salt)
  if (typeof mutations === 'object' && 'texts' in mutations) {
    // The hash of `[${texts.join(',')}]`, without writing that text.
    hash.update('[')
    mutations.texts.forEach((text, i) => hash.update(i ? `,${text}` : text))
    hash.update(']')
  } else {
    hash.update(typeof mutations === 'string' ? mutations : JSON.stringify(mutations))
  }
  return `import-${hash.digest('hex').slice(0, 32)}`
}
