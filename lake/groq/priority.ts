import {readlinkSync} from 'node:fs'
import {setPriority} from 'node:os'

/**
 * A query running longer than this gets its worker thread's nice value raised, so on a machine
 * with few cores the scheduler prefers the event loop and the workers serving short queries.
 */
export const DEMOTE_AFTER_MS = 250
const DEMOTED_NICE = 10

/** Lowers a thread's scheduling priority (Linux thread ids); false where that is not possible. */
export function lowerPriority(tid: number | null): boolean {
  if (tid === null) return false
  try {
    setPriority(tid, DEMOTED_NICE)
    return true
  } catch {
    return false
  }
}

/**
 * Restores a lowered thread to normal priority; false when the process may not (raising a
 * priority needs privileges), in which case the caller replaces the worker.
 */
export function restorePriority(tid: number): boolean {
  try {
    setPriority(tid, 0)
    return true
  } catch {
    return false
  }
}

/** The calling thread's Linux thread id (so its priority can be changed), or null elsewhere. */
export function ownThreadId(): number | null {
  try {
    const match = /\/task\/(\d+)$/.exec(readlinkSync('/proc/thread-self'))
    return match ? Number(match[1]) : null
  } catch {
    return null
  }
}
