import {HANDLED, type Route, type RouteContext} from '../http/router.ts'

function page(ctx: RouteContext, status: number, html: string): typeof HANDLED {
  ctx.res.statusCode = status
  ctx.res.setHeader('content-type', 'text/html; charset=utf-8')
  ctx.res.end(
    `<!doctype html><meta charset="utf-8"><title>Local Content Lake</title><body style="font:16px system-ui;margin:3rem">${html}</body>`,
  )
  return HANDLED
}

/** The lake's own pages: a status page, and `/login` which forwards a one-time session to the Studio. */
export const homeRoutes: Route[] = [
  {
    method: 'GET',
    path: '/',
    public: true,
    handle: (ctx) =>
      page(
        ctx,
        200,
        `<h1>Local Content Lake</h1><p>Running for project <code>${ctx.state.projectId}</code>. Open the Studio at <a href="${ctx.state.studioUrl}">${ctx.state.studioUrl}</a>.</p>`,
      ),
  },
  {
    method: 'GET',
    path: '/login',
    public: true,
    handle(ctx) {
      const sid = ctx.url.searchParams.get('sid') ?? ''
      if (!/^[a-f0-9]{20,}$/.test(sid) || !ctx.state.sessions.has(sid)) {
        return page(
          ctx,
          400,
          '<h1>This login link was already used</h1><p>Restart <code>npm run studio</code> (or <code>npm run dev</code>) for a new one, or open the Studio directly if you are logged in.</p>',
        )
      }
      ctx.res.statusCode = 302
      ctx.res.setHeader('location', `${ctx.state.studioUrl}/#sid=${sid}`)
      ctx.res.end()
      return HANDLED
    },
  },
]
