import {existsSync, readFileSync} from 'node:fs'
import {join, resolve} from 'node:path'

/** Environment variables as a plain record. */
export type Env = Record<string, string | undefined>

/**
 * Parses a `.env` file: `KEY=value` lines, optional `export `, `#` comments, single or
 * double quotes (double quotes understand `\n`). No dependency, no variable expansion.
 */
export function parseDotenv(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (!line || line.startsWith('#')) continue
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line)
    if (!match) continue
    let value = match[2]
    const quote = value[0]
    if ((quote === '"' || quote === "'") && value.lastIndexOf(quote) > 0) {
      value = value.slice(1, value.lastIndexOf(quote))
      if (quote === '"') value = value.replace(/\\n/g, '\n').replace(/\\(["\\])/g, '$1')
    } else {
      value = value.replace(/\s+#.*$/, '').trim()
    }
    out[match[1]] = value
  }
  return out
}

/** The process environment over the values of `<dir>/.env` (the environment wins). */
export function loadEnv(dir = process.cwd(), env: Env = process.env): Env {
  const file = join(dir, '.env')
  const fromFile = existsSync(file) ? parseDotenv(readFileSync(file, 'utf8')) : {}
  return {...fromFile, ...env}
}

/** The local lake's folder: `LAKE_DIR` (environment or `.env`), else `.lake`, as an absolute path. */
export function lakeDirOf(env: Env): string {
  return resolve(env.LAKE_DIR || '.lake')
}

/** The variables that choose Sanity's hosted Content Lake over the local dataset. */
export const HOSTED_VARIABLES = ['SANITY_PROJECT_ID', 'SANITY_DATASET', 'SANITY_API_TOKEN'] as const

/**
 * Whether the environment asks for the hosted Content Lake (any of its variables set); here,
 * not in hosted.ts, so a caller can ask without loading the client.
 */
export function wantsHosted(env: Env): boolean {
  return HOSTED_VARIABLES.some((key) => env[key])
}
