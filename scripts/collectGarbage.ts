/**
 * A full garbage collection now, when Node runs with `--expose-gc` (`npm run import` does; any
 * other start makes this a no-op). Called where a phase leaves most of what it allocated behind
 * and the next allocates as much again: V8 lets the old generation grow to several times what
 * survived its last full collection before it collects again, so the garbage of one phase is
 * carried through the next. On 5,000 lessons the conversion's (reading the workers' results,
 * validating) was about 120 MB of the peak of an import into a local dataset; the collection
 * costs about as much CPU as the incremental one V8 would run later anyway.
 */
export function collectGarbage(): void {
  ;(globalThis as {gc?: () => void}).gc?.()
}
