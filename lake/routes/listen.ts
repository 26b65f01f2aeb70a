import {randomId} from '../ids.ts'
import {badRequest} from '../errors.ts'
import {HANDLED, type Route, type RouteContext} from '../http/router.ts'
import {eventsFor, parseEventId, type ListenOptions} from '../listen/events.ts'
import type {CommittedTransaction} from '../store/types.ts'
import {paramsFromSearch} from './query.ts'

function listenOptions(search: URLSearchParams): ListenOptions {
  const query = search.get('query')
  if (!query)
    throw badRequest(
      'Cannot listen without "query", expected a GROQ filter such as *[_type == "lesson"]',
    )
  const yes = (key: string, fallback: boolean) =>
    search.has(key) ? search.get(key) === 'true' : fallback
  return {
    query,
    params: paramsFromSearch(search),
    includeResult: yes('includeResult', true),
    includePreviousRevision: yes('includePreviousRevision', false),
    includeMutations: yes('includeMutations', true),
    effectFormat: search.get('effectFormat'),
    visibility: search.get('visibility') ?? 'query',
  }
}

function listen(ctx: RouteContext): typeof HANDLED {
  const {req, url, state} = ctx
  // The compatibility responses of HTTP/1.1 and HTTP/2 differ in write()'s overloads.
  const res = ctx.res as import('node:http').ServerResponse
  const options = listenOptions(url.searchParams)
  const dataset = state.registry.get(ctx.params.dataset)
  res.statusCode = 200
  res.setHeader('content-type', 'text/event-stream; charset=utf-8')
  res.setHeader('cache-control', 'no-cache')
  res.setHeader('x-accel-buffering', 'no')
  const send = (event: string, data: unknown, id?: string) => {
    if (res.writableEnded) return
    res.write(`${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
  }
  let queue = Promise.resolve()
  const deliver = (tx: CommittedTransaction, skip?: number) => {
    queue = queue
      .then(async () => {
        for (const event of await eventsFor(tx, options, skip))
          send('mutation', event.data, event.id)
      })
      .catch((error: unknown) => {
        send('channelError', {message: error instanceof Error ? error.message : String(error)})
        res.end()
      })
  }
  const resume = parseEventId(req.headers['last-event-id'])
  send('welcome', {listenerName: `lake-${randomId(12)}`})
  if (resume) {
    for (const tx of dataset.recent) {
      if (tx.seq > resume.seq) deliver(tx)
      else if (tx.seq === resume.seq) deliver(tx, resume.index)
    }
  }
  const unsubscribe = dataset.subscribe((tx) => deliver(tx))
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), state.keepAliveMs)
  const stop = () => {
    clearInterval(keepAlive)
    unsubscribe()
  }
  req.on('close', stop)
  res.on('close', stop)
  return HANDLED
}

/** `GET /data/listen/<ds>`: server-sent mutation events for documents matching a query. */
export const listenRoutes: Route[] = [
  {method: 'GET', path: '/data/listen/:dataset', handle: listen},
]
