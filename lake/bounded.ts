/**
 * An array that keeps only its first `limit` items: `push` beyond that drops them (counted in
 * `dropped`), so records of requests anyone can send (unknown endpoints) cannot grow the heap.
 */
export class CappedList<T> extends Array<T> {
  // map, filter and slice of a capped list return plain arrays.
  static get [Symbol.species]() {
    return Array
  }

  /** How many items were refused because the list was full. */
  dropped = 0
  #limit = Infinity

  /** A capped list that holds at most `limit` items. */
  static withLimit<T>(limit: number): CappedList<T> {
    const list = new CappedList<T>()
    list.#limit = limit
    return list
  }

  override push(...items: T[]): number {
    const room = Math.max(0, this.#limit - this.length)
    this.dropped += Math.max(0, items.length - room)
    return super.push(...items.slice(0, room))
  }
}

/**
 * Wraps a log function so it writes at most `lines` lines per `windowMs`; the lines dropped in a
 * window are summed up in one line when the next window opens. A flood of bad requests then
 * costs a bounded amount of log.
 */
export function limitLog(
  log: (message: string) => void,
  options: {lines: number; windowMs: number; now?: () => number},
): (message: string) => void {
  const now = options.now ?? Date.now
  let windowStart = now()
  let written = 0
  let dropped = 0
  return (message) => {
    if (now() - windowStart >= options.windowMs) {
      if (dropped > 0) log(`(${dropped} log lines dropped: more than ${options.lines} a window)`)
      windowStart = now()
      written = 0
      dropped = 0
    }
    if (written < options.lines) {
      written++
      log(message)
    } else {
      dropped++
    }
  }
}
