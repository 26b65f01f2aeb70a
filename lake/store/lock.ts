/** Runs async tasks one at a time, in the order they were queued. */
export class Lock {
  #tail: Promise<unknown> = Promise.resolve()

  /** Runs `task` after every task queued before it has settled. */
  run<T>(task: () => Promise<T> | T): Promise<T> {
    const result = this.#tail.then(task, task)
    this.#tail = result.catch(() => undefined)
    return result
  }
}
