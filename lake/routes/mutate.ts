import {badRequest} from '../errors.ts'
import {readJsonObject} from '../http/body.ts'
import type {Route} from '../http/router.ts'
import {applyMutation, type MutationResult} from '../mutate/apply.ts'
import {requestedTransactionId, runTransaction} from '../mutate/transaction.ts'
import type {WireMutation} from '../store/types.ts'

const flag = (value: string | null) => value === 'true'

/** `POST /data/mutate/<ds>`: an atomic list of mutations, as @sanity/client transactions send. */
export const mutateRoutes: Route[] = [
  {
    method: 'POST',
    path: '/data/mutate/:dataset',
    async handle(ctx) {
      const search = ctx.url.searchParams
      const body = await readJsonObject(ctx.req)
      const mutations = (
        Array.isArray(body.mutations) ? body.mutations : [body.mutations]
      ) as WireMutation[]
      if (!body.mutations || mutations.length === 0) {
        throw badRequest('Cannot mutate without mutations, expected {"mutations": [...]}')
      }
      const transactionId = requestedTransactionId(
        body.transactionId ?? search.get('transactionId'),
      )
      const dataset = ctx.state.registry.get(ctx.params.dataset)
      const outcome = await runTransaction(
        dataset,
        {transactionId, dryRun: flag(search.get('dryRun'))},
        async (ws) => {
          const results: MutationResult[] = []
          for (const [index, mutation] of mutations.entries()) {
            ws.index = index
            results.push(...(await applyMutation(ws, mutation)))
          }
          return results
        },
      )
      const returnDocuments = flag(search.get('returnDocuments'))
      const results = outcome.value.map((result) =>
        returnDocuments ? {...result, document: outcome.document(result.id)} : result,
      )
      return {transactionId: outcome.transactionId, results}
    },
  },
]
