import {LakeError} from '../errors.ts'
import {driveInSlices} from '../slices.ts'
import type {Doc} from '../store/types.ts'
import type {ReferenceIndex} from './reference-index.ts'
import {strongRefs} from './strong-refs.ts'

/** One document change of a transaction, with the index of the mutation or action that made it. */
export type CheckedChange = {id: string; before: Doc | null; after: Doc | null; index: number}

type Item = {error: Record<string, unknown> & {type: string; description: string}; index: number}

const quoted = (ids: Iterable<string>) => [...ids].map((id) => `"${id}"`).join(', ')

/**
 * Refuses (409, Sanity's `mutationError` with one item per problem) a transaction that would
 * leave a strong reference to a document that does not exist: deleting a document others still
 * reference strongly (`documentHasExistingReferencesError`, as Sanity answers), or writing a
 * strong reference to a missing document. Drafts and versions count like any document, as on
 * the hosted Content Lake; weak references are never checked. Runs in slices of a few
 * milliseconds, so a transaction of 50,000 documents does not hold the event loop.
 */
export async function checkReferences(
  changes: CheckedChange[],
  exists: (id: string) => boolean,
  index: ReferenceIndex,
): Promise<void> {
  // Only a deletion asks who references a document: nothing else reads every document for it.
  if (changes.some((change) => change.before && !change.after)) await index.ready()
  const items = await driveInSlices(problems(changes, exists, index))
  if (items.length === 0) return
  items.sort((a, b) => a.index - b.index)
  throw new LakeError(409, 'mutationError', `Mutation(s) failed with ${items.length} error(s)`, {
    items,
  })
}

// The problems of a transaction, yielding after each change it looks at.
function* problems(
  changes: CheckedChange[],
  exists: (id: string) => boolean,
  index: ReferenceIndex,
): Generator<void, Item[]> {
  const byId = new Map<string, CheckedChange>()
  for (const change of changes) {
    byId.set(change.id, change)
    yield
  }
  const refsOf = new Map<string, Set<string>>()
  const targetsAfter = (change: CheckedChange) => {
    let refs = refsOf.get(change.id)
    if (!refs) refsOf.set(change.id, (refs = change.after ? strongRefs(change.after) : new Set()))
    return refs
  }
  const items: Item[] = []
  const reported = new Set<string>()
  for (const change of changes) {
    yield
    if (change.after || !change.before) continue
    const referrers: string[] = []
    for (const referrer of index.referrersOf(change.id)) {
      const changed = byId.get(referrer)
      if (!changed || targetsAfter(changed).has(change.id)) referrers.push(referrer)
    }
    if (referrers.length === 0) continue
    referrers.sort()
    for (const referrer of referrers) reported.add(`${referrer}\n${change.id}`)
    items.push({
      error: {
        type: 'documentHasExistingReferencesError',
        description: `Document "${change.id}" cannot be deleted as there are references to it from ${quoted(referrers)}`,
        id: change.id,
        referencingIDs: referrers,
      },
      index: change.index,
    })
  }
  for (const change of changes) {
    yield
    const missing = [...targetsAfter(change)].filter(
      (target) => !exists(target) && !reported.has(`${change.id}\n${target}`),
    )
    for (const target of missing) {
      items.push({
        error: {
          type: 'documentReferenceNotFoundError',
          description: `Document "${change.id}" references non-existent document "${target}"`,
          id: change.id,
          referenceID: target,
        },
        index: change.index,
      })
    }
  }
  return items
}
