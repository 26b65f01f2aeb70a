/**
 * The sync surface over the local lake's HTTP API, in plain HTTP/1.1 with `node:http`: the four
 * requests a sync makes, as @sanity/client sends them, and its errors as @sanity/client throws
 * them (`statusCode`, `response`, the same message), so sync retries, reports and redacts alike.
 * Loading @sanity/client (its transport, rxjs) cost a one-page re-import more CPU than the sync.
 */
import {Agent, request, type IncomingHttpHeaders} from 'node:http'

import type {LakeConnection} from '../lake/client.ts'
import type {Mutation, SyncApi} from './types.ts'

/** The API version the lake's client uses (lake/client.ts). */
const API_VERSION = '2025-02-19'
const TAG = 'import.sync'

/** What an answer that is not a success carries, as @sanity/client's errors do. */
type Answer = {
  statusCode: number
  statusMessage?: string
  headers: IncomingHttpHeaders
  body: unknown
  url: string
  method: string
}

type Body = Record<string, unknown>

const isRecord = (value: unknown): value is Body =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function httpErrorMessage(res: Answer): string {
  const text = typeof res.body === 'string' ? res.body : undefined
  const details =
    text === undefined ? '' : ` (${text.length > 100 ? `${text.slice(0, 100)}…` : text})`
  const status = res.statusMessage ? ` ${res.statusMessage}` : ''
  return `${res.method}-request to ${res.url} resulted in HTTP ${res.statusCode}${status}${details}`
}

/** The message @sanity/client gives an error answer (its `extractErrorProps`, for these bodies). */
export function answerMessage(res: Answer): string {
  const body = res.body
  if (!isRecord(body)) return httpErrorMessage(res)
  const error = body.error
  if (typeof error === 'string' && typeof body.message === 'string')
    return `${error} - ${body.message}`
  if (!isRecord(error)) {
    if (typeof error === 'string') return error
    return typeof body.message === 'string' ? body.message : httpErrorMessage(res)
  }
  const description = typeof error.description === 'string' ? error.description : undefined
  if (
    description !== undefined &&
    (error.type === 'mutationError' || error.type === 'actionError')
  ) {
    const all = Array.isArray(error.items)
      ? (error.items as {error?: {description?: string}}[])
      : []
    const items = all
      .slice(0, 5)
      .map((item) => item.error?.description)
      .filter(Boolean)
    let listed = items.length ? `:\n- ${items.join('\n- ')}` : ''
    if (all.length > 5) listed += `\n...and ${all.length - 5} more`
    return `${description}${listed}`
  }
  if (error.type === 'queryParseError' && description !== undefined)
    return `GROQ query parse error: ${description}`
  return description ?? httpErrorMessage(res)
}

/** An error answer, shaped as @sanity/client's `ClientError`/`ServerError`. */
class AnswerError extends Error {
  readonly statusCode: number
  readonly response: Answer
  readonly responseBody: unknown
  readonly details: unknown
  constructor(res: Answer) {
    super(answerMessage(res))
    this.name = res.statusCode >= 500 ? 'ServerError' : 'ClientError'
    this.statusCode = res.statusCode
    this.response = res
    this.responseBody = res.body
    this.details = isRecord(res.body) && isRecord(res.body.error) ? res.body.error : undefined
  }
}

/**
 * How the process that started the lake writes to it without HTTP (lake/in-process.ts): the
 * request body's mutations as JSON text, answered with the status and body HTTP would carry.
 */
export type InProcessMutate = (
  request: {json: string} | {mutations: readonly Mutation[]; texts: readonly string[]},
  transactionId: string,
) => Promise<{statusCode: number; body: unknown}>

/**
 * A {@link SyncApi} for `dataset` of the lake at `lake.httpUrl`; `close()` ends its connections.
 * With `inProcess`, mutations go to the lake in this process directly and are answered, and
 * refused, the same way.
 */
