/**
 * Writes a file from its lines through a temporary file beside it, then renames it into place,
 * so a failed run never leaves half a file; the text is written a megabyte at a time, never
 * built as one string (an import's NDJSON and its conversion cache are tens of megabytes).
 */
import {randomBytes} from 'node:crypto'
import {open, rename, rm, type FileHandle} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'

const CHUNK = 1 << 20

/** Writes all of `bytes` at the handle's position: a write may take fewer than it is given. */
async function writeAll(handle: FileHandle, bytes: Uint8Array, length = bytes.length) {
  for (let done = 0; done < length;) {
    done += (await handle.write(bytes, done, length - done)).bytesWritten
  }
}

/**
 * Writes `lines` (each with its own line end) to `path` atomically; bytes (whole lines) are
 * written as they come, in their place. Text is encoded straight into one reused buffer of
 * {@link CHUNK} bytes (a longer line is written alone), never joined into a longer string first.
 */
export async function writeAtomically(
  path: string,
  lines: Iterable<string | Uint8Array>,
): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    const handle = await open(temp, 'w')
    try {
      const chunk = Buffer.allocUnsafe(CHUNK)
      let used = 0
      const flush = async () => {
        await writeAll(handle, chunk, used)
        used = 0
      }
      for (const line of lines) {
        if (typeof line === 'string') {
          // At most three bytes a UTF-16 unit: only a line that may not fit is measured.
          const size = line.length * 3 <= CHUNK - used ? 0 : Buffer.byteLength(line)
          if (size > CHUNK - used) await flush()
          if (size <= CHUNK) used += chunk.write(line, used)
          else await writeAll(handle, Buffer.from(line))
          continue
        }
        await flush()
        await writeAll(handle, line)
      }
      await flush()
    } finally {
      await handle.close()
    }
    await rename(temp, path)
  } catch (error) {
    await rm(temp, {force: true})
    throw error
  }
}
