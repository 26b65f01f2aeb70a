import {badRequest} from '../errors.ts'
import {parsePerspective} from '../groq/perspective.ts'
import {readJsonObject, refuseDeepNesting} from '../http/body.ts'
import {HANDLED, type Route, type RouteContext} from '../http/router.ts'
import type {LakeState} from '../state.ts'

/** Reads `$name=<json>` query-string parameters into GROQ params. */
export function paramsFromSearch(search: URLSearchParams): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const [key, value] of search) {
    if (!key.startsWith('$')) continue
    let parsed: unknown
    try {
      parsed = JSON.parse(value)
    } catch {
      throw badRequest(`Cannot parse query parameter "${key}", expected a JSON value`)
    }
    refuseDeepNesting(parsed, `the query parameter "${key}"`)
    params[key.slice(1)] = parsed
  }
  return params
}

/** What a query asks, from a request's body or its search (`apiVersion` reads the perspective). */
export type QueryRequest = {
  query: unknown
  params: unknown
  perspective: unknown
  apiVersion: string | null
}

/**
 * Evaluates a query on a query worker (with its time budget and result cap): the result as
 * JSON bytes. `signal` frees the worker when whoever asked gives up.
 */
export async function queryResult(
  state: LakeState,
  name: string,
  request: QueryRequest,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  const {query, params} = request
  if (typeof query !== 'string' || !query)
    throw badRequest('Cannot run a query without "query", expected a GROQ string')
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw badRequest('Cannot run a query with these "params", expected an object of {name: value}')
  }
  const perspective = parsePerspective(request.perspective, request.apiVersion)
  const dataset = state.registry.get(name)
  return state.queries.query(
    dataset,
    {
      perspective,
      query,
      params: params as Record<string, unknown>,
      sanity: {projectId: state.projectId, dataset: dataset.name},
    },
    signal,
  )
}

async function runQuery(ctx: RouteContext, body: Record<string, unknown>) {
  const search = ctx.url.searchParams
  const query = typeof body.query === 'string' ? body.query : search.get('query')
  const bodyParams = body.params ?? {}
  // Read only for a query whose params are an object: a request without them is refused first.
  const params =
    query && typeof bodyParams === 'object' && !Array.isArray(bodyParams)
      ? {...paramsFromSearch(search), ...bodyParams}
      : bodyParams
  const started = performance.now()
  // A client that gives up frees the worker instead of leaving its query running.
  const gone = new AbortController()
  const res = ctx.res as import('node:http').ServerResponse
  // Only when it gave up before the answer: aborting builds an AbortError (a DOMException with
  // its stack), which after every answered query took 1.4 s of the event loop's time in the
  // bench's patch-by-query run (CPU profile).
  res.once('close', () => {
    if (!res.writableEnded) gone.abort()
  })
  // Evaluated on a query worker; the result arrives as JSON bytes and is written as they are.
  const result = await queryResult(
    ctx.state,
    ctx.params.dataset,
    {
      query,
      params,
      perspective: body.perspective ?? search.get('perspective'),
      apiVersion: ctx.apiVersion,
    },
    gone.signal,
  )
  const ms = Math.round((performance.now() - started) * 100) / 100
  const head = search.get('returnQuery') === 'false' ? '{' : `{"query":${JSON.stringify(query)},`
  const tail = `,"ms":${ms}}`
  res.statusCode = 200
  res.setHeader('content-type', 'application/json; charset=utf-8')
  res.setHeader('content-length', Buffer.byteLength(head) + 9 + result.byteLength + tail.length)
  res.write(`${head}"result":`)
  res.write(result)
  res.end(tail)
  return HANDLED
}

/** GROQ queries over GET (`?query=&$param=`) and POST (`{query, params}`). */
export const queryRoutes: Route[] = [
  {method: 'GET', path: '/data/query/:dataset', handle: (ctx) => runQuery(ctx, {})},
  {
    method: 'POST',
    path: '/data/query/:dataset',
    handle: async (ctx) => runQuery(ctx, await readJsonObject(ctx.req)),
  },
]
