import {randomId} from '../ids.ts'
import {badRequest, LakeError} from '../errors.ts'
import {HANDLED, type Route, type RouteContext} from '../http/router.ts'
import {eventsFor, type ListenOptions} from '../listen/events.ts'
import {listenerFilter, type ListenerFilter} from '../listen/filter.ts'
import {planResume} from '../listen/resume.ts'
import {EventStream} from '../listen/sse.ts'
import {sliceBreaks} from '../slices.ts'
import type {CommittedTransaction} from '../store/types.ts'
import {paramsFromSearch} from './query.ts'

/**
 * Transactions a listener may have waiting for delivery. A listener is disconnected when it
 * falls behind the dataset's replay window, or this far behind at all: the way Sanity closes a
 * listener at the end of its lifetime (sanity.io/docs/content-lake/technical-limits), EventSource
 * then reconnects with `Last-Event-ID` and gets a `reset` (or `welcome`), so the client
 * refetches. The `disconnect` and `channelError` events are not used for this: @sanity/client
 * errors the subscription on both (DisconnectError is documented as "reconnect attempts will
 * fail"), so the client would stop instead of resyncing. A live transaction waits in the
 * listener's queue as the committed object (shared by every listener, garbage once all have sent
 * it); the window bounds how many a listener that stopped reading can hold.
 */
const MAX_PENDING_TRANSACTIONS = 2000

function listenOptions(search: URLSearchParams): ListenOptions & {enableResume: boolean} {
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
    enableResume: yes('enableResume', false),
  }
}

function errorBody(error: unknown) {
  const lakeError =
    error instanceof LakeError
      ? error
      : new LakeError(500, 'internalError', error instanceof Error ? error.message : String(error))
  return lakeError.toBody()
}

function listen(ctx: RouteContext): typeof HANDLED {
  const {req, res, url, state} = ctx
  const options = listenOptions(url.searchParams)
  const dataset = state.registry.get(ctx.params.dataset)
  res.statusCode = 200
  res.setHeader('content-type', 'text/event-stream; charset=utf-8')
  res.setHeader('cache-control', 'no-cache')
  res.setHeader('x-accel-buffering', 'no')
  const stream = new EventStream(res)
  let filter: ListenerFilter
  try {
    filter = listenerFilter(options.query, options.params, state.queries)
  } catch (error) {
    // Sanity reports a bad listener query as a channelError carrying the queryParseError.
    stream.send('channelError', errorBody(error))
    stream.end()
    return HANDLED
  }
  const listenerName = `lake-${randomId(12)}`
  const plan = planResume(req.headers['last-event-id'], dataset.recent)
  // With enableResume, @sanity/client expects `welcomeback` after a resumed reconnect and
  // `reset` when the gap cannot be replayed (sanity-io/client#1154); without it, a `welcome`
  // tells the client to start over.
  if (plan.kind === 'resume' && options.enableResume) stream.send('welcomeback', {listenerName})
  else if (plan.kind === 'reset' && options.enableResume) stream.send('reset', {})
  else stream.send('welcome', {listenerName})

  let unsubscribe: () => void = () => undefined
  let keepAlive: NodeJS.Timeout | undefined
  const stop = () => {
    clearInterval(keepAlive)
    unsubscribe()
  }
  const disconnectBehind = (reason: string) => {
    state.log(`listener ${listenerName} ${reason}; disconnected so it resyncs`)
    stop()
    stream.destroy()
  }
  let pending = 0
  // Sequence numbers queued and not yet being sent, oldest first.
  const waiting: number[] = []
  let queue = Promise.resolve()
  // `live`: the transaction just committed; without it (a replay) it is read from the file.
  const deliver = (seq: number, skip = -1, live?: CommittedTransaction) => {
    if (pending >= MAX_PENDING_TRANSACTIONS) {
      return disconnectBehind(`has ${pending} transactions waiting`)
    }
    // A reader that stopped reading is found out now, not when it reads again.
    const oldestKept = dataset.recent[0]?.seq ?? seq
    if (waiting.length > 0 && waiting[0] < oldestKept) {
      return disconnectBehind(`fell behind the replay window (transaction ${waiting[0]})`)
    }
    pending++
    waiting.push(seq)
    queue = queue
      .then(async () => {
        waiting.shift()
        if (!stream.open) return
        const inWindow = seq >= (dataset.recent[0]?.seq ?? seq)
        const tx = inWindow ? (live ?? dataset.transactionAt(seq)) : undefined
        if (!tx) return disconnectBehind(`fell behind the replay window (transaction ${seq})`)
        const pause = sliceBreaks()
        for (const event of eventsFor(tx, options, await filter.matches(tx), skip)) {
          await pause()
          await stream.drained()
          stream.send('mutation', event.data, event.id)
        }
      })
      .catch((error: unknown) => {
        stream.send('channelError', errorBody(error))
        stop()
        stream.end()
      })
      .finally(() => pending--)
  }
  if (plan.kind === 'resume') for (const {tx, skip} of plan.replay) deliver(tx.seq, skip)
  unsubscribe = dataset.subscribe((tx) => deliver(tx.seq, -1, tx))
  keepAlive = setInterval(() => stream.comment('keep-alive'), state.keepAliveMs)
  req.on('close', stop)
  res.on('close', stop)
  return HANDLED
}

/** `GET /data/listen/<ds>`: server-sent mutation events for documents matching a query. */
export const listenRoutes: Route[] = [
  {method: 'GET', path: '/data/listen/:dataset', handle: listen},
]
