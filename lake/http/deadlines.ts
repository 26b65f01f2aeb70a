/** How long connections may take, and how many there may be. */
export type ConnectionLimits = {
  /**
   * Milliseconds a connection has to send a complete request head: from connecting (including
   * the TLS handshake), and again after each HTTP/1.1 response on a kept-alive connection.
   */
  headersTimeoutMs: number
  /** Milliseconds a request has to send its whole body. */
  requestTimeoutMs: number
  /** Milliseconds without any traffic after which a connection is closed. */
  idleTimeoutMs: number
  /** Open connections; more are refused until some close. */
  maxConnections: number
}

/**
 * Loopback clients send a request head in microseconds, so 10 s only stops clients that stall
 * on purpose; the idle timeout outlasts the 15 s keep-alive comments of listener streams.
 */
export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 60_000,
  idleTimeoutMs: 120_000,
  maxConnections: 1024,
}

type Closable = {destroy: () => void; destroyed: boolean}

/**
 * Per-connection deadlines: `arm` starts one that destroys the connection unless `clear` is
 * called first (when the awaited request head arrives).
 */
export class Deadlines {
  readonly #ms: number
  readonly #timers = new WeakMap<object, NodeJS.Timeout>()

  constructor(ms: number) {
    this.#ms = ms
  }

  /** Destroys `target` in `ms` unless cleared; re-arming restarts the clock. */
  arm(target: Closable): void {
    this.clear(target)
    if (target.destroyed) return
    const timer = setTimeout(() => target.destroy(), this.#ms)
    // A pending deadline must not keep the process alive on its own.
    timer.unref()
    this.#timers.set(target, timer)
  }

  /** Cancels the deadline of `target`, if any. */
  clear(target: object): void {
    clearTimeout(this.#timers.get(target))
    this.#timers.delete(target)
  }
}
