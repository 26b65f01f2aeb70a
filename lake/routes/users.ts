import {readJson} from '../http/respond.ts'
import type {Route} from '../http/router.ts'
import {isAuthorized} from '../http/handler.ts'
import {LakeError} from '../errors.ts'

/** The single local administrator every request acts as. */
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

/** Auth and user endpoints: `/users/me`, `/auth/id`, `/auth/fetch` (one-time login) and keyvalue. */
export const userRoutes: Route[] = [
  {method: 'GET', path: '/users/me', handle: () => LOCAL_USER},
  {method: 'GET', path: '/auth/id', handle: () => ({id: LOCAL_USER.id})},
  {method: 'POST', path: '/auth/logout', handle: () => ({})},
  {
    method: 'GET',
    path: '/auth/fetch',
    handle(ctx) {
      const sid = ctx.url.searchParams.get('sid') ?? ''
      if (!ctx.state.sessions.delete(sid) && !isAuthorized(ctx.req, ctx.state.token)) {
        throw new LakeError(
          401,
          'unauthorized',
          'Cannot log in with this session id: it was already used or is unknown, run `npm run dev` again for a new login URL',
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
    write: true,
    async handle(ctx) {
      const body = await readJson(ctx.req)
      const entries = (Array.isArray(body) ? body : [body]) as Array<{key: string; value: unknown}>
      for (const {key, value} of entries) keyValues.set(key, value)
      return entries
    },
  },
]
