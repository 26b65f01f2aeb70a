import {posix} from 'node:path'

import {includeNames, relativeIncludeNames} from '../body/liquid-include.ts'
import type {Diagnostic} from '../types.ts'
import {decodeSiteFile} from './decode.ts'
import {THEME_INCLUDES} from './themeIncludes.ts'
import {mayBePage} from './pageFile.ts'
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

/**
 * Every site path a page's `{% include_relative %}` names (never above the site's root), also
 * those named in a file it includes so (`textOf`, when given), which Jekyll reads beside the page
 * too (gradML's homework page includes `_programming.md`, which includes `code/*.py`).
 */
function relativeIncludeUses(
  pages: ReadonlyArray<{file: string; text: string}>,
  textOf?: (path: string) => string | undefined,
): Set<string> {
  const wanted = new Set<string>()
  for (const {file, text} of pages) {
    if (!text.includes('include_relative')) continue
    const seen = new Set<string>()
    const texts = [text]
    for (let next = texts.pop(); next !== undefined; next = texts.pop()) {
      for (const name of relativeIncludeNames(next)) {
        const path = relativeIncludePath(file, name)
        if (path.startsWith('../') || seen.has(path)) continue
        seen.add(path)
        wanted.add(path)
        const nested = textOf?.(path)
        if (nested?.includes('include_relative')) texts.push(nested)
      }
    }
  }
  return wanted
}

// An `{% include_relative %}` whose file name Liquid makes (`{{ include.site }}/profile.txt`).
const DYNAMIC_RELATIVE_INCLUDE = /\{%-?\s*include_relative\s[^%]*?\{\{/

/**
 * The folders whose files may be read by an `{% include_relative %}` whose file name is only
 * known once Liquid runs, in a page or in an include the page uses (at any depth): each such
 * page's folder, whose files and subfolders' files Jekyll may read beside the page. `includes`
 * are the texts of `_includes/` by name below it.
 */
export function dynamicRelativeIncludeFolders(
  pages: ReadonlyArray<{file: string; text: string}>,
  includes: ReadonlyMap<string, string>,
): string[] {
  // The includes that hold such a tag, then, until none is added, those that include one of them.
  const reaching = new Set<string>()
  for (const [name, text] of includes) if (DYNAMIC_RELATIVE_INCLUDE.test(text)) reaching.add(name)
  const usesReaching = (text: string) => includeNames(text).some((name) => reaching.has(name))
  for (let added = reaching.size > 0; added;) {
    added = false
    for (const [name, text] of includes) {
      if (reaching.has(name) || !usesReaching(text)) continue
      reaching.add(name)
      added = true
    }
  }
  const folders = new Set<string>()
  for (const {file, text} of pages) {
    if (!text.includes('include')) continue
    if (DYNAMIC_RELATIVE_INCLUDE.test(text) || (reaching.size > 0 && usesReaching(text)))
      folders.add(posix.dirname(file))
  }
  return [...folders]
}

/** Whether `path` is in `folder` or below it (`.`: the site's root). */
const isBelow = (path: string, folder: string) => folder === '.' || path.startsWith(`${folder}/`)

/** Whether the file's text holds `word`, without decoding its bytes. */
function mentions(file: SiteFile, word: string): boolean {
  if (file.text !== undefined) return file.text.includes(word)
  const bytes = file.bytes ?? new Uint8Array()
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(word)
}

/**
 * The site paths of the files pages name in `{% include_relative %}` and that are not among
 * `files` yet: the reader reads them too, so the tag can be evaluated. Where a page's tag (or
 * an include's it uses) makes its file name with Liquid, every path of `others` (the site's
 * other files) in the page's folder or below it.
 */
export function relativeIncludeTargets(
  files: readonly SiteFile[],
  others: readonly string[] = [],
): string[] {
  const have = new Set(files.map((file) => file.path))
  // Every import reads this: only the pages whose bytes name the tag are decoded.
  const decoded = (file: SiteFile) => file.text ?? new TextDecoder().decode(file.bytes)
  const relativeTags = files.filter((file) => mentions(file, 'include_relative'))
  const pages = relativeTags
    .filter((file) => mayBePage(file.path))
    .map((file) => ({file: file.path, text: decoded(file)}))
  const byPath = new Map(relativeTags.map((file) => [file.path, file]))
  const wanted = relativeIncludeUses(pages, (path) => {
    const file = byPath.get(path)
    return file && decoded(file)
  })
  if (others.length > 0 && relativeTags.some((f) => DYNAMIC_RELATIVE_INCLUDE.test(decoded(f)))) {
    const includes = new Map(
      files
        .filter((file) => file.path.startsWith(INCLUDES))
        .map((file) => [file.path.slice(INCLUDES.length), decoded(file)]),
    )
    const users = files
      .filter((file) => mayBePage(file.path) && mentions(file, 'include'))
      .map((file) => ({file: file.path, text: decoded(file)}))
    for (const folder of dynamicRelativeIncludeFolders(users, includes))
      for (const path of others) if (isBelow(path, folder)) wanted.add(path)
  }
  return [...wanted].filter((path) => !have.has(path)).sort()
}

/**
 * The text of every file one of `pages` names in `{% include_relative %}`, and of every file in
 * the folder (or below) of a page whose tag makes its file name with Liquid (see
 * {@link dynamicRelativeIncludeFolders}; `includes` by name below `_includes/`), by site path;
 * binary files and files that are not UTF-8 are left out (the tag then stays as text with a
 * warning).
 */
export function readRelativeIncludes(
  files: readonly SiteFile[],
  pages: ReadonlyArray<{file: string; text: string}>,
  includes: Readonly<Record<string, string>>,
): Record<string, string> {
  let byPath: Map<string, SiteFile> | undefined
  const wanted = relativeIncludeUses(pages, (path) => {
    byPath ??= new Map(files.map((file) => [file.path, file]))
    const file = byPath.get(path)
    const decoded = file && decodeSiteFile(file)
    return decoded && 'text' in decoded ? decoded.text : undefined
  })
  const folders = dynamicRelativeIncludeFolders(pages, new Map(Object.entries(includes)))
  const texts: Record<string, string> = Object.create(null)
  if (wanted.size === 0 && folders.length === 0) return texts
  for (const file of files) {
    if (!wanted.has(file.path) && !folders.some((folder) => isBelow(file.path, folder))) continue
    const decoded = decodeSiteFile(file)
    if (!('diagnostic' in decoded)) texts[file.path] = decoded.text
  }
  return texts
}
