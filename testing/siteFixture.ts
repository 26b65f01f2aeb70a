import {readdirSync, readFileSync} from 'node:fs'
import {join, relative, sep} from 'node:path'

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
