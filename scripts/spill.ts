/**
 * Bytes set aside on disk while memory is scarce: `convertPages` writes the worker threads'
 * answers here instead of holding them, and reads them back once the workers (and their heaps)
 * are gone. The file has no name once opened where the system allows it (it disappears with the
 * process, even after a crash); elsewhere it is removed by `close`.
 */
import {closeSync, mkdtempSync, openSync, readSync, rmSync, unlinkSync, writeSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

/** Bytes a spill reads at a time (see {@link Spill.bytes}). */
const WINDOW = 1 << 20

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

  /** The bytes the window holds, and where they are in the file. */
  #window: Buffer | undefined
  #from = 0
  #to = 0

  /**
   * The bytes from `start` to `end`, read through one buffer this spill reuses (a megabyte, or
   * more for one longer run): valid until the next read. A fresh buffer for the whole file cost
   * more than its reading: every page of it was new memory to the system (in a virtual machine,
   * 57 MB read whole and made into text took about ten times the CPU of a megabyte at a time).
   */
  bytes(start: number, end: number): Buffer {
    if (this.#window && start >= this.#from && end <= this.#to) {
      return this.#window.subarray(start - this.#from, end - this.#from)
    }
    const size = end - start
    const buffer =
      size > WINDOW ? Buffer.allocUnsafe(size) : (this.#window ??= Buffer.allocUnsafe(WINDOW))
    // As much as the buffer holds: the next pages' bytes come with this one's.
    let read = 0
    while (read < size) {
      const n = readSync(this.fd, buffer, read, buffer.length - read, start + read)
      if (n === 0) throw new Error(`The spill file ended after ${start + read} of ${end} bytes`)
      read += n
    }
    if (buffer === this.#window) [this.#from, this.#to] = [start, start + read]
    return buffer.subarray(0, size)
  }

  /** The bytes from `start` to `end` as latin1 text (one character a byte). */
  text(start: number, end: number): string {
    return this.bytes(start, end).toString('latin1')
  }

  /** The bytes from `start` to `end` a megabyte at a time, each valid until the next is asked for. */
  *slices(start: number, end: number): Generator<Buffer> {
    for (let at = start; at < end; at += WINDOW) yield this.bytes(at, Math.min(end, at + WINDOW))
  }

  close(): void {
    closeSync(this.fd)
    if (this.#named) rmSync(this.#dir, {recursive: true, force: true})
  }
}
