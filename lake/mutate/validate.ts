import {mutationFailed, type LakeError, type MutationErrorItem} from '../errors.ts'
import type {CheckedChange} from '../refs/integrity.ts'
import {forEachSliced} from '../slices.ts'
import {DOCUMENT_LIMITS, documentProblem} from '../store/document-rules.ts'
import type {Text} from '../store/types.ts'

/**
 * Refuses (400, Sanity's `mutationError` with one `validationError` item per document) a
 * transaction that would store a document breaking Sanity's rules: a malformed `_id`, no
 * `_type`, or a shape or size over the documented limits. Every write path ends here, so no
 * stored document can break a later query, a restart or history. `jsonOf`, when given, writes
 * the document as the file will store it (given the change and its position in `changes`).
 */
export async function checkDocuments(
  changes: CheckedChange[],
  jsonOf?: (change: CheckedChange, position: number) => Text | null,
): Promise<void> {
  const problems = await forEachSliced(changes, (change, position) => {
    if (!change.after) return undefined
    // The size is measured on the text the commit stores, when the caller writes it here.
    const json = jsonOf?.(change, position) ?? undefined
    const problem = documentProblem(change.after, DOCUMENT_LIMITS, json)
    return problem ? validationItem(change.index, change.after._id, problem) : undefined
  })
  const items = problems.filter((item): item is MutationErrorItem => item !== undefined)
  if (items.length > 0) throw mutationFailed(400, items)
}

/** Sanity's 400 refusing one document as it arrives, with the index of its mutation or action. */
export function documentRefused(index: number, id: unknown, description: string): LakeError {
  return mutationFailed(400, [validationItem(index, id, description)])
}

function validationItem(index: number, id: unknown, description: string): MutationErrorItem {
  return {error: {type: 'validationError', description, id}, index}
}
