/**
 * Long work on the event loop, done a few milliseconds at a time: between slices other
 * requests run, so one transaction over 50,000 documents does not stall every other client.
 */

/** How long one slice may hold the event loop. */
export const SLICE_MS = 4

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/** Runs `steps` (a generator that yields between units of work) to its end, in slices. */
export async function driveInSlices<R>(steps: Generator<void, R>): Promise<R> {
  let sliceStarted = performance.now()
  let step = steps.next()
  while (!step.done) {
    if (performance.now() - sliceStarted > SLICE_MS) {
      await nextTurn()
      sliceStarted = performance.now()
    }
    step = steps.next()
  }
  return step.value
}

/** Calls `apply` for each item, in slices; resolves to the results in order. */
export function forEachSliced<I, T>(items: readonly I[], apply: (item: I) => T): Promise<T[]> {
  return driveInSlices(
    (function* () {
      const results: T[] = []
      for (const item of items) {
        results.push(apply(item))
        yield
      }
      return results
    })(),
  )
}
