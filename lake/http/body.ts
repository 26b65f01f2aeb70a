import {badRequest} from '../errors.ts'
import {nestingOf} from '../store/document-rules.ts'
import {readJson, type Request} from './respond.ts'

/**
 * How deep a request body may nest. Sanity documents nest at most 20 attributes (40 with the
 * arrays between them), and the envelope of a mutation adds a few levels; anything deeper can
 * only be an attack on the recursive code that patches, diffs and serializes documents.
 */
const MAX_BODY_NESTING = 64

/** Reads a JSON object request body, refusing other values and pathological nesting with 400. */
export async function readJsonObject(req: Request): Promise<Record<string, unknown>> {
  const body: unknown = await readJson(req)
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest('Cannot read the request body, expected a JSON object')
  }
  refuseDeepNesting(body, 'a request body')
  return body as Record<string, unknown>
}

/** Throws 400 when `value` (a body, a query parameter) nests deeper than any document may. */
export function refuseDeepNesting(value: unknown, what: string): void {
  if (nestingOf(value, MAX_BODY_NESTING) > MAX_BODY_NESTING) {
    throw badRequest(
      `Cannot accept ${what} nested more than ${MAX_BODY_NESTING} levels deep, expected documents within Sanity's limit of 20 nested attributes`,
    )
  }
}