export function lakeSyncApi(
  lake: LakeConnection,
  dataset: string,
  inProcess?: InProcessMutate,
): SyncApi & {close(): void} {
  const agent = new Agent({keepAlive: true})
  const base = new URL(lake.httpUrl)
  const ds = encodeURIComponent(dataset)

  const send = (
    method: 'GET' | 'POST',
    path: string,
    search: Record<string, string>,
    body?: {json: unknown} | {jsonText: string} | {bytes: Uint8Array},
  ) =>
    new Promise<unknown>((resolve, reject) => {
      const query = new URLSearchParams({...search, tag: TAG}).toString()
      const url = new URL(`/v${API_VERSION}${path}?${query}`, base)
      const payload =
        body &&
        ('json' in body
          ? Buffer.from(JSON.stringify(body.json))
          : 'jsonText' in body
            ? Buffer.from(body.jsonText)
            : Buffer.from(body.bytes))
      const headers: Record<string, string | number> = {accept: 'application/json'}
      if (lake.token) headers.authorization = `Bearer ${lake.token}`
      if (payload) headers['content-length'] = payload.length
      if (body && !('bytes' in body)) headers['content-type'] = 'application/json'
      const req = request(url, {method, agent, headers}, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('error', reject)
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          const json = /application\/json/i.test(res.headers['content-type'] ?? '')
          let parsed: unknown = text
          try {
            if (json) parsed = JSON.parse(text)
          } catch {
            // Read as text, as @sanity/client does with a body that is not JSON.
          }
          const status = res.statusCode ?? 0
          if (status >= 200 && status < 300) return resolve(parsed)
          reject(
            new AnswerError({
              statusCode: status,
              statusMessage: res.statusMessage,
              headers: res.headers,
              body: parsed,
              url: url.href,
              method,
            }),
          )
        })
      })
      req.on('error', reject)
      req.end(payload)
    })

  return {
    async query<T>(groq: string, params: Record<string, unknown> = {}) {
      const answer = (await send(
        'POST',
        `/data/query/${ds}`,
        {perspective: 'raw'},
        {
          json: {query: groq, params, perspective: 'raw'},
        },
      )) as {result: T}
      return answer.result
    },
    async getDocuments(ids) {
      const path = `/data/doc/${ds}/${ids.join(',')}`
      const {documents} = (await send('GET', path, {})) as {
        documents: {_id: string}[]
      }
      const byId = new Map(documents.map((doc) => [doc._id, doc]))
      return ids.map((id) => (byId.get(id) ?? null) as never)
    },
    async mutate(mutations, {transactionId, json, texts}) {
      const search = {returnIds: 'true', returnDocuments: 'false', visibility: 'async'}
      // The mutations' text, when the caller has it already: not written again.
      const mutationsJson = () =>
        json ?? (texts ? `[${texts.join(',')}]` : JSON.stringify(mutations))
      if (inProcess) {
        const answer = await inProcess(
          texts ? {mutations, texts} : {json: mutationsJson()},
          transactionId,
        )
        if (answer.statusCode >= 200 && answer.statusCode < 300) return
        const query = new URLSearchParams({...search, tag: TAG}).toString()
        const url = new URL(`/v${API_VERSION}/data/mutate/${ds}?${query}`, base)
        throw new AnswerError({
          ...answer,
          headers: {'content-type': 'application/json; charset=utf-8'},
          url: url.href,
          method: 'POST',
        })
      }
      const jsonText = `{"mutations":${mutationsJson()},"transactionId":${JSON.stringify(transactionId)}}`
      await send('POST', `/data/mutate/${ds}`, search, {jsonText})
    },
    async uploadImage(body, {filename}) {
      const answer = (await send('POST', `/assets/images/${ds}`, {filename}, {bytes: body})) as {
        document: {_id: string}
      }
      return {_id: answer.document._id}
    },
    close: () => agent.destroy(),
  }
}
