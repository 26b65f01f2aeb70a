import {
  createClient,
  type ClientConfig,
  type RequestHandler,
  type RequestHandlerOptions,
  type SanityClient,
} from '@sanity/client'

import {heldSaves as pageSaves, retryDelay, type HeldSaves, type ShownDraft} from './heldSaves.ts'
import {isRefusedOutright} from './refusedSave.ts'

/** A save of the Studio's document store: one document's changes, as one request. */
type Save = {publishedId: string; draftId: string; actions: boolean}

/** Fields the lake sets itself, which a draft sent whole takes from the lake instead. */
const SYSTEM_FIELDS = new Set(['_rev', '_createdAt', '_updatedAt'])

/** The document a Studio save is for, or null for any other request. */
export function saveOf(request: RequestHandlerOptions): Save | null {
  const tag = (request.query as {tag?: unknown} | undefined)?.tag
  if (typeof tag !== 'string' || !tag.endsWith('document.commit')) return null
  const path = new URL(String(request.url), 'http://x').pathname
  const body = request.body as
    | {actions?: Array<{publishedId?: unknown}>; mutations?: Array<Record<string, {id?: unknown}>>}
    | undefined
  if (/\/data\/actions\//.test(path)) {
    const publishedId = body?.actions?.[0]?.publishedId
    return typeof publishedId === 'string'
      ? {publishedId, draftId: `drafts.${publishedId}`, actions: true}
      : null
  }
  if (/\/data\/mutate\//.test(path)) {
    const first = Object.values(body?.mutations?.[0] ?? {})[0] as {id?: unknown; _id?: unknown}
    const id = first?.id ?? first?._id
    if (typeof id !== 'string') return null
    const publishedId = id.replace(/^drafts\./, '')
    return {publishedId, draftId: `drafts.${publishedId}`, actions: false}
  }
  return null
}

/**
 * The save with the draft the form shows sent whole, in place of the changes Sanity made: the
 * lake's draft becomes exactly what the editor sees, whatever of it the lake already holds. Sent
 * as it was when there is no draft to send (no form showed it) or it is a live edit (`mutate`).
 */
export function withWholeDraft(
  request: RequestHandlerOptions,
  save: Save,
  draft: ShownDraft | null | undefined,
): RequestHandlerOptions {
  if (!draft || !save.actions) return request
  const attributes = Object.fromEntries(
    Object.entries(draft).filter(([key]) => !SYSTEM_FIELDS.has(key)),
  )
  const body = request.body as {transactionId?: string}
  return {
    ...request,
    body: {
      ...body,
      actions: [
        {
          actionType: 'sanity.action.document.replaceDraft',
          publishedId: save.publishedId,
          attributes: {...attributes, _id: save.draftId},
        },
      ],
    },
  }
}

function statusOf(error: unknown): number | undefined {
  const status = (error as {statusCode?: unknown} | null)?.statusCode
  return typeof status === 'number' ? status : undefined
}

/**
 * Whether a failed save is held: every refusal and every failure to reach the lake, except an
 * abort (Sanity gave the save up) and a 401 (the session's, which the Studio handles by logging
 * out).
 */
function isHeld(error: unknown, signal: AbortSignal | undefined): boolean {
  if (signal?.aborted) return false
  if ((error as {name?: unknown} | null)?.name === 'AbortError') return false
  return statusOf(error) !== 401
}

/**
 * A request handler that never lets Sanity see a save fail. Sanity drops the edits of a save the
 * lake refuses outright (400, 409, 413, 422…: it resets the form to the lake's document), and of
 * a retried save that would create the draft (it takes the draft for deleted); keys typed
 * meanwhile go with them. Here the save stays pending, so Sanity keeps every edit in the form and
 * queues new ones behind it, while the refusal is recorded for the notice and the save is tried
 * again ({@link retryDelay}, sooner after an edit). A save refused outright is tried with the
 * draft the form shows sent whole, so that an edit that fixes what the lake refused is saved with
 * the next try; any other (a full disk, a lake that does not answer) is sent again as it was,
 * since after the lake's listener reconnects the form may show the lake's draft, without the
 * edits of the save held meanwhile. `inner` is the Studio's own handler, which every try goes
 * through.
 */
export function holdRefusedSaves(inner?: RequestHandler, saves: HeldSaves = pageSaves) {
  const handler: RequestHandler = async (request, next) => {
    const send = (options: RequestHandlerOptions) => (inner ? inner(options, next) : next(options))
    const save = saveOf(request)
    if (!save) return send(request)
    for (;;) {
      const whole = saves.sendsWholeDraft(save.publishedId)
      const sent = whole ? withWholeDraft(request, save, saves.shown(save.publishedId)) : request
      try {
        const result = await send(sent)
        saves.accepted(save.publishedId)
        return result
      } catch (error) {
        if (!isHeld(error, request.signal ?? undefined)) throw error
        saves.refused(save.publishedId, error, isRefusedOutright(error))
        const {refusals} = saves.get(save.publishedId)!
        await saves.nextTry(save.publishedId, retryDelay(refusals), request.signal ?? undefined)
      }
    }
  }
  return handler
}

/**
 * The Studio's client factory (`unstable_clientFactory`): Sanity's own client, with its request
 * handler wrapped by {@link holdRefusedSaves}.
 */
export function clientHoldingRefusedSaves(config: ClientConfig): SanityClient {
  return createClient({...config, requestHandler: holdRefusedSaves(config.requestHandler)})
}
