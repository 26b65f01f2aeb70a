import type {Doc} from '../store/types.ts'
import {strongRefs} from './strong-refs.ts'

const EMPTY: ReadonlySet<string> = new Set()

/**
 * The strong references between the current documents of a dataset, both ways, so integrity
 * checks cost what a transaction changes rather than a scan of the dataset.
 */
export class ReferenceIndex {
  readonly #targets = new Map<string, Set<string>>()
  readonly #referrers = new Map<string, Set<string>>()

  /** The ids `id` strongly references. */
  targetsOf(id: string): ReadonlySet<string> {
    return this.#targets.get(id) ?? EMPTY
  }

  /** The ids of the documents that strongly reference `id`. */
  referrersOf(id: string): ReadonlySet<string> {
    return this.#referrers.get(id) ?? EMPTY
  }

  /** Records that document `id` is now `doc` (null when deleted). */
  update(id: string, doc: Doc | null): void {
    for (const target of this.targetsOf(id)) {
      const referrers = this.#referrers.get(target)
      referrers?.delete(id)
      if (referrers?.size === 0) this.#referrers.delete(target)
    }
    this.#targets.delete(id)
    const targets = doc ? strongRefs(doc) : EMPTY
    if (targets.size === 0) return
    this.#targets.set(id, targets as Set<string>)
    for (const target of targets) {
      let referrers = this.#referrers.get(target)
      if (!referrers) this.#referrers.set(target, (referrers = new Set()))
      referrers.add(id)
    }
  }
}
