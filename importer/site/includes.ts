import {posix} from 'node:path'

import {relativeIncludeNames} from '../body/liquid-include.ts'
import type {Diagnostic} from '../types.ts'
import {decodeSiteFile} from './decode.ts'
import {MARKDOWN} from './pages.ts'
import {THEME_INCLUDES} from './themeIncludes.ts'
import type {SiteFile} from './types.ts'

const INCLUDES = '_includes/'

/**
 * The site's `_includes/` files as text, by path below `_includes/`, for `{% include %}` in page
 * bodies, and the theme's includes the site does not override (`themeIncludes.ts`). Binary
 * files there are not includable text and are left out; a file that is not UTF-8 is an error,
 * as it is for Jekyll.
 */
export function readIncludes(files: readonly SiteFile[]): {
  includes: Record<string, string>
  diagnostics: Diagnostic[]
} {
  // No prototype: a tag naming `constructor` must not find Object's.
  const includes: Record<string, string> = Object.create(null)
  const diagnostics: Diagnostic[] = []
  for (const file of files) {
    if (!file.path.startsWith(INCLUDES)) continue
    const decoded = decodeSiteFile(file)
    if (!('diagnostic' in decoded)) includes[file.path.slice(INCLUDES.length)] = decoded.text
    else if (decoded.diagnostic.code !== 'binary-file') diagnostics.push(decoded.diagnostic)
  }
  for (const [name, text] of Object.entries(THEME_INCLUDES)) includes[name] ??= text
  return {includes, diagnostics}
}

/** The site path `{% include_relative name %}` in the page `file` reads (Jekyll: beside the page). */
export function relativeIncludePath(file: string, name: string): string {
  return posix.join(posix.dirname(file), name)
}

/** Every site path a page's `{% include_relative %}` names (never above the site's root). */
function relativeIncludeUses(pages: ReadonlyArray<{file: string; text: string}>): Set<string> {
  const wanted = new Set<string>()
  for (const {file, text} of pages) {
    if (!text.includes('include_relative')) continue
    for (const name of relativeIncludeNames(text)) {
      const path = relativeIncludePath(file, name)
      if (!path.startsWith('../')) wanted.add(path)
    }
  }
  return wanted
}

function mentionsRelativeInclude(file: SiteFile): boolean {
  if (file.text !== undefined) return file.text.includes('include_relative')
  const bytes = file.bytes ?? new Uint8Array()
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('include_relative')
}

/**
 * The site paths of the files pages name in `{% include_relative %}` and that are not among
 * `files` yet: the reader reads them too, so the tag can be evaluated.
 */
export function relativeIncludeTargets(files: readonly SiteFile[]): string[] {
  const have = new Set(files.map((file) => file.path))
  // Every import reads this: only the pages whose bytes name the tag are decoded.
  const pages = files
    .filter((file) => MARKDOWN.test(file.path) && mentionsRelativeInclude(file))
    .map((file) => ({file: file.path, text: file.text ?? new TextDecoder().decode(file.bytes)}))
  return [...relativeIncludeUses(pages)].filter((path) => !have.has(path)).sort()
}

/**
 * The text of every file one of `pages` names in `{% include_relative %}`, by site path; binary
 * files and files that are not UTF-8 are left out (the tag then stays as text with a warning).
 */
export function readRelativeIncludes(
  files: readonly SiteFile[],
  pages: ReadonlyArray<{file: string; text: string}>,
): Record<string, string> {
  const wanted = relativeIncludeUses(pages)
  const texts: Record<string, string> = Object.create(null)
  if (wanted.size === 0) return texts
  for (const file of files) {
    if (!wanted.has(file.path)) continue
    const decoded = decodeSiteFile(file)
    if (!('diagnostic' in decoded)) texts[file.path] = decoded.text
  }
  return texts
}
