import type {Route, RouteContext} from '../http/router.ts'
import {HANDLED} from '../http/router.ts'
import {documentEvents} from '../listen/document-events.ts'
import {mendozaDiff} from '../listen/mendoza.ts'
import {documentsAt, transactionsOf} from '../store/history.ts'

function transactions(ctx: RouteContext): typeof HANDLED {
  const search = ctx.url.searchParams
  const dataset = ctx.state.registry.get(ctx.params.dataset)
  const ids = ctx.params.ids.split(',').filter(Boolean)
  const list = transactionsOf(dataset, ids, {
    fromTransaction: search.get('fromTransaction') ?? undefined,
    toTransaction: search.get('toTransaction') ?? undefined,
    fromTime: search.get('fromTime') ?? undefined,
    toTime: search.get('toTime') ?? undefined,
    reverse: search.get('reverse') === 'true',
    limit: Number(search.get('limit') ?? 0),
  })
  const lines = list.map((tx) => {
    const entry: Record<string, unknown> = {
      id: tx.id,
      timestamp: tx.timestamp,
      author: tx.author,
      documentIDs: tx.changes.map((c) => c.docId),
    }
    if (search.get('excludeMutations') !== 'true') entry.mutations = tx.mutations
    if (search.get('excludeContent') !== 'true') entry.documents = tx.changes.map((c) => c.after)
    entry.effects = Object.fromEntries(
      tx.changes.map((c) => [
        c.docId,
        {apply: mendozaDiff(c.before, c.after), revert: mendozaDiff(c.after, c.before)},
      ]),
    )
    return JSON.stringify(entry)
  })
  ctx.res.statusCode = 200
  ctx.res.setHeader('content-type', 'application/x-ndjson')
  ctx.res.end(lines.length > 0 ? `${lines.join('\n')}\n` : '')
  return HANDLED
}

/** Translog and document history endpoints behind the Studio's history timeline and review changes. */
export const historyRoutes: Route[] = [
  {method: 'GET', path: '/data/history/:dataset/transactions/:ids', handle: transactions},
  {
    method: 'GET',
    path: '/data/history/:dataset/documents/:ids',
    handle(ctx) {
      const search = ctx.url.searchParams
      const dataset = ctx.state.registry.get(ctx.params.dataset)
      const documents = documentsAt(dataset, ctx.params.ids.split(',').filter(Boolean), {
        revision: search.get('revision') ?? undefined,
        time: search.get('time') ?? undefined,
        lastRevision: search.get('lastRevision') === 'true',
      })
      return {documents}
    },
  },
  {
    method: 'GET',
    path: '/data/history/:dataset/events/documents/:id',
    handle(ctx) {
      const dataset = ctx.state.registry.get(ctx.params.dataset)
      const limit = Number(ctx.url.searchParams.get('limit') ?? 100)
      return {
        events: {[ctx.params.id]: documentEvents(dataset, ctx.params.id, limit)},
        nextCursor: '',
      }
    },
  },
]
