import type {IncomingMessage, ServerResponse} from 'node:http'
import type {Http2ServerRequest, Http2ServerResponse} from 'node:http2'
import {LakeError} from '../errors.ts'
import {sliceBreaks} from '../slices.ts'

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

/**
 * Items of an answer's array past which the answer is written in slices: a patch by query over
 * 50,000 documents answers a result for each, and writing it as one text held the event loop
 * 80 to 110 ms (JSON.stringify, then the socket write of 2 MB).
 */
export const SLICED_ITEMS = 1_000

/**
 * Sends a route's JSON answer: as {@link sendJson}, or, for an object with an array of more than
 * {@link SLICED_ITEMS} items, as the same JSON text in pieces, each written a few milliseconds
 * of work apart (without content-length; the client reads to the end).
 */
export async function sendAnswer(res: Response, status: number, body: unknown): Promise<void> {
  if (!hasLargeArray(body)) return sendJson(res, status, body)
  res.statusCode = status
  res.setHeader('content-type', 'application/json; charset=utf-8')
  const pause = sliceBreaks()
  // The HTTP/1.1 and HTTP/2 compatibility responses differ only in write()'s overloads.
  const out = res as import('node:http').ServerResponse
  for (const piece of jsonPieces(body)) {
    if (res.destroyed) return
    out.write(piece)
    await pause()
  }
  res.end()
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function hasLargeArray(body: unknown): body is Record<string, unknown> {
  return (
    isRecord(body) &&
    Object.values(body).some((value) => Array.isArray(value) && value.length > SLICED_ITEMS)
  )
}

/**
 * `JSON.stringify(body)` in pieces, for a plain object: each member whole, except an array,
 * written {@link SLICED_ITEMS} items a piece.
 */
export function* jsonPieces(body: Record<string, unknown>): Generator<string> {
  let separator = '{'
  for (const [key, value] of Object.entries(body)) {
    if (!Array.isArray(value)) {
      const text = JSON.stringify(value)
      if (text === undefined) continue
      yield `${separator}${JSON.stringify(key)}:${text}`
    } else {
      yield `${separator}${JSON.stringify(key)}:[`
      for (let start = 0; start < value.length; start += SLICED_ITEMS) {
        const items = JSON.stringify(value.slice(start, start + SLICED_ITEMS)).slice(1, -1)
        yield start ? `,${items}` : items
      }
      yield ']'
    }
    separator = ','
  }
  yield separator === '{' ? '{}' : '}'
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
