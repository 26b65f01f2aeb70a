import {LAKE_API_VERSION} from './api-version.ts'
import {LakeError} from './errors.ts'
import {refuseDeepNesting} from './http/body.ts'
import {bodyTooLarge, errorAnswer, MAX_JSON_BODY} from './http/respond.ts'
import {mutateDataset} from './mutate/mutate.ts'
import {storeUpload, UPLOAD_LIMIT} from './routes/assets.ts'
import {documentsById} from './routes/doc.ts'
import {queryResult} from './routes/query.ts'
import type {LakeState} from './state.ts'
import {jsonArray, textBytes, type Text, type WireMutation} from './store/types.ts'

/** What the lake answers a request: its status and JSON body, as HTTP would carry them. */
export type InProcessAnswer = {statusCode: number; body: unknown}

/** An answer from what `work` returns, or the error body and status HTTP would carry. */
async function answer(
  state: LakeState,
  what: string,
  work: () => unknown,
): Promise<InProcessAnswer> {
  try {
    return {statusCode: 200, body: await work()}
  } catch (error) {
    const {status, body} = errorAnswer(error)
    if (!(error instanceof LakeError) || status >= 500)
      state.log(`error on in-process ${what}: ${String(error)}`)
    return {statusCode: status, body}
  }
}

/** `GET /data/doc/<dataset>/<ids>` without HTTP: the documents found and the ids omitted. */
export function getDocumentsInProcess(
  state: LakeState,
  dataset: string,
  ids: readonly string[],
): Promise<InProcessAnswer> {
  return answer(state, `read of "${dataset}"`, () =>
    documentsById(state.registry.get(dataset), ids),
  )
}

/**
 * Every document of `dataset` with a value at `where`, with its values at `paths`
 * (`Dataset.valuesWhere`): what a query projecting those fields returns, read by SQLite on this
 * thread instead of a query worker (no worker to start, no replica of every document to load).
 * For the process's own reads of a few fields, not for queries from elsewhere; `idPrefixes`
 * reads only the documents whose id starts with one of them.
 */
export function valuesWhereInProcess(
  state: LakeState,
  dataset: string,
  where: string,
  paths: readonly string[],
  idPrefixes?: readonly string[],
): Promise<InProcessAnswer> {
  return answer(state, `read of "${dataset}"`, () => [
    ...state.registry.get(dataset).valuesWhere(where, paths, idPrefixes),
  ])
}

/**
 * `POST /data/query/<dataset>` without HTTP: evaluated on a query worker with the same budget,
 * cap and refusals; the body is `{result}`.
 */
export function queryInProcess(
  state: LakeState,
  dataset: string,
  request: {query: string; params?: Record<string, unknown>; perspective?: string},
): Promise<InProcessAnswer> {
  return answer(state, `query of "${dataset}"`, async () => {
    refuseDeepNesting(request.params ?? {}, 'the query parameters')
    const bytes = await queryResult(state, dataset, {
      query: request.query,
      params: request.params ?? {},
      perspective: request.perspective,
      apiVersion: LAKE_API_VERSION,
    })
    return {result: JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown}
  })
}

/** `POST /assets/<kind>s/<dataset>?filename=` without HTTP: the asset document, as `{document}`. */
export function uploadInProcess(
  state: LakeState,
  dataset: string,
  upload: {kind: 'image' | 'file'; data: Uint8Array; filename?: string; sha1?: string},
): Promise<InProcessAnswer> {
  return answer(state, `upload into "${dataset}"`, () => {
    if (upload.data.byteLength > UPLOAD_LIMIT) throw bodyTooLarge(UPLOAD_LIMIT)
    const search = new URLSearchParams(upload.filename ? {filename: upload.filename} : {})
    const data = Buffer.from(upload.data.buffer, upload.data.byteOffset, upload.data.byteLength)
    const {kind, sha1} = upload
    return storeUpload(state, dataset, {kind, data, contentType: '', search, sha1})
  })
}

/**
 * The mutations of a request as an in-process client gives them: their JSON text (the request
 * body's `mutations`), or the objects with each one's own text (`texts[i]` is JSON that parses to
 * `mutations[i]`, in any order of keys), which then are neither parsed nor written again. The objects
 * must be what parsing their texts gives, and stay unchanged afterwards.
 */
export type InProcessMutations =
  {json: string} | {mutations: readonly WireMutation[]; texts: readonly string[]}

/**
 * `POST /data/mutate/<dataset>` for the process that started the lake (an import's own lake),
 * without HTTP: checked, applied and refused exactly as the route does (the same size limit,
 * nesting check, transaction id rules and error bodies). The text is stored as the transaction's
 * mutations, not written again; the request, its buffers and the socket are gone.
 * Never throws: a refusal is an answer with its status, as over HTTP.
 */
export function mutateInProcess(
  state: LakeState,
  dataset: string,
  request: InProcessMutations,
  transactionId: string,
): Promise<InProcessAnswer> {
  return answer(state, `mutate of "${dataset}"`, () => {
    // The body the route would read: {"mutations":…,"transactionId":"…"}.
    const envelope = Buffer.byteLength(
      `{"mutations":,"transactionId":${JSON.stringify(transactionId)}}`,
    )
    const given = 'texts' in request ? request : undefined
    const text: Text = 'json' in request ? request.json : jsonArray(request.texts)
    if (textBytes(text) + envelope > MAX_JSON_BODY) throw bodyTooLarge(MAX_JSON_BODY)
    let mutations: unknown = given?.mutations
    if (!given) {
      try {
        mutations = JSON.parse(text as string)
      } catch {
        throw new LakeError(400, 'invalidJson', 'Cannot parse the request body, expected JSON')
      }
    }
    refuseDeepNesting({mutations}, 'a request body')
    return mutateDataset(() => state.registry.get(dataset), mutations, {
      transactionId,
      mutationsJson: text,
      documentJson: given && createdDocumentTexts(given.mutations, given.texts),
    })
  })
}

/**
 * The text of each document a create mutation carries, cut from its mutation's text
 * (`{"create":<document>}`), by the document object.
 */
function createdDocumentTexts(mutations: readonly WireMutation[], texts: readonly string[]) {
  const byDocument = new Map<object, string>()
  mutations.forEach((mutation, i) => {
    const keys = Object.keys(mutation)
    const doc = keys.length === 1 ? mutation[keys[0]] : undefined
    const prefix = `{${JSON.stringify(keys[0])}:`
    const text = texts[i]
    if (doc && typeof doc === 'object' && text?.startsWith(prefix) && text.endsWith('}'))
      byDocument.set(doc, text.slice(prefix.length, -1))
  })
  return (doc: object) => byDocument.get(doc)
}
