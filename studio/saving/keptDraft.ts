/** Fields Sanity sets itself, which a restored draft takes from the lake instead. */
const SYSTEM_FIELDS = new Set(['_id', '_type', '_rev', '_createdAt', '_updatedAt'])

/** A draft's own fields, as one `set` patch that puts them back on a new draft. */
export function restorePatch(draft: Record<string, unknown>): {set: Record<string, unknown>} {
  return {set: Object.fromEntries(Object.entries(draft).filter(([key]) => !SYSTEM_FIELDS.has(key)))}
}

/**
 * How long to wait before the `attempt`th restore (0-based): none for the first, so the form
 * shows the change again at once, then 1 s, doubling, at most 15 s (each restore is a request).
 */
export function restoreDelay(attempt: number): number {
  return attempt === 0 ? 0 : Math.min(1000 * 2 ** (attempt - 1), 15_000)
}
