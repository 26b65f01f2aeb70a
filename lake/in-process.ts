import {LakeError} from './errors.ts'
import {refuseDeepNesting} from './http/body.ts'
import {bodyTooLarge, errorAnswer, MAX_JSON_BODY} from './http/respond.ts'
import {mutateDataset} from './mutate/mutate.ts'
import type {LakeState} from './state.ts'
import {jsonArray, textBytes, type Text, type WireMutation} from './store/types.ts'

/** What the lake answers a request: its status and JSON body, as HTTP would carry them. */
export type InProcessAnswer = {statusCode: number; body: unknown}

/**
 * The mutations of a request as an in-process client gives them: their JSON text (the request
 * body's `mutations`), or the objects with each one's own text (`texts[i]` is
 * `JSON.stringify(mutations[i])`), which then are neither parsed nor written again. The objects
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
export async function mutateInProcess(
  state: LakeState,
  dataset: string,
  request: InProcessMutations,
  transactionId: string,
): Promise<InProcessAnswer> {
  try {
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
    const answer = await mutateDataset(() => state.registry.get(dataset), mutations, {
      transactionId,
      mutationsJson: text,
      documentJson: given && createdDocumentTexts(given.mutations, given.texts),
    })
    return {statusCode: 200, body: answer}
  } catch (error) {
    const {status, body} = errorAnswer(error)
    if (!(error instanceof LakeError) || status >= 500)
      state.log(`error on in-process mutate of "${dataset}": ${String(error)}`)
    return {statusCode: status, body}
  }
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
