import type {Request, Response} from './respond.ts'

/**
 * Adds CORS headers for an allowed origin. Answers preflights itself: 204 for allowed origins,
 * 403 for others. Returns true when the request has been answered.
 */
export function handleCors(
  req: Request,
  res: Response,
  allowedOrigins: ReadonlySet<string>,
): boolean {
  const origin = req.headers.origin
  const allowed = typeof origin === 'string' && allowedOrigins.has(origin)
  if (allowed) {
    res.setHeader('access-control-allow-origin', origin)
    res.setHeader('access-control-allow-credentials', 'true')
    res.setHeader('vary', 'origin')
  }
  if (req.method !== 'OPTIONS') return false
  if (!allowed) {
    res.statusCode = 403
    res.end()
    return true
  }
  const requestedHeaders = req.headers['access-control-request-headers']
  res.setHeader('access-control-allow-methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS')
  if (requestedHeaders) res.setHeader('access-control-allow-headers', String(requestedHeaders))
  res.setHeader('access-control-max-age', '600')
  res.statusCode = 204
  res.end()
  return true
}
