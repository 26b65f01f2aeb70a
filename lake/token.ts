import {randomBytes} from 'node:crypto'
import {chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {dirname} from 'node:path'

/** Reads the API token from `file`, generating it (mode 0600) on first use. */
export function loadToken(file: string): string {
  if (existsSync(file)) {
    const token = readFileSync(file, 'utf8').trim()
    if (token.length >= 32) return token
  }
  mkdirSync(dirname(file), {recursive: true})
  const token = `sk${randomBytes(32).toString('hex')}`
  writeFileSync(file, `${token}\n`, {mode: 0o600})
  chmodSync(file, 0o600)
  return token
}

/** A shortened form of a token that is safe to print. */
export function maskToken(token: string): string {
  return `${token.slice(0, 6)}…${token.slice(-4)}`
}
