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
  toBody(): {error: Record<string, unknown>; message: string; statusCode: number} {
    return {
      error: {description: this.message, type: this.type, ...this.details},
      message: this.message,
      statusCode: this.status,
    }
  }
}

/** A 400 error for a request the caller can fix. */
export function badRequest(description: string, details?: Record<string, unknown>): LakeError {
  return new LakeError(400, 'validationError', description, details)
}

/** A 409 error for a mutation whose precondition failed. */
export function conflict(description: string, details?: Record<string, unknown>): LakeError {
  return new LakeError(409, 'mutationError', description, details)
}
