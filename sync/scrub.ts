/**
 * Removes secrets from text before it reaches a terminal, a log or a JSON report. Error
 * messages from HTTP clients can echo request headers or URLs, so every message a user may
 * see goes through here.
 */
export function scrubber(secrets: readonly (string | undefined)[]): (text: string) => string {
  const values = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 4)
  return (text) => {
    let out = text
    for (const secret of values) out = out.split(secret).join('[redacted]')
    return out.replace(/(authorization:\s*bearer\s+)[^\s"',]+/gi, '$1[redacted]')
  }
}

/** The message of any thrown value, scrubbed. */
export function errorMessage(error: unknown, scrub: (text: string) => string): string {
  const message = error instanceof Error ? error.message : String(error)
  return scrub(message || (error as {code?: string})?.code || 'Unknown error')
}
