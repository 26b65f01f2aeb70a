/**
 * Writes an export into its folder so that a failed run leaves the folder as it was: the folder
 * is copied into a temporary folder beside it, the changes are written into the copy, and the
 * copy is renamed into place. Nothing outside the folder and that temporary folder is touched.
 */
import {access, cp, mkdir, mkdtemp, rename, rm, writeFile} from 'node:fs/promises'
import {basename, dirname, isAbsolute, join, normalize, resolve} from 'node:path'

/** True when a site-relative path stays inside the site folder. */
export function insideSite(path: string): boolean {
  const normal = normalize(path)
  return !isAbsolute(path) && normal !== '..' && !normal.startsWith('../') && normal !== '.'
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path)
    return true
  } catch {
    return false
  }
}

/**
 * Writes `changes` (site-relative path → text or bytes; null removes the file) into `dir`,
 * all or nothing.
 */
export async function writeSiteAtomically(
  dir: string,
  changes: ReadonlyMap<string, string | Uint8Array | null>,
): Promise<void> {
  const target = resolve(dir)
  for (const path of changes.keys()) {
    if (!insideSite(path)) {
      throw new Error(
        `Cannot write ${path}, expected a path inside ${dir}: fix the document's source path.`,
      )
    }
  }
  const temp = await mkdtemp(join(dirname(target), `.${basename(target)}.export-`))
  try {
    const staging = join(temp, 'site')
    const had = await exists(target)
    if (had) {
      await cp(target, staging, {recursive: true, verbatimSymlinks: true, preserveTimestamps: true})
    } else await mkdir(staging)
    for (const [path, content] of changes) {
      if (content === null) {
        await rm(join(staging, path), {force: true})
        continue
      }
      await mkdir(dirname(join(staging, path)), {recursive: true})
      await writeFile(join(staging, path), content)
    }
    if (had) {
      const old = join(temp, 'old')
      await rename(target, old)
      try {
        await rename(staging, target)
      } catch (error) {
        await rename(old, target)
        throw error
      }
    } else await rename(staging, target)
  } finally {
    await rm(temp, {recursive: true, force: true})
  }
}
