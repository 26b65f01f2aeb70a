import {withoutRefsTo} from './refs.ts'
import type {ImportedDocument} from './types.ts'

/** What is left to write once the rejected documents are taken out. */
export type Exclusion = {
  /** The documents to write, references to left-out ones removed. */
  kept: ImportedDocument[]
  /** Documents left out, with why. */
  excluded: {id: string; reason: string}[]
  /** One line per reference removed from a kept document, naming both. */
  notes: {id: string; target: string; message: string}[]
}

/**
 * Takes the `rejected` documents out of a complete set (an NDJSON file, a first import) so the
 * rest can still be written: documents `alwaysWrite` selects stay even when rejected, and the
 * kept documents lose their strong references to the left-out ones, which would dangle.
 */
export function excludeRejected(
  documents: readonly ImportedDocument[],
  rejected: ReadonlyMap<string, string>,
  options: {
    alwaysWrite?: (doc: ImportedDocument) => boolean
    describe?: (id: string) => string
  } = {},
): Exclusion {
  const describe = options.describe ?? ((id: string) => id)
  const excluded = documents
    .filter((doc) => rejected.has(doc._id) && !options.alwaysWrite?.(doc))
    .map((doc) => ({id: doc._id, reason: rejected.get(doc._id)!}))
  const gone = new Set(excluded.map((e) => e.id))
  const notes: Exclusion['notes'] = []
  // Nothing left out, nothing to strip: no copy of every document (a large site's are big).
  if (gone.size === 0) return {kept: [...documents], excluded, notes}
  const kept = documents
    .filter((doc) => !gone.has(doc._id))
    .map((doc) => {
      const {doc: stripped, dropped} = withoutRefsTo(doc, gone)
      for (const target of dropped)
        notes.push({
          id: doc._id,
          target,
          message: `${describe(doc._id)}: ${doc._id} is written without its reference to ${target} (${describe(target)}), which was left out because it failed validation`,
        })
      return dropped.size ? stripped : doc
    })
  return {kept, excluded, notes}
}
