import type {Diagnostic} from '../types.ts'
import type {SiteFile} from './types.ts'

// ignoreBOM keeps a byte-order mark in the text, so that readers can tell it was there.
const utf8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true})

/** Bytes that never occur in text files; one of them in the first 8 KB marks a binary file. */
function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 8192)
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true
  return false
}

/** Position of the first byte that is not valid UTF-8, as 1-based line and column. */
function invalidUtf8Position(bytes: Uint8Array): {line: number; column: number} {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]
    if (byte === 0x0a) {
      line++
      lineStart = i + 1
      continue
    }
    if (byte < 0x80) continue
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc2 ? 2 : 0
    const sequence = bytes.subarray(i, i + length)
    try {
      if (length === 0 || sequence.length < length) throw new Error('invalid')
      utf8.decode(sequence)
      i += length - 1
    } catch {
      return {line, column: i - lineStart + 1}
    }
  }
  return {line, column: 1}
}

/**
 * Text without its byte-order mark, and whether there was one (Jekyll then sees no front matter);
 * each `\r\n` one `\n`, as kramdown reads its source, so a page saved on Windows converts as the
 * same page saved elsewhere (no `\r` left in code or terms, a collection document's definition
 * list still one inside a page that lists it). A file whose lines end in a lone `\r` has no front
 * matter for Jekyll, so it is left as it is.
 */
function asKramdownReads(text: string): {text: string; bom: boolean} {
  const lines = text.includes('\r') ? text.replaceAll('\r\n', '\n') : text
  return lines.startsWith('\uFEFF') ? {text: lines.slice(1), bom: true} : {text: lines, bom: false}
}

/**
 * Decodes a site file as UTF-8 text (a leading BOM removed and reported, line endings made `\n`),
 * or explains why not.
 */
export function decodeSiteFile(
  file: SiteFile,
): {text: string; bom: boolean} | {diagnostic: Diagnostic} {
  if (file.text !== undefined) return asKramdownReads(file.text)
  const bytes = file.bytes ?? new Uint8Array()
  if (looksBinary(bytes)) {
    return {
      diagnostic: {
        severity: 'error',
        code: 'binary-file',
        file: file.path,
        line: 1,
        column: 1,
        message: 'Cannot read this page, expected UTF-8 text but found binary data (a NUL byte).',
        hint: 'Move the file out of the site, rename it so it does not end in .md, or add it to `exclude:` in _config.yml.',
      },
    }
  }
  try {
    return asKramdownReads(utf8.decode(bytes))
  } catch {
    const {line, column} = invalidUtf8Position(bytes)
    return {
      diagnostic: {
        severity: 'error',
        code: 'invalid-utf8',
        file: file.path,
        line,
        column,
        message: 'Cannot read this page, expected UTF-8 text but found an invalid byte sequence.',
        hint: 'Re-save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`).',
      },
    }
  }
}
