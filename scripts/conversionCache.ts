/**
 * The import command's memory of page conversions, kept in the lake folder
 * (`<lake>/cache/conversions.ndjson`), so re-importing an unchanged site does not parse it again.
 */
import {createHash} from 'node:crypto'
import {appendFile, mkdir, readdir, readFile} from 'node:fs/promises'
import {dirname, join, relative, sep} from 'node:path'

import type {ConversionCache} from '../importer/index.ts'
import {writeAtomically} from './writeAtomically.ts'

const ROOT = join(import.meta.dirname, '..')

/**
 * A hash of the converter's own code (importer/ and the schema names it emits), so a new
 * version of the importer never reuses what an older one made.
 */
export async function converterVersion(): Promise<string> {
  const hash = createHash('sha256')
  const files = [
    ...(await readdir(join(ROOT, 'importer'), {recursive: true}))
      .map((name) => join('importer', name))
      .filter((name) => name.endsWith('.ts') && !/\.test(-support)?\.ts$/.test(name)),
    join('schemas', 'constants.ts'),
    'package-lock.json',
  ].sort()
  for (const file of files) {
    hash.update(relative(ROOT, join(ROOT, file)).split(sep).join('/'))
    hash.update(await readFile(join(ROOT, file)))
  }
  return hash.digest('hex').slice(0, 32)
}

/** `["<key>",<entry>]`, one line of the cache file; the key is hex, so it needs no escaping. */
export const cacheLine = (key: string, json: string) => `["${key}",${json}]\n`

/** Characters of a {@link cacheLine} of `key` before its entry, and after it. */
export const cacheLineBounds = (key: string) => ({head: key.length + 4, tail: 2})

/**
 * Cache lines already written as bytes (by the conversion worker threads, see convertPages.ts),
 * in the file's format, and the keys they hold: saved as they are, never made into strings.
 */
export interface WrittenLines {
  keys: readonly string[]
  /** Their bytes, in order; each may be valid only until the next is asked for. */
  chunks: Iterable<Uint8Array>
}

/** The lines of `entries`, then the lines already written as bytes. */
function* lines(entries: ReadonlyMap<string, string>, written: Iterable<Uint8Array> = []) {
  for (const [key, json] of entries) yield cacheLine(key, json)
  yield* written
}

/** The key and the entry's text of one cache line, without parsing the entry. */
function splitLine(line: string): [key: string, json: string] | undefined {
  const end = line.indexOf('",', 2)
  if (!line.startsWith('["') || end < 0 || !line.endsWith(']')) return undefined
  return [line.slice(2, end), line.slice(end + 2, -1)]
}

const cacheFile = (lakeDir: string) => join(lakeDir, 'cache', 'conversions.ndjson')

/**
 * Adds entries to the cache file without reading it (a later line wins over an earlier one with
 * the same key, and the next full import writes the file anew with only what it used).
 */
export async function appendConversions(
  lakeDir: string,
  entries: ReadonlyMap<string, string>,
): Promise<void> {
  if (!entries.size) return
  await mkdir(join(lakeDir, 'cache'), {recursive: true})
  // After a newline of its own: a line a crash left unfinished damages only itself.
  await appendFile(cacheFile(lakeDir), `\n${[...lines(entries)].join('')}`)
}

/**
 * Opens the cache file (missing or unreadable lines are simply not remembered). Entries stay
 * text until a page asks for one. `save()` writes back only the entries this run used, and the
 * lines it is given (which replace entries of the same keys), atomically, so pages removed from
 * the site are forgotten and a crash never leaves half a file; the cache is empty afterwards.
 */
export async function openConversionCache(lakeDir: string) {
  const file = cacheFile(lakeDir)
  const entries = new Map<string, string>()
  const text = await readFile(file, 'utf8').catch(() => '')
  for (const line of text.split('\n')) {
    const pair = splitLine(line)
    if (pair) entries.set(pair[0], pair[1])
  }
  const used = new Map<string, string>()
  let changed = false
  const store: ConversionCache = {
    get(key) {
      const json = entries.get(key)
      if (json !== undefined) used.set(key, json)
      return json
    },
    set(key, json) {
      used.set(key, json)
      changed = true
    },
  }
  return {
    store,
    /** Entries the file held when opened (0: every page will be converted). */
    size: entries.size,
    async save(written?: WrittenLines) {
      for (const key of written?.keys ?? []) used.delete(key)
      if (changed || written?.keys.length || used.size !== entries.size) {
        await mkdir(dirname(file), {recursive: true})
        await writeAtomically(file, lines(used, written?.chunks))
      }
      // Written: the rest of the import (validation, writing) needs the memory more, and a
      // second save has nothing to write.
      entries.clear()
      used.clear()
      changed = false
    },
  }
}
