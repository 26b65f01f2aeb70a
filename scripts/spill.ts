/**
 * Bytes set aside on disk while memory is scarce: `convertPages` writes the worker threads'
 * answers here instead of holding them, and reads them back once the workers (and their heaps)
 * are gone. The file has no name once opened where the system allows it (it disappears with the
 * process, even after a crash); elsewhere it is removed by `close`.
 */
import {closeSync, mkdtempSync, openSync, readSync, rmSync, unlinkSync, writeSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

/** Writes all of `bytes` into the file open as `fd`, at byte `position`. */
export function writeAt(fd: number, bytes: Uint8Array, position: number): void {
  let written = 0
  while (written < bytes.length) {
    written += writeSync(fd, bytes, written, bytes.length - written, position + written)
  }
}

/**
 * A file to set bytes aside in. Its descriptor is the process's, so a worker thread given `fd`
 * can write into it (with {@link writeAt}, each writer at its own positions).
 */
export class Spill {
  readonly fd: number
  readonly #dir: string
  #named: boolean

  constructor() {
    this.#dir = mkdtempSync(join(tmpdir(), 'course-import-'))
    const file = join(this.#dir, 'spill')
    this.fd = openSync(file, 'w+')
    try {
      unlinkSync(file)
      rmSync(this.#dir, {recursive: true, force: true})
      this.#named = false
    } catch {
      this.#named = true
    }
  }

  /** The first `size` bytes, in one buffer. */
  read(size: number): Buffer {
    const buffer = Buffer.allocUnsafe(size)
    let read = 0
    while (read < size) {
      const n = readSync(this.fd, buffer, read, size - read, read)
      if (n === 0) throw new Error(`The spill file ended after ${read} of ${size} bytes`)
      read += n
    }
    return buffer
  }

  close(): void {
    closeSync(this.fd)
    if (this.#named) rmSync(this.#dir, {recursive: true, force: true})
  }
}
