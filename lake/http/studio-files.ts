import {readFile, stat} from 'node:fs/promises'
import {extname, resolve, sep} from 'node:path'
import type {Request, Response} from './respond.ts'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
}

/** Vite names its chunks `<name>-<8 character hash>.<ext>`: their content never changes. */
const HASHED = /-[A-Za-z0-9_-]{8}\.(js|css|woff2?)$/

/**
 * Whether a request is for the built Studio rather than the API: a page load (GET or HEAD) on a
 * host other than the project's API host (`<projectId>.localhost`, where the Studio sends its
 * API calls), for a path that is not versioned (`/v2025-02-19/…`, the Studio's calls that skip
 * the project host), not an asset file (`/images/…`, `/files/…`) and not the login link.
 * Everything else is the API.
 */
export function isStudioRequest(
  hostname: string,
  projectId: string,
  method: string,
  pathname: string,
): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false
  if (hostname === `${projectId}.localhost`) return false
  return !/^\/(v\d[^/]*|vX|images|files|login)(\/|$)/.test(pathname)
}

function decodedPath(url: string): string {
  const pathname = new URL(url, 'http://localhost').pathname
  try {
    return decodeURIComponent(pathname)
  } catch {
    return '/'
  }
}

/**
 * Answers a request from a built Studio folder: the file when it exists, `index.html` for every
 * other path (the Studio routes in the browser). Hashed chunks are cached for good and the page
 * is revalidated, so a reload only asks for `index.html` again. A page asked for on another host
 * name (`127.0.0.1`) is sent to the same path on `studioUrl`.
 */
export async function serveStudioFile(
  dir: string,
  studioUrl: string,
  req: Request,
  res: Response,
): Promise<void> {
  const studio = new URL(studioUrl)
  const host = String(req.headers.host ?? req.headers[':authority'] ?? '')
  if (host !== studio.host) {
    // The Studio sends its API calls to `<projectId>.<its host>`: that works for `localhost`,
    // not for `127.0.0.1`, so the page is always loaded from the Studio's own URL.
    res.statusCode = 302
    res.setHeader('location', new URL(req.url ?? '/', studio).href)
    res.end()
    return
  }
  const root = resolve(dir)
  let file = resolve(root, `.${decodedPath(req.url ?? '/')}`)
  const inside = file.startsWith(root + sep)
  const isFile = inside && (await stat(file).catch(() => null))?.isFile()
  if (!isFile) file = resolve(root, 'index.html')
  const data = await readFile(file).catch(() => null)
  if (!data) {
    res.statusCode = 503
    res.setHeader('content-type', 'text/plain; charset=utf-8')
    res.end(`No Studio build in ${root}: run npm run studio, which builds it before serving`)
    return
  }
  res.statusCode = 200
  res.setHeader('content-type', MIME[extname(file)] ?? 'application/octet-stream')
  res.setHeader('content-length', data.length)
  res.setHeader(
    'cache-control',
    HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
  )
  res.setHeader('x-content-type-options', 'nosniff')
  if (req.method === 'HEAD') res.end()
  else res.end(data)
}
