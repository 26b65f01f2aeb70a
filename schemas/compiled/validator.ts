import {REFERENCE_TYPE_TAG} from '../fields.ts'
import type {Definition} from './builtins.ts'
import type {CheckContext} from './checks.ts'
import {compileTypes} from './compile.ts'
import type {TypeNode} from './nodes.ts'
import type {DocumentLike, ValidationProblem} from './problem.ts'
import {keyedPath, visit, type Walk} from './walk.ts'

/** Options of `validateDocuments`: documents that count as existing, and a progress callback. */
export interface ValidateOptions {
  existing?: readonly DocumentLike[]
  onProgress?: (done: number, total: number) => void
}

/** A validator compiled once from schema type definitions. */
export interface CompiledValidator {
  /** The problems of `documents`, against a dataset of `existing` plus the documents themselves. */
  validateDocuments(
    documents: readonly DocumentLike[],
    options?: ValidateOptions,
  ): Promise<ValidationProblem[]>
}

/**
 * Compiles a validator from the schema's type definitions (as passed to the Studio). Throws
 * when the schema uses something the validator cannot check, so a schema change it does not
 * understand fails loudly instead of passing unchecked.
 */
export function compileValidator(types: readonly unknown[]): CompiledValidator {
  const documentTypes = compileTypes(types as Definition[])
  return {
    validateDocuments: (documents, options = {}) => validateAll(documentTypes, documents, options),
  }
}

async function validateAll(
  documentTypes: ReadonlyMap<string, TypeNode>,
  documents: readonly DocumentLike[],
  options: ValidateOptions,
): Promise<ValidationProblem[]> {
  const dataset = indexDataset(documents, options.existing)
  const results: ValidationProblem[][] = []
  const pending: Promise<void>[] = []
  for (let i = 0; i < documents.length; i++) {
    const document = documents[i]
    const problems: ValidationProblem[] = []
    results.push(problems)
    const node = documentTypes.get(document._type)
    if (node) {
      const walk: Walk = {
        document,
        path: [],
        problems,
        pending,
        check: {
          message: undefined,
          node,
          documentId: document._id,
          documentType: document._type,
          exists: (id) => dataset.ids.has(id),
          slugOwners: (type, slug) => dataset.slugs.get(`${type}\u0000${slug}`) ?? [],
        } satisfies CheckContext,
        customContext: (current, parent) => customContext(current, parent, dataset),
      }
      visit(walk, node, document, undefined)
    }
    options.onProgress?.(i + 1, documents.length)
  }
  if (pending.length > 0) await Promise.all(pending)
  return results.flat()
}

/** What the validators look up in the dataset: ids, types by published id, slug owners. */
export interface DatasetIndex {
  ids: Set<string>
  types: Map<string, string>
  /** Published ids by `` `${type}\u0000${slug}` ``. */
  slugs: Map<string, string[]>
}

/**
 * The index of a dataset of `existing` plus `documents`, shared with the reference validator
 * (`validate.ts`). Throws, naming the entry, when one is not an object with a string `_id` and
 * `_type`, instead of failing later on a property of `null`.
 */
export function indexDataset(
  documents: readonly DocumentLike[],
  existing: readonly DocumentLike[] = [],
): DatasetIndex {
  const index: DatasetIndex = {ids: new Set(), types: new Map(), slugs: new Map()}
  existing.forEach((doc, i) => assertDocument(doc, `existing[${i}]`))
  documents.forEach((doc, i) => assertDocument(doc, `documents[${i}]`))
  for (const doc of [...existing, ...documents]) {
    index.ids.add(doc._id)
    const id = doc._id.replace(/^drafts\./, '')
    if (!index.types.has(id)) index.types.set(id, doc._type)
    const current = (doc.slug as {current?: string} | undefined)?.current
    if (!current) continue
    const key = `${doc._type}\u0000${current}`
    const owners = index.slugs.get(key)
    if (owners) owners.push(id)
    else index.slugs.set(key, [id])
  }
  return index
}

function assertDocument(value: unknown, where: string): asserts value is DocumentLike {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value
    throw new Error(`Cannot validate ${where}, expected a document object, got ${got}.`)
  }
  const document = value as Record<string, unknown>
  if (typeof document._type !== 'string') {
    throw new Error(
      `Tried to validate a value without a '_type' (${where}): give every document its type.`,
    )
  }
  if (typeof document._id !== 'string') {
    throw new Error(`Cannot validate ${where}, expected a string _id: give every document its id.`)
  }
}

/**
 * What a custom rule that reads its context gets: the document, parent and path, and a client
 * that answers only the reference-type query (`REFERENCE_TYPE_TAG`) from the dataset's index.
 */
function customContext(walk: Walk, parent: unknown, dataset: DatasetIndex) {
  const client = {
    fetch: async (_query: string, params: Record<string, unknown> = {}, opts?: {tag?: string}) => {
      if (opts?.tag === REFERENCE_TYPE_TAG) return dataset.types.get(String(params.id)) ?? null
      throw new Error(
        `Cannot run the query tagged "${opts?.tag ?? ''}" in the compiled validator: it answers only ${REFERENCE_TYPE_TAG}.`,
      )
    },
    withConfig: () => client,
  }
  return {
    document: walk.document,
    parent,
    path: keyedPath(walk.path),
    environment: 'studio',
    getClient: () => client,
    getDocumentExists: async ({id}: {id: string}) => dataset.ids.has(id),
  }
}
