import type {Request} from './respond.ts'

/** The host name a request was sent to (`Host`, or HTTP/2's `:authority`), without the port. */
export function requestHostname(req: Request): string | null {
  const header = req.headers.host ?? req.headers[':authority']
  const host = (Array.isArray(header) ? header[0] : header)?.trim().toLowerCase()
  if (!host) return null
  if (host.startsWith('[')) {
    const end = host.indexOf(']')
    return end > 0 ? host.slice(0, end + 1) : null
  }
  return host.replace(/:\d*$/, '')
}

/**
 * Whether a host name can only mean this machine: `localhost`, `*.localhost`, `127.0.0.1` or
 * `[::1]`. A web page that rebinds its own name to 127.0.0.1 still sends that name, so refusing
 * every other name keeps pages from reading the lake through DNS rebinding.
 */
export function isLoopbackHostname(hostname: string | null): boolean {
  if (!hostname) return false
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    hostname === '127.0.0.1' ||
    hostname === '[::1]'
  )
}
