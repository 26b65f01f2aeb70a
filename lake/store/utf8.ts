import {textLength, type Text} from './types.ts'

/** Bytes the reused buffer may grow to; a larger text gets a buffer of its own. */
const KEPT_BYTES = 16 * 1024 * 1024

/**
 * A text's UTF-8 bytes, written part by part into one buffer that is used again for the next
 * text (so the view is valid until the next call). For a SQL parameter read as
 * `CAST(? AS TEXT)`: a transaction's mutations (a few hundred kB) bound as a string are first
 * joined into one, which V8 puts in fresh pages of its own (its large-object space), faulted in
 * and unmapped again for every transaction, then copied to UTF-8 anyway.
 */
export function utf8Writer(): (text: Text) => Uint8Array {
  let scratch = Buffer.alloc(0)
  return (text) => {
    const parts = typeof text === 'string' ? [text] : text
    // A part ending in half a surrogate pair would be written as U+FFFD, unlike the joined text.
    if (parts.some(endsInHighSurrogate)) return Buffer.from(parts.join(''))
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    const most = textLength(text) * 3
    let into = scratch
    if (most > scratch.length) {
      into = Buffer.allocUnsafe(most)
      if (most <= KEPT_BYTES) scratch = into
    }
    let length = 0
    for (const part of parts) length += into.write(part, length)
    return into.subarray(0, length)
  }
}

function endsInHighSurrogate(part: string): boolean {
  const last = part.charCodeAt(part.length - 1)
  return last >= 0xd800 && last <= 0xdbff
}
