import {mutationFailed, type MutationErrorItem} from '../errors.ts'
import {documentProblem} from '../store/document-rules.ts'
import type {CheckedChange} from '../refs/integrity.ts'

/**
 * Refuses (400, Sanity's `mutationError` with one `validationError` item per document) a
 * transaction that would store a document breaking Sanity's rules: a malformed `_id`, no
 * `_type`, or a shape or size over the documented limits. Every write path ends here, so no
 * stored document can break a later query, a restart or history.
 */
export function checkDocuments(changes: CheckedChange[]): void {
  const items: MutationErrorItem[] = []
  for (const change of changes) {
    if (!change.after) continue
    const problem = documentProblem(change.after)
    if (problem) {
      items.push({
        error: {type: 'validationError', description: problem, id: change.after._id},
        index: change.index,
      })
    }
  }
  if (items.length > 0) throw mutationFailed(400, items)
}
