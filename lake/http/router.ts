import {LakeError} from '../errors.ts'
import type {LakeState} from '../state.ts'
import type {Request, Response} from './respond.ts'
import type {Session} from './session.ts'

/** What a route handler receives. */
export type RouteContext = {
  req: Request
  res: Response
  url: URL
  params: Record<string, string>
  /** The API version from the `/v<version>` prefix (`1`, `2025-02-19`, `X`), or null. */
  apiVersion: string | null
  /** Whether the request carries the lake's token (public routes answer either way). */
  authorized: boolean
  /** The request's credentials: the token, none, or a token that is not (or no longer) valid. */
  session: Session
  state: LakeState
}

/** Returned by handlers that wrote the response themselves (streams, files). */
export const HANDLED = Symbol('handled')

/** One endpoint: method, path pattern (`:name` segments, a trailing `*`), and handler. */
export type Route = {
  method: string
  path: string
  /**
   * Answered without the token: only what the Studio needs before login (who is logged in,
   * the project, the login flow) and asset files, which browsers load without headers. Every
   * other route needs the token, as every read and write of a private dataset does on Sanity.
   */
  public?: boolean
  handle: (ctx: RouteContext) => unknown
}

const API_VERSION = /^v(\d+|\d{4}-\d{2}-\d{2}|X)$/

/** The API version of a path's `/v<version>` prefix, or null. */
export function apiVersionOf(pathname: string): string | null {
  const segment = pathname.split('/')[1] ?? ''
  return API_VERSION.test(segment) ? segment.slice(1) : null
}

/** The path without the `/v<date>` API version prefix the clients add. */
export function stripVersion(pathname: string): string {
  const segments = pathname.split('/')
  if (segments[1] && API_VERSION.test(segments[1])) segments.splice(1, 1)
  return segments.join('/') || '/'
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    throw new LakeError(
      400,
      'validationError',
      `Cannot decode the path segment "${segment.slice(0, 100)}", expected valid percent-encoding (e.g. %2C for ",")`,
    )
  }
}

function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean)
  const have = path.split('/').filter(Boolean)
  const raw: Record<string, string> = {}
  for (const [index, segment] of want.entries()) {
    if (segment === '*') {
      raw['*'] = have.slice(index).join('/')
      break
    }
    const value = have[index]
    if (value === undefined) return null
    if (segment.startsWith(':')) raw[segment.slice(1)] = value
    else if (segment !== value) return null
  }
  if (!want.includes('*') && have.length !== want.length) return null
  // Decoded only once the route matched, so a bad escape is reported against the right route.
  const params: Record<string, string> = {}
  for (const [name, value] of Object.entries(raw)) {
    params[name] = name === '*' ? value.split('/').map(decode).join('/') : decode(value)
  }
  return params
}

/** Finds the route for a method and a version-less path. */
export function findRoute(
  routes: Route[],
  method: string,
  path: string,
): {route: Route; params: Record<string, string>} | null {
  for (const route of routes) {
    if (route.method !== method && !(route.method === 'GET' && method === 'HEAD')) continue
    const params = matchPath(route.path, path)
    if (params) return {route, params}
  }
  return null
}
