import {badRequest} from '../errors.ts'
import {readJson} from '../http/respond.ts'
import type {Route} from '../http/router.ts'
import {applyAction, type Action} from '../mutate/actions.ts'
import {runTransaction} from '../mutate/transaction.ts'

/** `POST /data/actions/<ds>`: Studio document actions, all applied or none. */
export const actionRoutes: Route[] = [
  {
    method: 'POST',
    path: '/data/actions/:dataset',
    write: true,
    async handle(ctx) {
      const body = await readJson(ctx.req)
      const actions = (Array.isArray(body.actions) ? body.actions : [body.actions]) as Action[]
      if (!body.actions || actions.length === 0) {
        throw badRequest('Cannot run actions without actions, expected {"actions": [...]}')
      }
      const transactionId = typeof body.transactionId === 'string' ? body.transactionId : undefined
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
