import type {Route} from '../http/router.ts'

/** `GET /data/doc/<ds>/<id1>,<id2>`: documents by id, with the missing ones listed as omitted. */
export const docRoutes: Route[] = [
  {
    method: 'GET',
    path: '/data/doc/:dataset/:ids',
    handle(ctx) {
      const dataset = ctx.state.registry.get(ctx.params.dataset)
      const ids = ctx.params.ids.split(',').filter(Boolean)
      // Each document is read from the file once.
      const found = ids.map((id) => ({id, doc: dataset.get(id)}))
      const documents = found.flatMap(({doc}) => doc ?? [])
      const omitted = found.filter(({doc}) => !doc).map(({id}) => ({id, reason: 'existence'}))
      return {documents, omitted}
    },
  },
]
