import {mkdir, mkdtemp} from 'node:fs/promises'
import {join} from 'node:path'

/** The git-ignored folder for test scratch files and screenshots. */
export const ARTIFACTS = join(import.meta.dirname, '..', '.artifacts')

/**
 * A new, empty folder `.artifacts/<prefix>XXXXXX`, creating `.artifacts/` first: a fresh clone
 * has none, and runs sharing a checkout each get their own folder.
 */
export async function scratchDir(prefix: string): Promise<string> {
  await mkdir(ARTIFACTS, {recursive: true})
  return mkdtemp(join(ARTIFACTS, prefix))
}
