import {driveInSlices} from '../slices.ts'
import type {Doc} from '../store/types.ts'
import {strongRefs} from './strong-refs.ts'

const EMPTY: ReadonlySet<string> = new Set()

/**
 * The strong references between the current documents of a dataset, both ways, so integrity
 * checks cost what a transaction changes rather than a scan of the dataset. Built from `load`
 * (every current document) the first time it is needed, not when the dataset opens: only a
 * deletion reads it, and an import that deletes nothing never parses every document for it.
 */
export class ReferenceIndex {
  readonly #targets = new Map<string, Set<string>>()
  readonly #referrers = new Map<string, Set<string>>()
  #load: (() => Iterable<Doc>) | null
  #building: Promise<void> | null = null

  /** `load` yields every current document as committed, however often the caller yields. */
  constructor(load: () => Iterable<Doc> = () => []) {
    this.#load = load
  }

  /** Whether the documents have been read (or are being read) into the index. */
  get built(): boolean {
    return this.#load === null
  }

  /**
   * Reads every document into the index unless it has been, a few milliseconds at a time so a
   * large dataset does not hold the event loop; settles when the index can be read.
   */
  ready(): Promise<void> {
    const load = this.#load
    if (load) {
      // Commits from here on update the index; the documents are read as committed when read.
      this.#load = null
      this.#building = driveInSlices(this.#read(load)).finally(() => (this.#building = null))
    }
    return this.#building ?? Promise.resolve()
  }

  /** The ids `id` strongly references. */
  targetsOf(id: string): ReadonlySet<string> {
    this.#buildNow()
    return this.#targets.get(id) ?? EMPTY
  }

  /** The ids of the documents that strongly reference `id`. */
  referrersOf(id: string): ReadonlySet<string> {
    this.#buildNow()
    return this.#referrers.get(id) ?? EMPTY
  }

  /**
   * Records that document `id` is now `doc` (null when deleted), after it was committed. Before
   * the index is built there is nothing to change: building reads the committed documents.
   */
  update(id: string, doc: Doc | null): void {
    if (this.built) this.#set(id, doc)
  }

  // A read before `ready()`: built at once, on this turn of the event loop.
  #buildNow(): void {
    if (this.#building) {
      throw new Error(
        'Cannot read the reference index while it is being built, expected `await ready()` first',
      )
    }
    const load = this.#load
    if (!load) return
    this.#load = null
    const steps = this.#read(load)
    while (!steps.next().done) continue
  }

  // Reads every document from `load`, yielding after each; when that fails, the index is emptied
  // and read again from the start next time rather than answer from half the documents.
  *#read(load: () => Iterable<Doc>): Generator<void> {
    try {
      for (const doc of load()) {
        this.#set(doc._id, doc)
        yield
      }
    } catch (error) {
      this.#targets.clear()
      this.#referrers.clear()
      this.#load = load
      throw error
    }
  }

  #set(id: string, doc: Doc | null): void {
    for (const target of this.#targets.get(id) ?? EMPTY) {
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
