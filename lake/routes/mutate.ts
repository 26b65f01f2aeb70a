import {readJsonObject} from '../http/body.ts'
import type {Route} from '../http/router.ts'
import {mutateDataset} from '../mutate/mutate.ts'

const flag = (value: string | null) => value === 'true'

/** `POST /data/mutate/<ds>`: an atomic list of mutations, as @sanity/client transactions send. */
export const mutateRoutes: Route[] = [
  {
    method: 'POST',
    path: '/data/mutate/:dataset',
    async handle(ctx) {
      const search = ctx.url.searchParams
      const body = await readJsonObject(ctx.req)
      const dataset = () => ctx.state.registry.get(ctx.params.dataset)
      return mutateDataset(dataset, body.mutations, {
        transactionId: body.transactionId ?? search.get('transactionId'),
        dryRun: flag(search.get('dryRun')),
        returnDocuments: flag(search.get('returnDocuments')),
      })
    },
  },
]
