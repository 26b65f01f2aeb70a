import {closeSync, mkdirSync, openSync, readdirSync, rmSync} from 'node:fs'
import {join} from 'node:path'

/** Thrown by `startLake` when a folder it must write to is read-only for this process. */
export class LakeFolderError extends Error {
  readonly folder: string

  constructor(folder: string, role: string, cause: unknown) {
    const code = (cause as NodeJS.ErrnoException)?.code ?? String(cause)
    const user = typeof process.getuid === 'function' ? ` (uid ${process.getuid()})` : ''
    super(
      `Cannot start the lake: its ${role} ${folder} is not writable (${code}), expected a folder this user${user} can write. Make it writable (for example chmod -R u+w ${folder}, or fix its owner), or start the lake with another --dir`,
      {cause},
    )
    this.name = 'LakeFolderError'
    this.folder = folder
  }
}

/**
 * Refuses, with a {@link LakeFolderError} naming the folder and the fix, a folder the lake could
 * read but not write: creating a file there and opening every dataset file for writing must
 * succeed. Checked at start, because a lake on a read-only folder would answer every request
 * with an error instead.
 */
export function assertWritableFolder(folder: string, role: string): void {
  const probe = join(folder, `.write-test-${process.pid}`)
  try {
    mkdirSync(folder, {recursive: true})
    closeSync(openSync(probe, 'wx'))
    rmSync(probe)
    for (const file of readdirSync(folder)) {
      if (/\.sqlite(-wal|-shm)?$/.test(file)) closeSync(openSync(join(folder, file), 'r+'))
    }
  } catch (error) {
    try {
      rmSync(probe, {force: true})
    } catch {
      // The folder refused the probe in the first place; there is nothing to clean up.
    }
    throw new LakeFolderError(folder, role, error)
  }
}
