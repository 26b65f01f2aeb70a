import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs'
import {dirname, isAbsolute, join, normalize, sep} from 'node:path'
import {threadId} from 'node:worker_threads'

/**
 * The folder that holds a dataset's asset files, beside its SQLite file: `production.sqlite`'s
 * are in `production.files/`, each at its asset path (`images/<project>/<dataset>/<name>`).
 *
 * An asset's bytes are written once, to their own file. In the SQLite file they were written
 * twice (to the write-ahead log, then into the file at the checkpoint), a page at a time with a
 * checksum each: most of what a first import of a site with hundreds of images spent storing
 * them. The `files` table still lists every stored path, with its type, in the transaction that
 * creates the asset's document; files stored in it by earlier versions are read from it.
 */
export function assetFilesFolder(datasetFile: string): string {
  return datasetFile.replace(/\.sqlite$/, '') + '.files'
}

/**
 * The folder's files still being written: renamed into place once flushed, so what a crash
 * leaves half written is here, where {@link removePartialFiles} finds it at the next open.
 */
export const PARTIAL = '.partial'

/** Removes what a crash left half written in `folder` (nothing else writes it meanwhile). */
export function removePartialFiles(folder: string): void {
  rmSync(join(folder, PARTIAL), {recursive: true, force: true})
}

/** Counts the files this thread has written, to name them in the partial folder. */
let begun = 0

/** Where the file of asset `path` is in `folder`; a path that would leave it is refused. */
function placeOf(folder: string, path: string): string {
  const relative = normalize(path)
  if (isAbsolute(relative) || relative.split(sep).includes('..') || relative === '.')
    throw new Error(`Asset path "${path}" leaves the dataset's files folder`)
  return join(folder, relative)
}

/**
 * Writes the asset files that `folder` does not hold yet, durably: each is written to a
 * temporary name in the partial folder; once all are, each is flushed to the disk (the first
 * flush writes most of them, on a journaling file system) and renamed into place, and the
 * folders they were renamed in are flushed. A file found at its place is complete (nothing else
 * puts one there) and, as an asset's path names its bytes (their SHA-1), the same: it is kept.
 */
export function writeAssetFiles(
  folder: string,
  files: ReadonlyArray<{path: string; data: Uint8Array}>,
): void {
  const written: Array<{fd: number; temporary: string; place: string}> = []
  try {
    for (const {path, data} of files) {
      const place = placeOf(folder, path)
      if (existsSync(place) || written.some((file) => file.place === place)) continue
      if (!written.length) mkdirSync(join(folder, PARTIAL), {recursive: true, mode: 0o700})
      mkdirSync(dirname(place), {recursive: true, mode: 0o700})
      const temporary = join(folder, PARTIAL, `${process.pid}-${threadId}-${++begun}`)
      const fd = openSync(temporary, 'w', 0o600)
      written.push({fd, temporary, place})
      for (let at = 0; at < data.byteLength;) at += writeSync(fd, data, at, data.byteLength - at)
    }
    for (const {fd} of written) fsyncSync(fd)
  } finally {
    for (const {fd} of written) closeSync(fd)
  }
  const renamedIn = new Set<string>()
  for (const {temporary, place} of written) {
    renameSync(temporary, place)
    renamedIn.add(dirname(place))
  }
  for (const parent of renamedIn) {
    const fd = openSync(parent, 'r')
    try {
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
  }
}

/** The bytes of the asset file at `path` in `folder`, or null when there is none. */
export function readAssetFile(folder: string, path: string): Buffer | null {
  try {
    return readFileSync(placeOf(folder, path))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}
