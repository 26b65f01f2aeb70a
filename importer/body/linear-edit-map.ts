/**
 * micromark closes every list and block quote by moving a few events near the end of the page's
 * event list through `EditMap.consume`, which rebuilds the whole list each time: parsing cost
 * grows with (events × containers), i.e. quadratically with page size (a 2 MB page cost 4× a
 * 1 MB page, a 400 KB page of short lists 47 s). This rewrites only the tail from the first
 * edit on, with the same result, so each close costs what it moves.
 */
import {EditMap} from 'micromark-util-edit-map'

type Change = [at: number, remove: number, add: unknown[]]

let moved = 0

/** Events moved by `consume` since the process started (tests check the work stays linear). */
export function editMapWork(): number {
  return moved
}

/**
 * The events after applying every change (sorted by index), rewritten from the first change on:
 * `events[0..at₀] + add₀ + events[at₀+remove₀..at₁] + add₁ + … + events[atₙ+removeₙ..]`.
 */
function consumeTail(changes: Change[], events: unknown[]): void {
  changes.sort((a, b) => a[0] - b[0])
  const tail: unknown[] = []
  for (let k = 0; k < changes.length; k++) {
    const [at, remove, add] = changes[k]
    for (const event of add) tail.push(event)
    const end = k + 1 < changes.length ? changes[k + 1][0] : events.length
    for (let i = at + remove; i < end; i++) tail.push(events[i])
  }
  events.length = Math.min(changes[0][0], events.length)
  for (const event of tail) events.push(event)
  moved += tail.length
}

let installed = false

/** Replaces `EditMap.prototype.consume` once per process with the tail-only rewrite. */
export function installLinearEditMap(): void {
  if (installed) return
  installed = true
  EditMap.prototype.consume = function consume(this: EditMap, events) {
    const changes = this.map as Change[]
    if (changes.length === 0) return
    consumeTail(changes, events)
    changes.length = 0
    this.index.clear()
  }
}
