/** The ids a value strongly references: every `_ref` string without `_weak: true`, at any depth. */
export function strongRefs(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) strongRefs(item, into)
  } else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    if (typeof record._ref === 'string' && record._weak !== true) into.add(record._ref)
    for (const key in record) {
      const child = record[key]
      if (child && typeof child === 'object') strongRefs(child, into)
    }
  }
  return into
}
