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

/** Writes of at least this many documents are collected halfway (see collectGarbageHalfway). */
export const HALFWAY_COLLECTION_FROM = 1000

/**
 * A sync progress listener that collects garbage once, when half of a large write is done.
 * Writing leaves each document's texts behind in the old generation (they outlive the young
 * one while their transaction waits for its commit), and the collection before the sync let
 * that grow to about four times what survived it: once midway keeps the growth to half (on
 * 5,000 lessons, 58 MB less peak for one collection of what the sync keeps).
 */
export function collectGarbageHalfway(): (phase: string, done: number, total: number) => void {
  let collected = false
  return (phase, done, total) => {
    if (collected || phase !== 'write' || total < HALFWAY_COLLECTION_FROM || done < total / 2) {
      return
    }
    collected = true
    collectGarbage()
  }
}
