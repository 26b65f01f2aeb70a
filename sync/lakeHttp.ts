/**
 * The sync surface over the local lake's HTTP API, in plain HTTP/1.1 with `node:http`: the four
 * requests a sync makes, as @sanity/client sends them, and its errors as @sanity/client throws
 * them (`statusCode`, `response`, the same message), so sync retries, reports and redacts alike.
 * Loading @sanity/client (its transport, rxjs) cost a one-page re-import more CPU than the sync.
 */
import {Agent, request} from 'node:http'

import {LAKE_API_VERSION as API_VERSION} from '../lake/api-version.ts'
import type {LakeConnection} from '../lake/client.ts'
import {AnswerError} from './lakeAnswer.ts'
import type {SyncApi} from './types.ts'

const TAG = 'import.sync'

/** A {@link SyncApi} for `dataset` of the lake at `lake.httpUrl`; `close()` ends its connections. */
export function lakeSyncApi(lake: LakeConnection, dataset: string): SyncApi & {close(): void} {
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
      const mutationsJson = json ?? (texts ? `[${texts.join(',')}]` : JSON.stringify(mutations))
      const jsonText = `{"mutations":${mutationsJson},"transactionId":${JSON.stringify(transactionId)}}`
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
