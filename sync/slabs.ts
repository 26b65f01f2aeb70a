import {open, readFile} from 'node:fs/promises'

/** A file to read, with the size `stat` gave it. */
export type SizedFile = {path: string; size: number}

/**
 * Reads batches of files into two buffers it allocates once and reuses, a batch into each in
 * turn. Every buffer Node allocates for a file's bytes counts as V8's external memory, and about
 * every 64 MB of it V8 starts a full garbage collection of the heap that holds the import's
 * documents: reading a site's 364 MB of images one buffer per file took a dozen of them. Read
 * into the same two buffers, the bytes add nothing to the heap's account.
 *
 * A batch's bytes stay as read until the batch after next is read: the caller is done with them
 * (hashed, uploaded and the upload answered) before it asks for that one. The buffers are
 * SharedArrayBuffers, which a lake in this process passes to its writer thread as they are. A file that does not
 * fit in what is left of its buffer, or that grew since `stat`, is read into a buffer of its
 * own, as it is now.
 */
export class SlabReader {
  readonly #capacity: number
  readonly #slabs: Buffer[] = []

  /** `capacity`: the bytes each of the two buffers holds (allocated on first use). */
  constructor(capacity: number) {
    this.#capacity = capacity
  }

  /** The bytes each file needs in a buffer: its size, and a byte to see that it ends there. */
  static room(file: SizedFile): number {
    return file.size + 1
  }

  /**
   * Reads batch number `batch` (0, 1, 2, …), into the buffer of batch `batch - 2`: each file's
   * bytes, or why they could not be read, in the order of `files`.
   */
  read(batch: number, files: readonly SizedFile[]): Array<Promise<Buffer | Error>> {
    // Shared memory: a lake in this process hands it to its writer thread without a copy.
    const slab = (this.#slabs[batch % 2] ??= Buffer.from(new SharedArrayBuffer(this.#capacity)))
    let offset = 0
    return files.map((file) => {
      const at = offset
      const fits = at + SlabReader.room(file) <= slab.length
      if (fits) offset += SlabReader.room(file)
      const bytes = fits ? readInto(file.path, slab.subarray(at, offset)) : readFile(file.path)
      return bytes.catch((error: Error) => error)
    })
  }
}

/**
 * Reads the file at `path` into `region` from its start: the bytes it holds, when they fit
 * with a byte to spare; else (the file grew since its size was taken) the whole file, read again
 * into a buffer of its own.
 */
async function readInto(path: string, region: Buffer): Promise<Buffer> {
  const handle = await open(path)
  let length = 0
  try {
    for (;;) {
      const {bytesRead} = await handle.read(region, length, region.length - length, length)
      if (bytesRead === 0) return region.subarray(0, length)
      length += bytesRead
      if (length === region.length) break
    }
  } finally {
    await handle.close()
  }
  return readFile(path)
}
