import type {PathSegment} from './checks.ts'

/** One rule a document breaks, as Sanity Studio would report it. */
export interface ValidationProblem {
  documentId: string
  documentType: string
  /** Dotted path into the document, e.g. `body[_key=="a1"].markDefs[0].href`. */
  path: string
  level: 'error' | 'warning' | 'info'
  message: string
}

/** Any document with an id and a type. */
export type DocumentLike = {_id: string; _type: string} & Record<string, unknown>

/** A path as Sanity prints it: `body[_key=="a1"].markDefs[0].href`. */
export function formatPath(path: readonly unknown[]): string {
  let text = ''
  for (let index = 0; index < path.length; index++) {
    const segment = path[index] as PathSegment
    if (typeof segment === 'number') text += `[${segment}]`
    else if (typeof segment === 'string') text += index === 0 ? segment : `.${segment}`
    else if (segment && typeof segment === 'object' && '_key' in segment) {
      text += `[_key=="${String(segment._key)}"]`
    } else text += `[${JSON.stringify(segment)}]`
  }
  return text
}
