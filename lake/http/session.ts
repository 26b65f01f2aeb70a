import {timingSafeEqual} from 'node:crypto'
import {LakeError} from '../errors.ts'
import type {Request} from './respond.ts'

/**
 * What a request's credentials are worth: the lake's token, none at all, or a token that is not
 * (or no longer) the lake's: from before a restart with a new token folder, a replaced token
 * file, or a browser that kept a token from another lake on the same port.
 */
export type Session = 'valid' | 'none' | 'invalid'

function bearer(req: Request): string | null {
  const header = req.headers.authorization
  const match = typeof header === 'string' ? /^Bearer\s+(.+)$/i.exec(header) : null
  return match ? match[1].trim() : null
}

/** The session a request's `Authorization: Bearer` header gives it. */
export function sessionOf(req: Request, token: string): Session {
  const given = bearer(req)
  if (!given) return 'none'
  const same =
    given.length === token.length && timingSafeEqual(Buffer.from(given), Buffer.from(token))
  return same ? 'valid' : 'invalid'
}

/**
 * The hosted API's answer to a token that matches no session: 401 with `errorCode`
 * `SIO-401-ANF` ("Session not found"). The Studio reads that code (sanity's
 * `isInvalidSessionError`) as the signal to log out and show its login screen; a 401 without it
 * is a resource-level refusal the Studio reports where it happened.
 */
export class SessionNotFoundError extends LakeError {
  constructor() {
    super(
      401,
      'unauthorized',
      "Session not found: this token is not the lake's (the lake was started with another token folder, or its token file was replaced); open the login link that npm run studio (or npm run dev) prints to log in again",
    )
  }

  override toBody(): Record<string, unknown> {
    return {...super.toBody(), errorCode: 'SIO-401-ANF'}
  }
}
