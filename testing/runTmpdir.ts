import {chmod, mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

/**
 * Vitest's global setup: the run's temporary files go to one folder of their own, removed when
 * the run ends. Tests (and the importers, lakes and browsers they start, which inherit the
 * environment) make their scratch folders with `os.tmpdir()`; without this, every folder a test
 * did not remove stayed in the machine's `/tmp` after the run.
 */
export default async function runTmpdir(): Promise<() => Promise<void>> {
  const previous = process.env.TMPDIR
  const dir = await mkdtemp(join(tmpdir(), 'course-tests-'))
  // Open to every user, with the sticky bit, as /tmp is: some tests run a child as another user.
  await chmod(dir, 0o1777)
  process.env.TMPDIR = dir
  return async () => {
    if (previous === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = previous
    await rm(dir, {recursive: true, force: true, maxRetries: 3})
  }
}
