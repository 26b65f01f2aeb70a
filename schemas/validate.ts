import type {SanityDocument, Schema} from '@sanity/types'
import {createSchema} from 'sanity'
import type {SanityClient} from '@sanity/client'
import {validateDocumentInternal} from '@sanity/validation/_internal'

import {evaluate, parse} from 'groq-js'

import {formatPath, type DocumentLike, type ValidationProblem} from './compiled/problem.ts'
import {indexDataset, type DatasetIndex} from './compiled/validator.ts'
import {REFERENCE_TYPE_TAG} from './fields.ts'
import {schemaTypes} from './index.ts'

export type {DocumentLike, ValidationProblem} from './compiled/problem.ts'

const SLUG_UNIQUE_TAG = 'validation.slug-is-unique'

let compiled: Schema | undefined

/** The content model compiled once, with Sanity's built-in types, as the Studio compiles it. */
export function compiledSchema(): Schema {
  compiled ??= createSchema({name: 'default', types: schemaTypes})
  return compiled
}

/**
 * Sanity's own validation (`@sanity/validation`), kept as the reference the compiled validator
 * (`schemas/compiled/`) is tested against: it loads `sanity` and runs an Observable per value,
 * so commands validate with the compiled validator instead.
 *
 * Validates documents with the Studio's own rules (required fields, custom rules, slug
 * uniqueness, reference existence) against an in-memory dataset: the documents themselves
 * plus `existing`. Nothing is fetched from a server.
 */
export async function validateDocuments(
  documents: readonly DocumentLike[],
  options: {
    existing?: readonly DocumentLike[]
    concurrency?: number
    /** Called after each document, e.g. for a progress bar (validation is the slow step). */
    onProgress?: (done: number, total: number) => void
  } = {},
): Promise<ValidationProblem[]> {
  const dataset = [...(options.existing ?? []), ...documents]
  const index = indexDataset(documents, options.existing)
  const client = createMemoryClient(dataset, index)
  const ids = index.ids
  const schema = compiledSchema()
  const problems: ValidationProblem[] = []
  const queue = [...documents]
  let done = 0
  const worker = async () => {
    for (let doc = queue.shift(); doc; doc = queue.shift()) {
      // The 'studio' environment applies exactly the Studio's rules; the 'cli' one appends an
      // unknown-field check that downgrades every object field's rule (slugs included) to a warning.
      const markers = await validateDocumentInternal({
        document: doc as unknown as SanityDocument,
        schema,
        environment: 'studio',
        getClient: () => client,
        getDocumentExists: async ({id}) => ids.has(id),
      })
      for (const marker of markers) {
        problems.push({
          documentId: doc._id,
          documentType: doc._type,
          path: formatPath(marker.path),
          level: marker.level,
          message: marker.message,
        })
      }
      options.onProgress?.(++done, documents.length)
    }
  }
  // More parallel documents only add garbage: the work is CPU-bound Observable plumbing.
  await Promise.all(Array.from({length: options.concurrency ?? 4}, worker))
  return problems
}

/**
 * A read-only client over an array of documents. The slug-uniqueness and reference-type
 * queries, which run for every document, are answered from the dataset's index (shared with the
 * compiled validator); others go through groq-js.
 */
function createMemoryClient(
  dataset: readonly DocumentLike[],
  {slugs, types}: DatasetIndex,
): SanityClient {
  const fetch = async (
    query: string,
    params: Record<string, unknown> = {},
    opts?: {tag?: string},
  ) => {
    if (opts?.tag === SLUG_UNIQUE_TAG) {
      const owners = slugs.get(`${params.docType}\u0000${params.slug}`) ?? []
      return owners.every((id) => id === params.published)
    }
    if (opts?.tag === REFERENCE_TYPE_TAG) return types.get(String(params.id)) ?? null
    const result = await evaluate(parse(query), {dataset, params})
    return result.get()
  }
  const client = {
    fetch,
    getDataUrl: (operation: string, path?: string) => `/data/${operation}/memory/${path ?? ''}`,
    observable: {
      fetch: () => {
        throw new Error('Cannot fetch as an observable from the in-memory validation client.')
      },
      request: () => {
        throw new Error('Cannot make requests from the in-memory validation client.')
      },
    },
    withConfig: () => client,
  }
  return client as unknown as SanityClient
}
