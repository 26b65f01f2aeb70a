import {badRequest} from '../errors.ts'
import {readJsonObject} from '../http/body.ts'
import type {Route} from '../http/router.ts'
import {applyAction, type Action} from '../mutate/actions.ts'
import {requestedTransactionId, runTransaction} from '../mutate/transaction.ts'

/** `POST /data/actions/<ds>`: Studio document actions, all applied or none. */
export const actionRoutes: Route[] = [
  {
    method: 'POST',
    path: '/data/actions/:dataset',
    async handle(ctx) {
      const body = await readJsonObject(ctx.req)
      const actions = (Array.isArray(body.actions) ? body.actions : [body.actions]) as Action[]
      if (!body.actions || actions.length === 0) {
        throw badRequest('Cannot run actions without actions, expected {"actions": [...]}')
      }
      const transactionId = requestedTransactionId(body.transactionId)
      const dataset = ctx.state.registry.get(ctx.params.dataset)
      const outcome = await runTransaction(
        dataset,
        {transactionId, dryRun: body.dryRun === true},
        async (ws) => {
          for (const [index, action] of actions.entries()) {
            ws.index = index
            await applyAction(ws, action)
          }
        },
      )
      return {transactionId: outcome.transactionId}
    },
  },
]
