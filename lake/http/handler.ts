import {LakeError} from '../errors.ts'
import type {LakeState} from '../state.ts'
import {handleCors} from './cors.ts'
import {isLoopbackHostname, requestHostname} from './host.ts'
import {sendAnswer, sendError, type Request, type Response} from './respond.ts'
import {isStudioRequest, serveStudioFile} from './studio-files.ts'
import {apiVersionOf, findRoute, HANDLED, stripVersion, type Route} from './router.ts'
import {SessionNotFoundError, sessionOf} from './session.ts'

/** The refusal for a request whose Host is not a loopback name (a DNS rebinding attempt). */
function foreignHostError(hostname: string | null): LakeError {
  return new LakeError(
    403,
    'forbidden',
    `Cannot answer a request for host "${(hostname ?? '').slice(0, 100)}": the local Content Lake answers only loopback names (localhost, *.localhost, 127.0.0.1, [::1]), so web pages cannot reach it through DNS rebinding; use http://127.0.0.1:<port> or https://localhost:<port>`,
  )
}

const unauthorized = (method: string, path: string) =>
  new LakeError(
    401,
    'unauthorized',
    `Cannot ${method === 'GET' || method === 'HEAD' ? 'read' : 'change'} ${path} without the lake token, expected "Authorization: Bearer <token>" with the token from the lake folder's token file (.lake/token by default); the Studio gets it from the login link that npm run studio (or npm run dev) prints`,
  )

/**
 * The request handler: loopback Host names only, the built Studio's pages (when the lake serves
 * one), CORS, routing on the version-less path, the
 * token for everything but the public routes, and Sanity's error shapes.
 */
export function createHandler(routes: Route[], state: LakeState) {
  return async (req: Request, res: Response): Promise<void> => {
    const method = req.method ?? 'GET'
    try {
      const hostname = requestHostname(req)
      if (!isLoopbackHostname(hostname)) throw foreignHostError(hostname)
      const studioDir = state.studioDir
      const pathname = new URL(req.url ?? '/', 'http://localhost').pathname
      if (studioDir && isStudioRequest(hostname ?? '', state.projectId, method, pathname))
        return await serveStudioFile(studioDir, state.studioUrl, req, res)
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
      const session = sessionOf(req, state.token)
      if (!found.route.public && session === 'invalid') throw new SessionNotFoundError()
      if (!found.route.public && session === 'none') throw unauthorized(method, path)
      const result = await found.route.handle({
        req,
        res,
        url,
        params: found.params,
        apiVersion: apiVersionOf(url.pathname),
        authorized: session === 'valid',
        session,
        state,
      })
      if (result !== HANDLED && !res.headersSent) await sendAnswer(res, 200, result)
    } catch (error) {
      if (!(error instanceof LakeError) || error.status >= 500)
        state.log(`error on ${method} ${req.url}: ${String(error)}`)
      if (!res.headersSent) sendError(res, error)
      else res.end()
    }
  }
}
