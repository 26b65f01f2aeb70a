import {createHash} from 'node:crypto'

import {importHash, isOwnedField, stampedWithText, withImportStamp} from './hash.ts'
import type {ImportedDocument, Mutation} from './types.ts'

/**
 * A create of a new document, stamped with the hash of exactly what it writes, and its JSON
 * text (its canonical JSON, see stampedWithText), written in the same pass as the hash.
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
 * import wrote but this one does not, guarded by the revision the plan saw; `hash` is `doc`'s
 * import hash when the plan has it (a lesson's canonical hash is its body written out again).
 */
export function patchMutation(
  doc: ImportedDocument,
  rev: string | undefined,
  unset: readonly string[],
  importedAt: string,
  hash: string = importHash(doc),
): Mutation {
  const stamped = withImportStamp(doc, hash, importedAt)
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
 * The transaction id of one commit of a run: `import-` and 32 hex digits, derived from the run's
 * id (random per run) and the commit's salt (unique per commit within the run, see applyPlan).
 * The same commit retried gets the same id, so one whose response was lost is recognisable (the
 * Content Lake sets each written document's `_rev` to it); every other commit gets a new one, as
 * the Content Lake requires. The mutations need not be read: the salt already tells the commits
 * apart.
 */
export function commitTransactionId(runId: string, salt: string): string {
  const hash = createHash('sha256').update(JSON.stringify([runId, salt]))
  return `import-${hash.digest('hex').slice(0, 32)}`
}
