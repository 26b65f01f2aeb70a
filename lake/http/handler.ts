import {timingSafeEqual} from 'node:crypto'
import {LakeError} from '../errors.ts'
import type {LakeState} from '../state.ts'
import {handleCors} from './cors.ts'
import {sendError, sendJson, type Request, type Response} from './respond.ts'
import {apiVersionOf, findRoute, HANDLED, stripVersion, type Route} from './router.ts'

function bearer(req: Request): string | null {
  const header = req.headers.authorization
  const match = typeof header === 'string' ? /^Bearer\s+(.+)$/i.exec(header) : null
  return match ? match[1].trim() : null
}

/** Whether the request carries the lake's token. */
export function isAuthorized(req: Request, token: string): boolean {
  const given = bearer(req)
  if (!given || given.length !== token.length) return false
  return timingSafeEqual(Buffer.from(given), Buffer.from(token))
}

/** The request handler: CORS, routing on the version-less path, auth for writes, error shapes. */
export function createHandler(routes: Route[], state: LakeState) {
  return async (req: Request, res: Response): Promise<void> => {
    const method = req.method ?? 'GET'
    try {
      if (handleCors(req, res, state.origins)) return
      const url = new URL(req.url ?? '/', 'http://localhost')
      const path = stripVersion(url.pathname)
      const found = findRoute(routes, method, path)
      if (!found) {
        state.unknownEndpoints.push({method, path: url.pathname, at: new Date().toISOString()})
        state.log(`404 unknown endpoint: ${method} ${url.pathname}`)
        throw new LakeError(
          404,
          'notFound',
          `Unknown endpoint: ${method} ${path} is not implemented by the local Content Lake`,
        )
      }
      if (found.route.write && !isAuthorized(req, state.token)) {
        throw new LakeError(
          401,
          'unauthorized',
          'Cannot write without the lake token, expected "Authorization: Bearer <token from .lake/token>"',
        )
      }
      const result = await found.route.handle({
        req,
        res,
        url,
        params: found.params,
        apiVersion: apiVersionOf(url.pathname),
        state,
      })
      if (result !== HANDLED && !res.headersSent) sendJson(res, 200, result)
    } catch (error) {
      if (!(error instanceof LakeError) || error.status >= 500)
        state.log(`error on ${method} ${req.url}: ${String(error)}`)
      if (!res.headersSent) sendError(res, error)
      else res.end()
    }
  }
}
