/** Reading a site folder (the file-system edge of the fidelity check). */
import {readdir, readFile} from 'node:fs/promises'
import {join, relative, sep} from 'node:path'

import type {SiteFile} from '../importer/index.ts'
import {relativeIncludeTargets} from '../importer/site/includes.ts'
import {isLiquidSiteFile} from '../importer/site/liquidSite.ts'
import {opensFrontMatter} from '../importer/site/frontMatter.ts'
import {HTML_FILE, MARKDOWN_FILE} from '../schemas/constants.ts'

/** The files the importer reads: markdown and HTML pages, `_config.yml`, `Gemfile` and its lock (and `_data/`, `_layouts/`). */
const IMPORTED = /^_config\.yml$|^Gemfile(?:\.lock)?$/i
const NEVER_READ = new Set(['.git', 'node_modules', '_site', 'vendor'])

/**
 * A site's imported files as raw bytes (its `_includes/` files among them, for the importer), and
 * its `_includes/` files as text by name (for the kramdown side).
 */
export async function readSiteFiles(
  root: string,
): Promise<{files: SiteFile[]; includes: Map<string, string>; others: string[]}> {
  const entries = await readdir(root, {recursive: true, withFileTypes: true})
  const files: SiteFile[] = []
  const others: string[] = []
  const includes = new Map<string, string>()
  for (const entry of entries) {
    if (!entry.isFile()) continue
    const path = relative(root, join(entry.parentPath, entry.name)).split(sep).join('/')
    if (path.split('/').some((part) => NEVER_READ.has(part))) continue
    if (path.startsWith('_includes/')) {
      // Both sides see the includes: kramdown's through `includes`, the importer's as site files.
      const bytes = await readFile(join(root, path))
      includes.set(path.slice('_includes/'.length), new TextDecoder().decode(bytes))
      files.push({path, bytes})
    } else if (
      MARKDOWN_FILE.test(entry.name) ||
      IMPORTED.test(entry.name) ||
      isLiquidSiteFile(path)
    ) {
      files.push({path, bytes: await readFile(join(root, path))})
    } else if (HTML_FILE.test(entry.name)) {
      // An HTML page opens with front matter; any other `.html` file is a static file.
      const bytes = await readFile(join(root, path))
      if (opensFrontMatter(bytes)) files.push({path, bytes})
      else others.push(path)
    } else others.push(path)
  }
  for (const path of relativeIncludeTargets(files, others)) {
    const bytes = await readFile(join(root, path)).catch(() => undefined)
    if (bytes) files.push({path, bytes})
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  return {files, includes, others}
}
