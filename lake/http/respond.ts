import type {IncomingMessage, ServerResponse} from 'node:http'
import type {Http2ServerRequest, Http2ServerResponse} from 'node:http2'
import {LakeError} from '../errors.ts'

/** A request over HTTP/1.1 or HTTP/2 (the compatibility API makes them alike). */
export type Request = IncomingMessage | Http2ServerRequest
/** A response over HTTP/1.1 or HTTP/2. */
export type Response = ServerResponse | Http2ServerResponse

/** Sends a JSON body. */
export function sendJson(res: Response, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.statusCode = status
  res.setHeader('content-type', 'application/json; charset=utf-8')
  res.setHeader('content-length', Buffer.byteLength(text))
  res.end(text)
}

/** Sends an error in Sanity's `{error: {description, type}}` shape. */
export function sendError(res: Response, error: unknown): void {
  const {status, body} = errorAnswer(error)
  sendJson(res, status, body)
}

/** The status and JSON body the lake answers for an error (500 for one that is not a LakeError). */
export function errorAnswer(error: unknown): {status: number; body: Record<string, unknown>} {
  const lakeError =
    error instanceof LakeError
      ? error
      : new LakeError(500, 'internalError', error instanceof Error ? error.message : String(error))
  return {status: lakeError.status, body: lakeError.toBody()}
}

/** Sanity's 413 for a request body over `limit` bytes. */
export const bodyTooLarge = (limit: number) =>
  new LakeError(413, 'requestEntityTooLarge', `Cannot accept a body over ${limit} bytes`)

/** Reads the whole request body, refusing bodies larger than `limit` bytes. */
export async function readBody(req: Request, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limit) throw bodyTooLarge(limit)
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

/** Bytes a JSON request body may have, like Sanity's mutation limit. */
export const MAX_JSON_BODY = 4_000_000

/** Reads a JSON request body (at most {@link MAX_JSON_BODY} bytes). */
export async function readJson(req: Request): Promise<Record<string, unknown>> {
  const body = await readBody(req, MAX_JSON_BODY)
  if (body.length === 0) return {}
  try {
    return JSON.parse(body.toString('utf8')) as Record<string, unknown>
  } catch {
    throw new LakeError(400, 'invalidJson', 'Cannot parse the request body, expected JSON')
  }
}
