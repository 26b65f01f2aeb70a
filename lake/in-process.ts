import {LakeError} from './errors.ts'
import {refuseDeepNesting} from './http/body.ts'
import {bodyTooLarge, errorAnswer, MAX_JSON_BODY} from './http/respond.ts'
import {mutateDataset} from './mutate/mutate.ts'
import type {LakeState} from './state.ts'

/** What the lake answers a request: its status and JSON body, as HTTP would carry them. */
export type InProcessAnswer = {statusCode: number; body: unknown}

/**
 * `POST /data/mutate/<dataset>` for the process that started the lake (an import's own lake),
 * without HTTP: the mutations come as the JSON text the request body would carry, and are
 * checked, applied and refused exactly as the route does (the same size limit, nesting check,
 * transaction id rules and error bodies). The text is parsed once and stored as the
 * transaction's mutations, not written again; the request, its buffers and the socket are gone.
 * Never throws: a refusal is an answer with its status, as over HTTP.
 */
export async function mutateInProcess(
  state: LakeState,
  dataset: string,
  mutationsJson: string,
  transactionId: string,
): Promise<InProcessAnswer> {
  try {
    // The body the route would read: {"mutations":…,"transactionId":"…"}.
    const envelope = Buffer.byteLength(
      `{"mutations":,"transactionId":${JSON.stringify(transactionId)}}`,
    )
    if (Buffer.byteLength(mutationsJson) + envelope > MAX_JSON_BODY)
      throw bodyTooLarge(MAX_JSON_BODY)
    let mutations: unknown
    try {
      mutations = JSON.parse(mutationsJson)
    } catch {
      throw new LakeError(400, 'invalidJson', 'Cannot parse the request body, expected JSON')
    }
    refuseDeepNesting({mutations}, 'a request body')
    const answer = await mutateDataset(() => state.registry.get(dataset), mutations, {
      transactionId,
      mutationsJson,
    })
    return {statusCode: 200, body: answer}
  } catch (error) {
    const {status, body} = errorAnswer(error)
    if (!(error instanceof LakeError) || status >= 500)
      state.log(`error on in-process mutate of "${dataset}": ${String(error)}`)
    return {statusCode: status, body}
  }
}
