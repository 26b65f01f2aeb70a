import type {Response} from '../http/respond.ts'

/**
 * A server-sent event stream that respects `res.write`'s return value: once the socket's buffer
 * is full, `drained()` makes the sender wait until the reader has taken it, so a reader that
 * stops reading holds at most one buffer's worth of events, never everything sent after.
 */
export class EventStream {
  readonly #res: Response
  #drain: Promise<void> | null = null

  constructor(res: Response) {
    this.#res = res
  }

  /** Whether the stream still accepts events. */
  get open(): boolean {
    return !this.#res.writableEnded && !this.#res.destroyed
  }

  /** Whether the reader has not yet taken what was written. */
  get behind(): boolean {
    return this.#drain !== null
  }

  /** Sends one event; `data` is sent as JSON. Wait for `drained()` before sending many. */
  send(event: string, data: unknown, id?: string): void {
    this.#write(`${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
  }

  /** Sends a comment line (keep-alive); skipped while the reader is behind. */
  comment(text: string): void {
    if (!this.behind) this.#write(`: ${text}\n\n`)
  }

  /** Resolves once the reader has taken what was written, or the stream closed. */
  drained(): Promise<void> {
    return this.#drain ?? Promise.resolve()
  }

  /** Ends the stream after what was written. */
  end(): void {
    if (this.open) this.#res.end()
  }

  /** Drops the connection at once (a reader too far behind). */
  destroy(): void {
    if (!this.#res.destroyed) this.#res.destroy()
  }

  #write(chunk: string): void {
    if (!this.open) return
    // The HTTP/1.1 and HTTP/2 compatibility responses differ only in write()'s overloads.
    const accepted = (this.#res as import('node:http').ServerResponse).write(chunk)
    if (!accepted && !this.#drain) {
      this.#drain = new Promise((resolve) => {
        const done = () => {
          this.#res.off('drain', done)
          this.#res.off('close', done)
          this.#drain = null
          resolve()
        }
        this.#res.on('drain', done)
        this.#res.on('close', done)
      })
    }
  }
}
