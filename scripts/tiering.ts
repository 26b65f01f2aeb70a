/**
 * When V8 optimizes a function with Maglev (`npm run import` runs without TurboFan, see
 * importer/README.md): after it was called `--invocation-count-for-maglev` times, 400 by
 * default. A run on a small site is short work (starting, a few pages converted, one page
 * converted again), where compiling lukewarm functions in background threads costs more CPU
 * than it saves; a large site's run (its files read and hashed, its pages converted on the main
 * thread or on workers) repeats the same code for seconds, and there the default pays. The flag
 * is a threshold V8 reads at each decision, so it is set while the command runs: short work
 * from the start, long work from when the site is known to be large.
 */
import {setFlagsFromString} from 'node:v8'

/** Calls before Maglev optimizes a function during short work. */
export const SHORT_WORK_CALLS = 8000

/** Calls before Maglev optimizes a function during long work: V8's default. */
export const LONG_WORK_CALLS = 400

/**
 * Bytes of site files from which an import is long work: between the theme's documentation
 * (223 kB, where short work took 0.84× the CPU of a first import) and a synthetic site of
 * 0.86 MB (converted on the main thread, where it took 1.08× the wall time).
 */
export const LONG_WORK_BYTES = 500_000

/**
 * Files from which an import is long work, known before they are read: what is done once a
 * file (reading, hashing) is then repeated thousands of times (short work took an unchanged
 * re-import of the 5,111 files of the synthetic site 1.03× the wall time).
 */
export const LONG_WORK_FILES = 1000

const maglevAfter = (calls: number) => setFlagsFromString(`--invocation-count-for-maglev=${calls}`)

/** Optimizes only functions called often: from the start of an import. */
export function tierForShortWork(): void {
  maglevAfter(SHORT_WORK_CALLS)
}

/** Optimizes as V8 does by default: for a large site, and conversion workers. */
export function tierForLongWork(): void {
  maglevAfter(LONG_WORK_CALLS)
}

/**
 * Long work from here on for a large site: from {@link LONG_WORK_FILES} files, or from
 * {@link LONG_WORK_BYTES} bytes of them.
 */
export function tierForSite({files = 0, bytes = 0}: {files?: number; bytes?: number}): void {
  if (files >= LONG_WORK_FILES || bytes >= LONG_WORK_BYTES) tierForLongWork()
}
