/**
 * The `npm run import` flags that raise (or lower) the per-page limits of the importer, one per
 * limit, named as the limit diagnostics' hints name them (`LIMIT_FLAGS`).
 */
import type {ArgDef} from 'citty'

import {DEFAULT_LIMITS, LIMIT_FLAGS, type PageLimits} from '../importer/body/limits.ts'

const WHAT: Readonly<Record<keyof PageLimits, string>> = {
  maxPageBytes: 'Largest page, in KB of markdown before and after Liquid',
  maxBodyBytes: 'Largest converted body, in KB of Portable Text JSON',
  maxNesting: 'Deepest nesting of lists and block quotes',
  maxDelimiters:
    'Emphasis, code and link delimiters per paragraph; more are read as plain characters',
  maxSeconds: 'Seconds one page may take to convert (checked between stages)',
}

const KEYS = Object.keys(WHAT) as Array<keyof PageLimits>
const inKb = (key: keyof PageLimits) => key.endsWith('Bytes')
const flagName = (key: keyof PageLimits) => LIMIT_FLAGS[key].slice(2)
/** `3418` as `3,418`: toLocaleString would load ICU's data on every start, `--help` too. */
const withCommas = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')

/** The citty definitions of the limit flags, defaults in their descriptions. */
export const limitArgs: Record<string, ArgDef> = Object.fromEntries(
  KEYS.map((key) => {
    const value = inKb(key) ? DEFAULT_LIMITS[key] / 1024 : DEFAULT_LIMITS[key]
    const description = `${WHAT[key]} (default ${withCommas(Math.round(value))}).`
    return [flagName(key), {type: 'string', description, valueHint: 'n'}]
  }),
)

/** The limits the flags set, or the usage error for the first value that is not a positive number. */
export function parseLimits(
  args: Readonly<Record<string, unknown>>,
): {limits: Partial<PageLimits>} | {error: string} {
  const limits: Partial<PageLimits> = {}
  for (const key of KEYS) {
    const raw = args[flagName(key)]
    if (raw === undefined) continue
    const value = Number(raw)
    if (!Number.isFinite(value) || value <= 0) {
      return {error: `Cannot use ${LIMIT_FLAGS[key]} ${String(raw)}, expected a positive number.`}
    }
    limits[key] = inKb(key) ? Math.round(value * 1024) : value
  }
  return {limits}
}
