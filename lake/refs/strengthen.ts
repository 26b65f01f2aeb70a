type Value = unknown

/**
 * A published copy's references: Sanity's publish action turns a draft's
 * `{_weak: true, _strengthenOnPublish}` reference (made to a document that was not published yet)
 * into a strong one, unless `_strengthenOnPublish.weak` says it stays weak.
 */
export function strengthenOnPublish<T extends Value>(value: T): T {
  if (Array.isArray(value)) return value.map(strengthenOnPublish) as T
  if (!value || typeof value !== 'object') return value
  const record = value as Record<string, unknown>
  const entries = Object.entries(record)
  const strengthen = record._strengthenOnPublish as {weak?: boolean} | undefined
  if (typeof record._ref === 'string' && strengthen) {
    return Object.fromEntries(
      entries.filter(
        ([key]) => key !== '_strengthenOnPublish' && (key !== '_weak' || strengthen.weak === true),
      ),
    ) as T
  }
  return Object.fromEntries(entries.map(([key, child]) => [key, strengthenOnPublish(child)])) as T
}
