/** An error that the HTTP layer turns into Sanity's `{error: {...}}` response shape. */
export class LakeError extends Error {
  readonly status: number
  readonly type: string
  readonly details: Record<string, unknown>

  constructor(
    status: number,
    type: string,
    description: string,
    details: Record<string, unknown> = {},
  ) {
    super(description)
    this.name = 'LakeError'
    this.status = status
    this.type = type
    this.details = details
  }

  /** The JSON body Sanity's API answers for this error. */
  toBody(): Record<string, unknown> {
    return {
      error: {description: this.message, type: this.type, ...this.details},
      message: this.message,
      statusCode: this.status,
    }
  }
}

/**
 * Sanity's answer for a dataset that does not exist: 404 with `error: "Dataset not found"`, the
 * discriminator the Studio reads to show its "dataset not found" screen.
 */
export class DatasetNotFoundError extends LakeError {
  constructor(
    dataset: string,
    projectId: string,
    expected = 'a lowercase name of letters, digits, "_" and "-" (at most 64 characters)',
  ) {
    super(
      404,
      'datasetNotFound',
      `Dataset "${dataset.slice(0, 100)}" not found for project ID "${projectId}", expected ${expected}`,
    )
  }

  /** The Boom-style body Sanity's dataset endpoints answer. */
  override toBody(): Record<string, unknown> {
    return {statusCode: this.status, error: 'Dataset not found', message: this.message}
  }
}

/** One problem of a refused transaction: what went wrong and the mutation or action it was in. */
export type MutationErrorItem = {
  error: Record<string, unknown> & {type: string; description: string}
  index: number
}

/**
 * Sanity's shape for a refused transaction: `mutationError` with one item per problem, each
 * naming the index of its mutation or action.
 */
export function mutationFailed(status: number, items: MutationErrorItem[]): LakeError {
  const sorted = [...items].sort((a, b) => a.index - b.index)
  return new LakeError(
    status,
    'mutationError',
    `Mutation(s) failed with ${items.length} error(s)`,
    {
      items: sorted,
    },
  )
}

/** A 400 error for a request the caller can fix. */
export function badRequest(description: string, details?: Record<string, unknown>): LakeError {
  return new LakeError(400, 'validationError', description, details)
}

/** A 409 error for a mutation whose precondition failed. */
export function conflict(description: string, details?: Record<string, unknown>): LakeError {
  return new LakeError(409, 'mutationError', description, details)
}

/** A LakeError as it crosses the thread boundary. */
export type SerializedError = {
  status: number
  type: string
  message: string
  details: Record<string, unknown>
}

/** Turns any thrown value into something `postMessage` can carry. */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof LakeError) {
    const {status, type, message, details} = error
    return {status, type, message, details}
  }
  const message = error instanceof Error ? error.message : String(error)
  return {status: 500, type: 'internalError', message, details: {}}
}

/** The LakeError a worker reported. */
export function deserializeError(error: SerializedError): LakeError {
  return new LakeError(error.status, error.type, error.message, error.details)
}
