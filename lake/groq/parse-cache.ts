/**
 * A least-recently-used cache bounded by an estimate of the bytes it holds, so a client sending
 * many large distinct queries evicts old entries instead of growing the heap.
 */
export class ParseCache<T> {
  readonly maxBytes: number
  #bytes = 0
  // A Map iterates in insertion order: re-inserting on each hit keeps the oldest entry first.
  readonly #entries = new Map<string, {value: T; bytes: number}>()

  constructor(maxBytes: number) {
    this.maxBytes = maxBytes
  }

  /** The cached value, marked as the most recently used. */
  get(key: string): T | undefined {
    const entry = this.#entries.get(key)
    if (!entry) return undefined
    this.#entries.delete(key)
    this.#entries.set(key, entry)
    return entry.value
  }

  /** Caches a value that costs `bytes`; values over an eighth of the budget are not kept. */
  set(key: string, value: T, bytes: number): void {
    const cost = bytes + key.length * 2
    const existing = this.#entries.get(key)
    if (existing) {
      this.#entries.delete(key)
      this.#bytes -= existing.bytes
    }
    if (cost > this.maxBytes / 8) return
    this.#entries.set(key, {value, bytes: cost})
    this.#bytes += cost
    for (const [oldest, entry] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break
      this.#entries.delete(oldest)
      this.#bytes -= entry.bytes
    }
  }

  /** The estimated bytes held. */
  get bytes(): number {
    return this.#bytes
  }

  /** The number of cached entries. */
  get size(): number {
    return this.#entries.size
  }
}
