/**
 * Reads a site folder for the importer: every markdown file, every `.html` file that opens with
 * front matter (a page; the others are static files), `_config.yml`, `Gemfile(.lock)`,
 * `_includes/` file, `_data/` file and `_layouts/` template as raw bytes, and a diagnostic for each file it cannot or will not read,
 * so one odd entry never stops the import. Names are read as bytes: a name that is not UTF-8
 * is reported with its bytes escaped (`caf\xE9.md`). Symbolic links are resolved with
 * `realpath`: one pointing inside the site is read under its own path (as Jekyll does), one
 * pointing outside is refused (as Jekyll's safe mode, which GitHub Pages uses, does), one to a
 * folder is not followed; each is reported with its target.
 */
import {closeSync, openSync, readFileSync, readSync, type Dirent} from 'node:fs'
import {readdir, readFile, realpath, stat} from 'node:fs/promises'
import {join, normalize, relative, sep} from 'node:path'

import type {Diagnostic, SiteFile} from '../importer/index.ts'
import {opensFrontMatter} from '../importer/site/frontMatter.ts'
import {relativeIncludeTargets} from '../importer/site/includes.ts'
import {isLiquidSiteFile} from '../importer/site/liquidSite.ts'
import {mapPool} from '../sync/retry.ts'
import {HTML_FILE, MARKDOWN_FILE} from '../schemas/constants.ts'

const SITE_FILES = /^_config\.yml$|^Gemfile(?:\.lock)?$/i
const NEVER_READ = new Set(['.git', 'node_modules'])
const utf8 = new TextDecoder('utf-8', {fatal: true})

/** What `readSite` found: the files to import and the problems met on the way. */
export interface ReadSite {
  files: SiteFile[]
  problems: Diagnostic[]
  /** The site's other files (images, PDFs, …), by site path: listed, not read. */
  others: string[]
}

/** How many bytes `files` hold (a file given as text counts none). */
export function filesBytes(files: readonly SiteFile[]): number {
  let bytes = 0
  for (const file of files) bytes += file.bytes?.length ?? 0
  return bytes
}

/** `bytes` as text, each byte that is not part of valid UTF-8 written as `\xNN`. */
export function escapeName(bytes: Uint8Array): string {
  let text = ''
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i]
    const length = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 ? 2 : 0
    try {
      if (length === 0 || i + length > bytes.length) throw new Error('invalid')
      text += utf8.decode(bytes.subarray(i, i + length))
      i += length
    } catch {
      text += `\\x${lead.toString(16).toUpperCase().padStart(2, '0')}`
      i++
    }
  }
  return text
}

function decodeName(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes)
  } catch {
    return undefined
  }
}

const problem = (
  severity: Diagnostic['severity'],
  code: string,
  file: string,
  message: string,
  hint: string,
): Diagnostic => ({severity, code, file, message, hint})

/** Whether a file of this name (under `dir`, site-relative) is one the importer reads. */
function isSiteFile(dir: string, name: string): boolean {
  return (
    MARKDOWN_FILE.test(name) ||
    SITE_FILES.test(name) ||
    dir === '_includes' ||
    dir.startsWith('_includes/') ||
    isLiquidSiteFile(dir ? `${dir}/${name}` : name)
  )
}

const head = Buffer.alloc(512)

/**
 * Whether an `.html` file is a page: it opens with front matter (its first bytes are read, as
 * Jekyll reads its first line). Most are not (AxisCommunications keeps 1,055 generated ones,
 * 14 MB), and those stay static files, listed and not read. One that cannot be opened is too.
 */
