/** The part of a writable stream the progress bar needs. */
export interface ProgressStream {
  isTTY?: boolean
  columns?: number
  write(text: string): unknown
}

/** A progress bar redrawn in place on a terminal; silent anywhere else (CI logs, pipes). */
export interface Progress {
  update(done: number, total: number, label: string): void
  finish(): void
}

/** Creates a progress bar that redraws at most every `intervalMs`. */
export function createProgress(stream: ProgressStream, intervalMs = 80): Progress {
  // Off a terminal the bar would only fill logs with carriage returns.
  if (!stream.isTTY) return {update: () => undefined, finish: () => undefined}
  let last = 0
  let drawn = false
  return {
    update(done, total, label) {
      const now = Date.now()
      if (done < total && now - last < intervalMs) return
      last = now
      const width = 24
      const filled = total === 0 ? width : Math.round((done / total) * width)
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`
      const room = Math.max(10, (stream.columns || 80) - width - 20)
      const name = label.length > room ? `…${label.slice(-room + 1)}` : label
      stream.write(`\r\u001b[2K${bar} ${done}/${total} ${name}`)
      drawn = true
    },
    finish() {
      if (drawn) stream.write('\r\u001b[2K')
    },
  }
}
