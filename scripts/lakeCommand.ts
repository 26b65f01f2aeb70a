/** What the commands that serve the lake (`lake`, `studio`, `dev`) share. */
import {LakeBusyError, LakeFolderError, startLake} from '../lake/index.ts'
import type {Lake, LakeOptions} from '../lake/start.ts'

/**
 * Starts the lake for a command: a busy port or folder, or a folder it cannot write, is a usage
 * error (its message, exit 1); anything else is thrown in full.
 */
export function startLakeForCommand(options: LakeOptions): Promise<Lake> {
  return startLake(options).catch((error: Error) => {
    const busyPort = (error.cause as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE'
    const usage = error instanceof LakeBusyError || error instanceof LakeFolderError
    if (!busyPort && !usage) throw error
    console.error(error.message)
    return process.exit(1)
  })
}
