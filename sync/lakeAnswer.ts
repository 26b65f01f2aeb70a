/**
 * The lake's error answers as @sanity/client throws them (`statusCode`, `response`, the same
 * message), for the sync clients that do not go through it: over plain HTTP (`lakeHttp.ts`) and
 * in-process (`lakeInProcess.ts`), so sync retries, reports and redacts alike.
 */
import type {IncomingHttpHeaders} from 'node:http'

/** What an answer that is not a success carries, as @sanity/client's errors do. */
export type Answer = {
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
export class AnswerError extends Error {
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
