import type {Route} from '../http/router.ts'
import type {Dataset} from '../store/dataset.ts'

/** Documents by id, each read from the file once, with the missing ones listed as omitted. */
export function documentsById(dataset: Dataset, ids: readonly string[]) {
  const found = ids.map((id) => ({id, doc: dataset.get(id)}))
  const documents = found.flatMap(({doc}) => doc ?? [])
  const omitted = found.filter(({doc}) => !doc).map(({id}) => ({id, reason: 'existence'}))
  return {documents, omitted}
}

/** `GET /data/doc/<ds>/<id1>,<id2>`: documents by id, with the missing ones listed as omitted. */
export const docRoutes: Route[] = [
  {
    method: 'GET',
    path: '/data/doc/:dataset/:ids',
    handle: (ctx) =>
      documentsById(
        ctx.state.registry.get(ctx.params.dataset),
        ctx.params.ids.split(',').filter(Boolean),
      ),
  },
]
