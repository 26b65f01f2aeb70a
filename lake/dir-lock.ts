import {mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync} from 'node:fs'
import {join} from 'node:path'
import {isAlive, readRunningLake} from './server-info.ts'

/** Thrown by `startLake` when another lake is running (or starting) from the same folder. */
export class LakeBusyError extends Error {
  readonly pid: number
  readonly url: string | undefined

  constructor(dir: string, pid: number, url: string | undefined) {
    super(
      `Cannot start a lake from ${dir}: the lake of process ${pid} is ${url ? `running there at ${url}` : 'starting there'}, expected one lake per folder (stop it, or use another --dir)`,
    )
    this.name = 'LakeBusyError'
    this.pid = pid
    this.url = url
  }
}

const lockFile = (dir: string) => join(dir, 'lake.lock')

function holder(file: string): number | null {
  try {
    const pid = Number(JSON.parse(readFileSync(file, 'utf8')).pid)
    return Number.isInteger(pid) && pid > 0 ? pid : null
  } catch {
    return null
  }
}

/**
 * Takes the folder's lock (`lake.lock`, created exclusively, holding this pid) or throws
 * {@link LakeBusyError}; a lock left by a dead process is taken over. Returns the release.
 */
export function lockLakeDir(dir: string): () => void {
  mkdirSync(dir, {recursive: true})
  const file = lockFile(dir)
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600)
      writeSync(fd, `${JSON.stringify({pid: process.pid})}\n`)
      closeSync(fd)
      let released = false
      return () => {
        if (released) return
        released = true
        if (holder(file) === process.pid) rmSync(file, {force: true})
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const pid = holder(file)
    // A lock from a dead process, or one half-written when its process died, is stale.
    if (attempt === 0 && (pid === null || !isAlive(pid))) {
      rmSync(file, {force: true})
      continue
    }
    const running = readRunningLake(dir)
    const owner = pid ?? running?.pid ?? 0
    throw new LakeBusyError(dir, owner, running?.pid === owner ? running.url : undefined)
  }
}
