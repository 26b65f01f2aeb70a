/** What the editor reads when a save did not reach the lake: a title and what to do. */
export type RefusedSaveMessage = {title: string; description: string}

const KEPT =
  'Your changes are kept in this tab and saved as soon as the lake takes them: keep this tab open.'

/** The lake's own sentence for a refusal (`{error: {description}}`), or the client's message. */
function lakeReason(error: {message?: unknown; response?: {body?: unknown}}): string {
  const body = error.response?.body as {error?: {description?: unknown}} | undefined
  const description = body?.error?.description
  if (typeof description === 'string' && description) return description
  return typeof error.message === 'string' ? error.message : String(error)
}

/**
 * The notice for a save that failed and is being retried: the lake's refusal in its own words
 * (they say what happened and what fixes it, such as "the disk holding … is full … Free disk
 * space"), or, when no answer came, that the lake is not running; with what happens to the edits.
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
  return {title, description: `The lake refused them (${status}): ${reason} ${KEPT}`}
}
