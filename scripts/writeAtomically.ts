/**
 * Writes a file from its lines through a temporary file beside it, then renames it into place,
 * so a failed run never leaves half a file; the text is written a megabyte at a time, never
 * built as one string (an import's NDJSON and its conversion cache are tens of megabytes).
 */
import {randomBytes} from 'node:crypto'
import {open, rename, rm} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'

const CHUNK = 1 << 20

/**
 * Writes `lines` (each with its own line end) to `path` atomically; bytes (whole lines) are
 * written as they come, in their place.
 */
export async function writeAtomically(
  path: string,
  lines: Iterable<string | Uint8Array>,
): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    const handle = await open(temp, 'w')
    try {
      let chunk = ''
      for (const line of lines) {
        if (typeof line !== 'string') {
          if (chunk) await handle.write(chunk)
          chunk = ''
          await handle.write(line)
          continue
        }
        chunk += line
        if (chunk.length < CHUNK) continue
        await handle.write(chunk)
        chunk = ''
      }
      if (chunk) await handle.write(chunk)
    } finally {
      await handle.close()
    }
    await rename(temp, path)
  } catch (error) {
    await rm(temp, {force: true})
    throw error
  }
}
