import {readJson} from '../http/respond.ts'
import {HANDLED, type Route, type RouteContext} from '../http/router.ts'
import {badRequest, LakeError} from '../errors.ts'
import {SessionNotFoundError} from '../http/session.ts'

/** The single local administrator every request with the token acts as. */
export const LOCAL_USER = {
  id: 'local-admin',
  name: 'Local Administrator',
  email: 'admin@localhost',
  profileImage: null,
  role: 'administrator',
  roles: [{name: 'administrator', title: 'Administrator'}],
  provider: 'local',
}

const keyValues = new Map<string, unknown>()

/**
 * The Studio's login screen lists these; the one entry leads to a page that says how to get in,
 * because the lake hands its token only to whoever holds the one-time link printed in the
 * terminal (a link anyone could click would give the token to every local process and page).
 */
function providers(ctx: RouteContext) {
  const host = ctx.req.headers.host ?? ctx.req.headers[':authority'] ?? 'localhost'
  // The Studio may reach the lake over plain HTTP: an https link would meet the certificate.
  const scheme = (ctx.req.socket as {encrypted?: boolean}).encrypted ? 'https' : 'http'
  return {
    thirdPartyLogin: false,
    sso: {saml: false},
    providers: [
      {
        name: 'local-lake',
        title: 'Log in with the npm run studio link',
        url: `${scheme}://${String(host)}/auth/login`,
      },
    ],
  }
}

function loginHelp(ctx: RouteContext): typeof HANDLED {
  ctx.res.statusCode = 200
  ctx.res.setHeader('content-type', 'text/html; charset=utf-8')
  ctx.res.end(
    '<!doctype html><meta charset="utf-8"><title>Log in to the local Studio</title><body style="font:16px system-ui;margin:3rem"><h1>Log in to the local Studio</h1><p>The local Content Lake lets in the browser that opens its one-time login link. Run <code>npm run studio</code> (or <code>npm run dev</code> when developing the Studio) and open the <code>/login?sid=…</code> link it prints; the link works once, so start it again for another browser.</p><p>Logged out while editing (the lake restarted with another token)? Changes the lake had not saved are kept in this browser: after you log in again they are saved, or, if the document changed meanwhile, the Studio asks you what to do with them.</p></body>',
  )
  return HANDLED
}

/**
 * Who is logged in, as the hosted API answers it: the user for the token, `{}` without a token,
 * and 401 "Session not found" for a token that is not the lake's, which the Studio takes as
 * logged out (and, from any other request, as the signal to log out).
 */
function currentUser<T>(ctx: RouteContext, user: T): T | Record<string, never> {
  if (ctx.session === 'invalid') throw new SessionNotFoundError()
  return ctx.session === 'valid' ? user : {}
}

/**
 * Auth and user endpoints: `/users/me` and `/auth/id` (logged out without the token, as Sanity
 * answers an anonymous caller), the one-time login exchange `/auth/fetch`, the login screen's
 * providers, and the user's key-value store.
 */
export const userRoutes: Route[] = [
  {
    method: 'GET',
    path: '/users/me',
    public: true,
    handle: (ctx) => currentUser(ctx, LOCAL_USER),
  },
  {
    method: 'GET',
    path: '/auth/id',
    public: true,
    handle: (ctx) => currentUser(ctx, {id: LOCAL_USER.id}),
  },
  {method: 'POST', path: '/auth/logout', public: true, handle: () => ({})},
  {method: 'GET', path: '/auth/providers', public: true, handle: providers},
  {method: 'GET', path: '/auth/login', public: true, handle: loginHelp},
  {
    method: 'GET',
    path: '/auth/fetch',
    public: true,
    handle(ctx) {
      const sid = ctx.url.searchParams.get('sid') ?? ''
      if (!ctx.state.sessions.delete(sid) && !ctx.authorized) {
        throw new LakeError(
          401,
          'unauthorized',
          'Cannot log in with this session id: it was already used or is unknown, run `npm run studio` (or `npm run dev`) again for a new login URL',
        )
      }
      return {token: ctx.state.token}
    },
  },
  {
    method: 'GET',
    path: '/users/me/keyvalue/:keys',
    handle: (ctx) =>
      ctx.params.keys.split(',').map((key) => ({key, value: keyValues.get(key) ?? null})),
  },
  {
    method: 'PUT',
    path: '/users/me/keyvalue',
    async handle(ctx) {
      const body = await readJson(ctx.req)
      const entries = (Array.isArray(body) ? body : [body]) as Array<{key: string; value: unknown}>
      if (!entries.every((entry) => typeof entry?.key === 'string')) {
        throw badRequest('Cannot store key-values, expected [{"key": "<string>", "value": …}]')
      }
      for (const {key, value} of entries) keyValues.set(key, value)
      return entries
    },
  },
]
