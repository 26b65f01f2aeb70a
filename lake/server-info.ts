import {existsSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

/** What a running lake writes to `<lakeDir>/server.json`. */
export type RunningLake = {
  pid: number
  port: number
  url: string
  httpUrl: string
  projectId: string
}

const fileOf = (lakeDir: string) => join(lakeDir, 'server.json')

/** Whether a process with this id exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The lake running from this directory, or null (a file left by a dead process counts as none). */
export function readRunningLake(lakeDir: string): RunningLake | null {
  const file = fileOf(lakeDir)
  if (!existsSync(file)) return null
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as RunningLake
    return isAlive(info.pid) ? info : null
  } catch {
    return null
  }
}

/** Records this process as the running lake. */
export function writeRunningLake(lakeDir: string, info: RunningLake): void {
  writeFileSync(fileOf(lakeDir), `${JSON.stringify(info, null, 2)}\n`)
}

/** Removes the record if it is this process's. */
export function removeRunningLake(lakeDir: string): void {
  const file = fileOf(lakeDir)
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as RunningLake
    if (info.pid === process.pid) rmSync(file)
  } catch {
    // already gone
  }
}
