import {createHash} from 'node:crypto'
import type {BigIntStats} from 'node:fs'
import {realpath, stat} from 'node:fs/promises'
import path from 'node:path'

import {SlabReader} from './slabs.ts'

/** How the image files of an import reach the dataset. */
export type UploadOptions = {
  /** The site folder: no file outside it is read. */
  siteDir: string
  /**
   * Finds asset ids by SHA-1 of the file content. Asked once per batch of images read, for the
   * contents no earlier batch found or uploaded.
   */
  findAssets: (sha1s: string[]) => Promise<Map<string, string>>
  /**
   * Uploads an image; `sha1` is its bytes' SHA-1, as this step took it. `body` is read into a
   * buffer this step reuses: it holds the image until the returned promise settles, not after.
   */
  upload: (body: Buffer, filename: string, sha1: string) => Promise<string>
  /** Plan only: look existing assets up, upload nothing. */
  dryRun?: boolean
  /** Files located at a time (8), and at most read and uploaded together (16). */
  concurrency?: number
}

/** A file an image names, found inside the site: its real path, and its stat before reading. */
export type FoundFile = {real: string; stats: BigIntStats}

/** Said of a file whose real path leaves the site folder. */
export const OUTSIDE = Symbol('outside the site')

/** What became of a file: its SHA-1 once read, its asset id, or the error that stopped it. */
export type FileOutcome = {sha1?: string; assetId?: string; error?: Error; uploaded?: boolean}

/** What became of a file an image names: not found (why), or found and what became of it. */
export type Located = Error | typeof OUTSIDE | {found: FoundFile; outcome: FileOutcome}

/** Images read at a time, and about the most bytes they may hold together. */
const BATCH = {images: 16, bytes: 32 * 1024 * 1024}

/** A file's size as `stat` said before it was read. */
const size = (found: FoundFile) => Number(found.stats.size)

/** A file named, and what becomes of it once the batch it is read in is answered. */
type Entry = {
  file: string
  located: Promise<FoundFile | Error | typeof OUTSIDE>
  settle: (located: Located) => void
  fail: (error: unknown) => void
  done: Promise<Located>
}

/**
 * The image files of an import, each read, hashed, looked up among the dataset's assets by
 * SHA-1 and uploaded when new, once per content and once per file, however many images name
 * it; in the order they are first named, a batch at a time. Files may be named as they become
 * known (an import names each page's images while other pages still convert, so the disk writes
 * them meanwhile) and again by the image step, which then finds them done or under way.
 *
 * A batch holds at most {@link BATCH}'s images and, past its first, bytes. The next batch is
 * read and hashed while this one uploads (a local lake writes it on its writer thread
 * meanwhile), into the buffer of the batch before it, once that one's uploads are answered. The
 * uploads of a batch are handed over together, so a local lake commits them together
 * (lake/assets/commit.ts) and the disk is waited for once per batch, not twice per image.
 */
export class ImageUploads {
  readonly #options: UploadOptions
  readonly #root: string
  #realRoot: Promise<string> | undefined
  /** Every file named, by the path the images resolve to (before symlinks are followed). */
  readonly #entries = new Map<string, Entry>()
  /** Files named and not yet taken into a batch, in the order named. */
  readonly #queue: Entry[] = []
  /** What became of each real file taken into a batch (two paths may be one file). */
  readonly #byReal = new Map<string, Promise<FileOutcome>>()
  /** The asset id of each content found or uploaded so far (or why its upload failed). */
  readonly #bySha1 = new Map<string, Promise<string | Error>>()
  readonly #reader = new SlabReader(BATCH.bytes + BATCH.images)
  /** Batches begun so far; the last two batches, answered (their buffers free again). */
  #batches = 0
  readonly #answered: [Promise<unknown>, Promise<unknown>] = [Promise.resolve(), Promise.resolve()]
  /** Whether batches are being made (until no file waits: set and cleared in the same turn). */
  #pumping = false
  /** Files being located, and those waiting to be (at most `concurrency` at a time). */
  #locating = 0
  readonly #toLocate: Array<() => void> = []

  constructor(options: UploadOptions) {
    this.#options = options
    this.#root = path.resolve(options.siteDir)
  }

