import {randomBytes} from 'node:crypto'

// Sanity's rule (and @sanity/client's check): letters, digits, `_`, `.`, `-`; no leading `-` or
// `.`; at most 128 characters; no empty path segment (`a..b`).
const ID_PATTERN = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$/

/** A random id in the alphabet Sanity uses for document ids and revisions. */
export function randomId(length = 22): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
  const bytes = randomBytes(length)
  let id = ''
  for (const byte of bytes) id += alphabet[byte % alphabet.length]
  return id
}

/** Whether `id` is a string that is a valid Sanity document id. */
export function isValidId(id: unknown): id is string {
  return typeof id === 'string' && ID_PATTERN.test(id) && !id.includes('..')
}

/** The published id of a draft (`drafts.x`) or version (`versions.r.x`) id. */
export function publishedId(id: string): string {
  if (id.startsWith('drafts.')) return id.slice('drafts.'.length)
  if (id.startsWith('versions.')) return id.split('.').slice(2).join('.')
  return id
}