function isHtmlPage(full: string): boolean {
  let fd: number | undefined
  try {
    fd = openSync(full, 'r')
    return opensFrontMatter(head.subarray(0, readSync(fd, head, 0, head.length, 0)))
  } catch {
    return false
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

interface Walk {
  root: string
  /** `root` normalized and ending in a separator: a file's full path is it and the site path. */
  prefix: string
  realRoot: string
  files: Array<{path: string; full: string}>
  /** The paths of the site's other regular files, which `{% include_relative %}` may read. */
  others: string[]
  problems: Diagnostic[]
}

/** Where a symbolic link points, and whether the importer reads it (then it is in `walk.files`). */
async function followLink(walk: Walk, path: string, full: string, dir: string, name: string) {
  const target = await realpath(full).catch(() => undefined)
  if (target === undefined) {
    if (isSiteFile(dir, name)) {
      walk.problems.push(
        problem(
          'warning',
          'symlink-broken',
          path,
          `Cannot read ${path}: it is a symbolic link to nothing.`,
          'Point the link at a file of the site, or remove it.',
        ),
      )
    }
    return
  }
  const inside = relative(walk.realRoot, target)
  const outside = inside.startsWith('..') || inside === target
  const shown = outside ? target : inside.split(sep).join('/')
  const isFolder = (await stat(target)).isDirectory()
  if (outside) {
    if (!isSiteFile(dir, name) && !isFolder) return
    walk.problems.push(
      problem(
        'warning',
        'symlink-outside-site',
        path,
        `Did not read ${path}: it is a symbolic link to ${shown}, outside the site, which Jekyll's safe mode (GitHub Pages) does not publish either.`,
        'Copy the file into the site if it belongs to it.',
      ),
    )
    return
  }
  if (isFolder) {
    walk.problems.push(
      problem(
        'warning',
        'symlink-folder',
        path,
        `Did not follow ${path}: it is a symbolic link to the folder ${shown}, whose files are read where they are.`,
        'Nothing to do if the folder is the same content; otherwise copy it into place.',
      ),
    )
    return
  }
  if (!isSiteFile(dir, name)) return
  walk.files.push({path, full: target})
  walk.problems.push(
    problem(
      'warning',
      'symlink-read',
      path,
      `Read ${path}, a symbolic link to ${shown}: the site publishes the same text at both paths.`,
      'Nothing to do if both pages are wanted; otherwise remove the link.',
    ),
  )
}

/** An error for a file or folder the reader could not open, naming it and the reason. */
function unreadable(path: string, error: unknown): Diagnostic {
  const reason = error instanceof Error ? error.message : String(error)
  return problem(
    'error',
    'unreadable-file',
    path,
    `Cannot read ${path}: ${reason}.`,
    'Check its permissions; the rest of the site is imported.',
  )
}

async function walkFolder(walk: Walk, dir: string): Promise<void> {
  let entries: Array<Dirent<Buffer>>
  try {
    entries = (await readdir(join(walk.root, dir), {
      withFileTypes: true,
      encoding: 'buffer',
    })) as unknown as Array<Dirent<Buffer>>
  } catch (error) {
    walk.problems.push(unreadable(dir, error))
    return
  }
  for (const entry of entries) {
    const name = decodeName(entry.name)
    if (name === undefined) {
      // Escaped only here: decoding a name byte by byte was most of the walk's allocations.
      const shown = escapeName(entry.name)
      const path = dir ? `${dir}/${shown}` : shown
      if (entry.isDirectory() || isSiteFile(dir, shown)) {
        const what = entry.isDirectory() ? 'folder' : 'file'
        walk.problems.push(
          problem(
            'error',
            'name-not-utf8',
            path,
            `Cannot read the ${what} ${path}, expected a UTF-8 name (\\xNN are the bytes that are not).`,
            `Rename it to UTF-8 (e.g. \`convmv -f latin1 -t utf-8\`); the rest of the site is imported.`,
          ),
        )
      }
      continue
    }
    if (NEVER_READ.has(name)) continue
    const path = dir ? `${dir}/${name}` : name
    // Not path.join: it normalizes what the walk built of names alone, and allocated as much
    // again as reading the files.
    const full = walk.prefix + path
    if (entry.isSymbolicLink()) {
      await followLink(walk, path, full, dir, name).catch((error: unknown) => {
        walk.problems.push(unreadable(path, error))
      })
    } else if (entry.isDirectory()) await walkFolder(walk, path)
    else if (entry.isFile() && isSiteFile(dir, name)) walk.files.push({path, full})
    else if (entry.isFile() && HTML_FILE.test(name) && isHtmlPage(full))
      walk.files.push({path, full})
    else if (entry.isFile()) walk.others.push(path)
  }
}

/**
 * Every file of the site the importer reads, as raw bytes, and what could not be read; `listed`
 * hears how many files the walk found, before they are read (the files pages include beside
 * them come after, and are not counted).
 */
export async function readSite(
  root: string,
  {listed}: {listed?: (files: number) => void} = {},
): Promise<ReadSite> {
  const base = normalize(root)
  const prefix = base.endsWith(sep) ? base : base + sep
  const realRoot = await realpath(root)
  const walk: Walk = {root, prefix, realRoot, files: [], others: [], problems: []}
  await walkFolder(walk, '')
  listed?.(walk.files.length)
  // One after another, in the walk's order: nothing else runs yet, and a blocking read of a
  // small file costs a fraction of the CPU of an asynchronous one (its promise and the trips
  // to the thread pool for open, stat, read and close): 0.12 s against 0.4 s or more for the
  // 5,111 files of the benchmark site.
  const files: SiteFile[] = []
  for (const {path, full} of walk.files) {
    try {
      files.push({path, bytes: readFileSync(full)})
    } catch (error) {
      walk.problems.push(unreadable(path, error))
    }
  }
  files.push(...(await readRelativeIncludes(walk, relativeIncludeTargets(files, walk.others))))
  return {files, problems: walk.problems, others: walk.others}
}

/** Largest file an `{% include_relative %}` may bring in (a code sample, not a data dump). */
const MAX_RELATIVE_INCLUDE_BYTES = 1024 * 1024

/**
 * The files pages name in `{% include_relative %}` (code samples beside a page, any extension),
 * read when they are regular files inside the site; any other is left out, and the importer
 * keeps the tag as text with a warning.
 */
async function readRelativeIncludes(walk: Walk, paths: readonly string[]): Promise<SiteFile[]> {
  const read = await mapPool(paths, 16, async (path): Promise<SiteFile | undefined> => {
    const full = join(walk.root, ...path.split('/'))
    const target = await realpath(full).catch(() => undefined)
    if (target === undefined || !target.startsWith(walk.realRoot + sep)) return undefined
    const info = await stat(target).catch(() => undefined)
    if (!info?.isFile() || info.size > MAX_RELATIVE_INCLUDE_BYTES) return undefined
    return {path, bytes: await readFile(target)}
  })
  return read.filter((file) => file !== undefined)
}
