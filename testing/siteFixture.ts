import {createHash} from 'node:crypto'
import {readdirSync, readFileSync} from 'node:fs'
import {join, relative, sep} from 'node:path'

import {snapshotSite, type SiteSnapshot} from '../importer/site/snapshot.ts'
import type {PreparedSite} from '../importer/site/stages.ts'
import type {SiteFile} from '../importer/site/types.ts'

/** The folder of the importer's site fixtures (`importer/fixtures/site-*`). */
export const SITE_FIXTURES = join(import.meta.dirname, '..', 'importer', 'fixtures')

/** Every file under `dir`, as the importer takes a site's files (paths with `/`). */
export function readSiteFiles(dir: string): SiteFile[] {
  return readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const full = join(entry.parentPath, entry.name)
      return {path: relative(dir, full).split(sep).join('/'), bytes: readFileSync(full)}
    })
}

/** The input files of one site fixture, e.g. `site-collections`. */
export function siteFixtureFiles(name: string): SiteFile[] {
  return readSiteFiles(join(SITE_FIXTURES, name, 'input'))
}

/** `file` with the SHA-256 of its bytes, as the import command reads every file. */
export const hashedFile = (file: SiteFile): SiteFile => ({
  ...file,
  sha256: createHash('sha256')
    .update(file.bytes ?? file.text ?? '')
    .digest('hex'),
})

/** A site file's text. */
export const fileText = (file: SiteFile) => file.text ?? new TextDecoder().decode(file.bytes)

/** The site's files with `edit` applied to the text of the file at `path` (hashed again). */
export function editedFiles(
  files: readonly SiteFile[],
  path: string,
  edit: (text: string) => string,
): SiteFile[] {
  return files.map((file) =>
    file.path === path
      ? hashedFile({path, bytes: new TextEncoder().encode(edit(fileText(file)))})
      : file,
  )
}

/** The snapshot of `prepared` as it comes back from its file (JSON and back). */
export function storedSnapshot(prepared: PreparedSite): SiteSnapshot {
  const snapshot = snapshotSite(prepared)
  if ('reason' in snapshot) throw new Error(snapshot.reason)
  return JSON.parse(JSON.stringify(snapshot)) as SiteSnapshot
}
