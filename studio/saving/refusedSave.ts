/** What the editor reads when a save did not reach the lake: a title and what to do. */
export type RefusedSaveMessage = {title: string; description: string}

const KEPT =
  'Your changes are kept in this tab and saved as soon as the lake takes them: keep this tab open.'

const KEPT_UNTIL_CHANGED =
  'Your changes stay in this form, not saved: change what the lake refuses (undo the change that caused it) and they are saved at once. Keep this tab open until then.'

/**
 * Statuses that say the lake will not take these changes as they are (Sanity's terminal ones but
 * 401, the session's): only a change by the editor can get them saved.
 */
const REFUSED_AS_THEY_ARE = new Set([400, 402, 403, 404, 409, 410, 412, 413, 422])

/** Whether the lake refused a save outright: sent again unchanged, it would be refused again. */
export function isRefusedOutright(error: unknown): boolean {
  const status = (error as {statusCode?: unknown} | null)?.statusCode
  return typeof status === 'number' && REFUSED_AS_THEY_ARE.has(status)
}

type LakeErrorBody = {
  error?: {description?: unknown; items?: Array<{error?: {description?: unknown}}>}
}

/**
 * The lake's own sentences for a refusal: each refused document's (`{error: {items}}`, which
 * name the document and the rule), else `{error: {description}}`, else the client's message.
 */
function lakeReason(error: {message?: unknown; response?: {body?: unknown}}): string {
  const body = error.response?.body as LakeErrorBody | undefined
  const items = (body?.error?.items ?? [])
    .map((item) => item.error?.description)
    .filter((description): description is string => typeof description === 'string')
  if (items.length > 0) return items.join('; ')
  const description = body?.error?.description
  if (typeof description === 'string' && description) return description
  return typeof error.message === 'string' ? error.message : String(error)
}

/**
 * The notice for a save the lake refused or did not answer, which the Studio keeps trying: the
 * lake's refusal in its own words (they say what happened and what fixes it, such as "the disk
 * holding … is full … Free disk space", or which limit a document is over), or, when no answer
 * came, that the lake is not running; with what happens to the edits and what to do.
 */
export function refusedSaveMessage(error: unknown): RefusedSaveMessage {
  const title = 'Your changes are not saved yet'
  if (error === null || typeof error !== 'object') {
    return {title, description: `Saving failed: ${String(error)}. ${KEPT}`}
  }
  const status = (error as {statusCode?: unknown}).statusCode
  if (typeof status !== 'number') {
    return {
      title,
      description: `The lake does not answer: is npm run studio still running? Start it again. ${KEPT}`,
    }
  }
  // The transaction's id means nothing to an editor; the rest of the lake's sentence does.
  const reason = lakeReason(error)
    .replace(/^Cannot commit transaction "[^"]*": /, '')
    .replace(/\s*\.?$/, '.')
  const kept = isRefusedOutright(error) ? KEPT_UNTIL_CHANGED : KEPT
  return {title, description: `The lake refused them (${status}): ${reason} ${kept}`}
}
