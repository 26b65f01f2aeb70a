import type {Diagnostic} from '../types.ts'
import {decodeSiteFile} from './decode.ts'
import type {SiteFile} from './types.ts'

const INCLUDES = '_includes/'

/**
 * The site's `_includes/` files as text, by path below `_includes/`, for `{% include %}` in page
 * bodies. Binary files there are not includable text and are left out; a file that is not UTF-8
 * is an error, as it is for Jekyll.
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
  return {includes, diagnostics}
}