  /** Begins on each of `files` (absolute paths) not named before, in their order. */
  add(files: Iterable<string>): void {
    for (const file of files) {
      if (this.#entries.has(file)) continue
      let settle!: Entry['settle']
      let fail!: Entry['fail']
      const done = new Promise<Located>((resolve, reject) => {
        settle = resolve
        fail = reject
      })
      // Awaited by the image step, if it runs: an import that stops first must not crash on it.
      done.catch(() => undefined)
      const entry = {file, located: this.#locate(file), settle, fail, done}
      this.#entries.set(file, entry)
      this.#queue.push(entry)
    }
    if (!this.#pumping) void this.#makeBatches()
  }

  /** What became of `file`, named before: settles once its batch's uploads are answered. */
  outcome(file: string): Promise<Located> {
    const entry = this.#entries.get(file)
    if (!entry) throw new Error(`Image file ${file} was never named`)
    return entry.done
  }

  /** Settles once every file named so far is done with (before the target is closed). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.#entries.values()].map((entry) => entry.done))
  }

  /** Finds `file` inside the site, `concurrency` files at a time. */
  async #locate(file: string): Promise<FoundFile | Error | typeof OUTSIDE> {
    const most = this.#options.concurrency ?? 8
    if (this.#locating >= most) await new Promise<void>((go) => this.#toLocate.push(go))
    this.#locating++
    try {
      this.#realRoot ??= realpath(this.#root).catch(() => this.#root)
      return await findFile(file, this.#root, await this.#realRoot)
    } finally {
      this.#locating--
      this.#toLocate.shift()?.()
    }
  }

  /**
   * Makes batches of the files waiting, until none wait. A batch that fails (a lookup the target
   * refused) fails the files it held; anything else that fails fails every file still waiting,
   * so that no one waits for them for ever.
   */
  async #makeBatches(): Promise<void> {
    this.#pumping = true
    try {
      while (this.#queue.length) {
        let batch: Array<{entry: Entry; found: FoundFile}>
        try {
          batch = await this.#takeBatch()
        } catch (error) {
          for (const entry of this.#queue.splice(0)) entry.fail(error)
          return
        }
        if (!batch.length) continue
        const b = this.#batches++
        try {
          this.#answered[b % 2] = (await this.#send(b, batch)).answered
        } catch (error) {
          for (const {entry} of batch) entry.fail(error)
        }
      }
    } finally {
      // In the same turn as the check that found no file waiting: one named after it starts
      // another run.
      this.#pumping = false
    }
  }

  /**
   * The next batch of files to read, from the head of the queue: those found, each real file
   * once. Files not found, or read already under another path, are settled here.
   */
  async #takeBatch(): Promise<Array<{entry: Entry; found: FoundFile}>> {
    const most = Math.min(this.#options.concurrency ?? BATCH.images, BATCH.images)
    const batch: Array<{entry: Entry; found: FoundFile}> = []
    let bytes = 0
    while (this.#queue.length && batch.length < most) {
      const entry = this.#queue[0]
      const found = await entry.located
      if (found instanceof Error || found === OUTSIDE) {
        this.#queue.shift()
        entry.settle(found)
        continue
      }
      const same = this.#byReal.get(found.real)
      if (same) {
        this.#queue.shift()
        same.then((outcome) => entry.settle({found, outcome}), entry.fail)
        continue
      }
      if (batch.length && bytes + size(found) > BATCH.bytes) break
      this.#queue.shift()
      batch.push({entry, found})
      bytes += size(found)
      const outcome = entry.done.then((located) => (located as {outcome: FileOutcome}).outcome)
      outcome.catch(() => undefined)
      this.#byReal.set(found.real, outcome)
    }
    return batch
  }

  /**
   * Reads batch `b` (once batch `b - 2`, whose buffer it reuses, is answered), looks its new
   * contents up and hands their uploads over; settles once they are handed over, with what
   * settles once they are answered.
   */
  async #send(
    b: number,
    batch: ReadonlyArray<{entry: Entry; found: FoundFile}>,
  ): Promise<{answered: Promise<unknown>}> {
    await this.#answered[b % 2]
    const sized = batch.map(({found}) => ({path: found.real, size: size(found)}))
    const bodies = await Promise.all(
      this.#reader
        .read(b, sized)
        .map((read) =>
          read.then((body) =>
            body instanceof Error
              ? body
              : {body, sha1: createHash('sha1').update(body).digest('hex')},
          ),
        ),
    )
    const bySha1 = this.#bySha1
    const unknown = [
      ...new Set(bodies.flatMap((x) => (x instanceof Error || bySha1.has(x.sha1) ? [] : [x.sha1]))),
    ]
    const existing = unknown.length ? await this.#options.findAssets(unknown) : new Map()
    for (const [sha1, id] of existing) bySha1.set(sha1, Promise.resolve(id))
    // Handed over in one run of code: a local lake commits them together.
    const outcomes = batch.map(({entry, found}, i): FileOutcome => {
      const x = bodies[i]
      if (x instanceof Error) return {error: x}
      const outcome: FileOutcome = {sha1: x.sha1}
      if (!bySha1.has(x.sha1) && !this.#options.dryRun) {
        outcome.uploaded = true
        bySha1.set(
          x.sha1,
          this.#options
            .upload(x.body, path.basename(entry.file), x.sha1)
            .catch((error: Error) => error),
        )
      }
      return outcome
    })
    const answered = Promise.all(
      batch.map(async ({entry, found}, i) => {
        const outcome = outcomes[i]
        const id = outcome.sha1 && (await bySha1.get(outcome.sha1))
        if (id instanceof Error) outcome.error = id
        else if (id) outcome.assetId = id
        entry.settle({found, outcome})
      }),
    )
    return {answered}
  }
}

/** Finds `file` inside the site (following symlinks, which must not leave it), or why not. */
async function findFile(
  file: string,
  root: string,
  realRoot: string,
): Promise<FoundFile | Error | typeof OUTSIDE> {
  // The real path, so a symlink inside the site cannot bring in a file from outside it.
  const real = await realpath(file).catch(() => null)
  if (!isInside(file, root) || (real !== null && !isInside(real, realRoot))) return OUTSIDE
  try {
    return {real: real ?? file, stats: await stat(real ?? file, {bigint: true})}
  } catch (error) {
    return error as Error
  }
}

function isInside(file: string, root: string): boolean {
  return file === root || file.startsWith(root + path.sep)
}
