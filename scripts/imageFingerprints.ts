/**
 * The fingerprints of the local images an import's documents name, which its record keeps so a
 * re-import knows whether an image changed. An image is read and hashed once: the record also
 * keeps what identifies its bytes without reading them (a stamp: device, inode, size,
 * modification and change times, in nanoseconds), and the next import reads only the images
 * whose stamp changed, as git's index and build tools decide a file is unchanged. A real
 * course site holds hundreds of megabytes of images, which every re-import read whole.
 *
 * A file is stamped only when its last change is older than {@link SETTLED_NS} when it is
 * hashed: a file changed again within the same tick of a coarse clock keeps its times, so a
 * recent one is hashed again next time (git calls these entries racily clean).
 *
 * The hash is SHA-1, the one the sync takes to look an image up among the dataset's assets:
 * the images a sync read ({@link fingerprintsOfReads}) are not read a third time for the record.
 */
import {createHash} from 'node:crypto'
import {readFile, realpath, stat} from 'node:fs/promises'

import {mapPool} from '../sync/retry.ts'

/** `<real path> <SHA-1>` of each image file, by path; null for one that cannot be read. */
export type ImageHashes = Record<string, string | null>

/** What identifies each hashed image's bytes without reading them, by path (see above). */
export type ImageStamps = Record<string, string>

/** Images as an import found them: their fingerprints, and the stamps it can trust next time. */
export interface ImageFingerprints {
  images: ImageHashes
  stamps: ImageStamps
}

/** How long before it is hashed a file must have last changed for its stamp to be kept. */
export const SETTLED_NS = 2_000_000_000n

/** Images read at once: each is held whole while it is hashed. */
const CONCURRENCY = 8

const stampOf = (info: {
  dev: bigint
  ino: bigint
  size: bigint
  mtimeNs: bigint
  ctimeNs: bigint
}) => `${info.dev}:${info.ino}:${info.size}:${info.mtimeNs}:${info.ctimeNs}`

/** Changes older than this (in nanoseconds since the epoch) have settled at `clock`'s time. */
const settledBeforeAt = (clock: () => number) => BigInt(clock()) * 1_000_000n - SETTLED_NS

const settled = (info: {mtimeNs: bigint; ctimeNs: bigint}, before: bigint) =>
  info.ctimeNs < before && info.mtimeNs < before

/**
 * The fingerprints of the images a sync read (`sync/images.ts`), each stat'ed before it was
 * read and hashed with SHA-1: to pass as `known` to {@link fingerprintImages}, which then reads
 * none of those whose stamp is still the same. One that had not settled gets no stamp, and is
 * read again.
 */
export function fingerprintsOfReads(
  reads: ReadonlyMap<string, {real: string; sha1: string; stats: Parameters<typeof stampOf>[0]}>,
  clock: () => number = Date.now,
): ImageFingerprints {
  const images: ImageHashes = {}
  const stamps: ImageStamps = {}
  const settledBefore = settledBeforeAt(clock)
  for (const [path, {real, sha1, stats}] of reads) {
    if (!settled(stats, settledBefore)) continue
    images[path] = `${real} ${sha1}`
    stamps[path] = stampOf(stats)
  }
  return {images, stamps}
}

/**
 * The fingerprints of the images at `paths`: each one's from `known` when its stamp there is
 * its stamp now, else read and hashed (and stamped when it has settled by `clock`'s time).
 */
export async function fingerprintImages(
  paths: readonly string[],
  known: Partial<ImageFingerprints> = {},
  clock: () => number = Date.now,
): Promise<ImageFingerprints> {
  // In the order of `paths`, however the reads finish.
  const images: ImageHashes = Object.fromEntries(paths.map((path) => [path, null]))
  const stamps: ImageStamps = {}
  const settledBefore = settledBeforeAt(clock)
  await mapPool(paths, CONCURRENCY, async (path) => {
    try {
      const info = await stat(path, {bigint: true})
      const stamp = stampOf(info)
      const recorded = known.images?.[path]
      if (typeof recorded === 'string' && known.stamps?.[path] === stamp) {
        images[path] = recorded
        stamps[path] = stamp
        return
      }
      const real = await realpath(path)
      images[path] = `${real} ${createHash('sha1')
        .update(await readFile(real))
        .digest('hex')}`
      if (settled(info, settledBefore)) stamps[path] = stamp
    } catch {
      // Unreadable: null, as filled in above.
    }
  })
  return {images, stamps}
}

/**
 * `previous` stamps with those of `found` in place: an image `found` hashed without a stamp (it
 * had not settled) loses its old one.
 */
export function mergeStamps(
  previous: ImageStamps | undefined,
  found: ImageFingerprints,
): ImageStamps {
  const merged: ImageStamps = {...previous}
  for (const path of Object.keys(found.images)) {
    const stamp = found.stamps[path]
    if (stamp === undefined) delete merged[path]
    else merged[path] = stamp
  }
  return merged
}
