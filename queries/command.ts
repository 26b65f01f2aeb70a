import {GroqSyntaxError, parse} from 'groq-js'

import {isQueryName, namedQueries} from './index.ts'

/**
 * Reads `--param name=value` arguments. A value that parses as JSON is used as such
 * (`n=3`, `tags=["a"]`, `s="3"`), any other value is a string (`slug=my-lesson`).
 */
export function parseParams(pairs: readonly string[]): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const pair of pairs) {
    const equals = pair.indexOf('=')
    const name = equals > 0 ? pair.slice(0, equals) : ''
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      throw new UsageError(
        `Cannot read --param "${pair}", expected name=value with a GROQ parameter name, e.g. --param slug=intro`,
      )
    }
    params[name] = parseValue(pair.slice(equals + 1))
  }
  return params
}

function parseValue(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/** A mistake in how the command was called: printed with the usage, exit code 1. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** The GROQ of a named query (`lessonPage`), or the argument itself when it is GROQ. */
export function resolveQuery(queryOrName: string): {query: string; name?: string} {
  const trimmed = queryOrName.trim()
  if (isQueryName(trimmed)) return {query: namedQueries[trimmed], name: trimmed}
  return {query: queryOrName}
}

/** The `$names` a query uses that `params` does not give. */
export function missingParams(query: string, params: Record<string, unknown>): string[] {
  const used = new Set([...query.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]))
  return [...used].filter((name) => !Object.hasOwn(params, name)).sort()
}

/**
 * Checks GROQ syntax before sending it anywhere; on an error, the message shows the query's
 * line with a caret under the position, e.g.
 * `Cannot run the query, expected valid GROQ at line 1, column 9: …`.
 */
export function checkSyntax(query: string, params: Record<string, unknown>): string | null {
  try {
    parse(query, {params})
    return null
  } catch (error) {
    if (error instanceof GroqSyntaxError) return formatSyntaxError(query, error)
    throw error
  }
}

/** The query with line numbers and a `^` under the error position. */
export function formatSyntaxError(
  query: string,
  error: {message: string; position: number},
): string {
  const lines = query.split('\n')
  let offset = 0
  let line = 0
  while (line < lines.length - 1 && offset + lines[line].length < error.position) {
    offset += lines[line].length + 1
    line++
  }
  const column = error.position - offset
  const width = String(lines.length).length
  const gutter = (label: string) => `${label.padStart(width)} | `
  const shown = lines.map((text, index) => `${gutter(String(index + 1))}${text}`)
  shown.splice(line + 1, 0, `${gutter('')}${' '.repeat(Math.max(0, column))}^`)
  const detail = error.message.replace(/^Syntax error in GROQ query at position \d+:?\s*/, '')
  return [
    `Cannot run the query, expected valid GROQ at line ${line + 1}, column ${column + 1}${detail ? `: ${detail}` : ''}`,
    ...shown,
  ].join('\n')
}
