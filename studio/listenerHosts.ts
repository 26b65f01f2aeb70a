/**
 * Every listener of a Studio that talks to the local lake over plain HTTP/1.1 gets a host name of
 * its own. Chromium opens at most six HTTP/1.1 connections per host name, and the Studio keeps an
 * event stream open per document list and per open document (measured: 6 after opening one
 * course), so with one API host name the seventh request waits forever ("Loading…"). Any
 * `*.localhost` name reaches the lake (Chromium resolves them to loopback, and the lake answers
 * them all), so `l<n>.<projectId>.localhost` gives each stream its own connection pool.
 */

/** A listen request's URL on the local lake moved to host `l<n>.<its host>`; others unchanged. */
export function listenerUrl(url: string, n: number): string {
  const parsed = new URL(url)
  const local = parsed.hostname === 'localhost' || parsed.hostname.endsWith('.localhost')
  if (parsed.protocol !== 'http:' || !local || !/\/data\/listen\//.test(parsed.pathname)) return url
  parsed.hostname = `l${n}.${parsed.hostname}`
  return parsed.href
}

/** Whether the Studio reaches the lake over plain HTTP on a `localhost` name (no HTTP/2). */
export function needsListenerHosts(apiHost: string | undefined): boolean {
  if (!apiHost) return false
  const {protocol, hostname} = new URL(apiHost)
  return protocol === 'http:' && (hostname === 'localhost' || hostname.endsWith('.localhost'))
}

/**
 * Wraps the page's `fetch` (which @sanity/client resolves on every request, event streams
 * included) so each listen request goes to a host name no other request uses.
 */
export function spreadListenerHosts(scope: {fetch: typeof fetch}): void {
  const original = scope.fetch.bind(scope)
  let count = 0
  scope.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : null
    const moved = url === null ? url : listenerUrl(url, count + 1)
    if (moved === null || moved === url) return original(input, init)
    count += 1
    return original(moved, init)
  }
}
