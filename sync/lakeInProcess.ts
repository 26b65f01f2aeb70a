/**
 * The sync surface on a lake open in this process (an import's own lake): the four requests a
 * sync makes, checked, answered and refused as the lake's routes answer them over HTTP
 * (lake/in-process.ts), and their errors thrown as the HTTP client throws them. Nothing is sent
 * through a socket, and no server, HTTP or TLS module is loaded for it.
 */
import {LAKE_API_VERSION} from '../lake/api-version.ts'
import {
  getDocumentsInProcess,
  mutateInProcess,
  queryInProcess,
  uploadInProcess,
  valuesWhereInProcess,
  type InProcessAnswer,
} from '../lake/in-process.ts'
import type {LakeState} from '../lake/state.ts'
import {AnswerError} from './lakeAnswer.ts'
import type {FieldValues, StoredDocument, SyncApi} from './types.ts'

/** Where an in-process request would have gone over HTTP, for messages that name it. */
const API_PATH = `/v${LAKE_API_VERSION}`

/** A {@link SyncApi} for `dataset` of the lake whose state is `state`, in this process. */
export function inProcessSyncApi(state: LakeState, dataset: string, lakeDir: string): SyncApi {
  const ds = encodeURIComponent(dataset)
  /** The body of a success; an error answer thrown as the HTTP client throws it. */
  const body = async (
    method: 'GET' | 'POST',
    path: string,
    answer: Promise<InProcessAnswer>,
  ): Promise<unknown> => {
    const {statusCode, body} = await answer
    if (statusCode >= 200 && statusCode < 300) return body
    throw new AnswerError({
      statusCode,
      headers: {'content-type': 'application/json; charset=utf-8'},
      body,
      url: `in-process lake ${lakeDir}: ${API_PATH}${path}`,
      method,
    })
  }
  return {
    async query<T>(query: string, params: Record<string, unknown> = {}) {
      const answer = queryInProcess(state, dataset, {query, params, perspective: 'raw'})
      return ((await body('POST', `/data/query/${ds}`, answer)) as {result: T}).result
    },
    async getDocuments(ids) {
      const answer = getDocumentsInProcess(state, dataset, ids)
      const {documents} = (await body('GET', `/data/doc/${ds}`, answer)) as {
        documents: StoredDocument[]
      }
      const byId = new Map(documents.map((doc) => [doc._id, doc]))
      return ids.map((id) => byId.get(id) ?? null)
    },
    async mutate(mutations, {transactionId, json, texts}) {
      const request = texts ? {mutations, texts} : {json: json ?? JSON.stringify(mutations)}
      await body(
        'POST',
        `/data/mutate/${ds}`,
        mutateInProcess(state, dataset, request, transactionId),
      )
    },
    async uploadImage(data, {filename, sha1}) {
      const answer = uploadInProcess(state, dataset, {kind: 'image', data, filename, sha1})
      const {document} = (await body('POST', `/assets/images/${ds}`, answer)) as {
        document: {_id: string}
      }
      return {_id: document._id}
    },
    async valuesWhere(where, paths, idPrefixes) {
      const answer = valuesWhereInProcess(state, dataset, where, paths, idPrefixes)
      return (await body('POST', `/data/query/${ds}`, answer)) as FieldValues[]
    },
    async isEmpty() {
      // A dataset with no file yet holds nothing, and is not created to say so: a dry run into a
      // new lake folder leaves no dataset file behind. Its first write creates it.
      if (!state.registry.has(dataset)) return true
      // A dataset that cannot be opened is not known to be empty: the queries then say why.
      try {
        return state.registry.get(dataset).isEmpty()
      } catch {
        return false
      }
    },
    expectWrites(documents) {
      // Only a hint: a dataset that cannot be opened fails the mutation that follows, saying why.
      try {
        state.registry.get(dataset).expectWrites(documents)
      } catch {
        // nothing to prepare
      }
    },
  }
}
