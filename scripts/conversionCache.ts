/**
 * The import command's memory of page conversions, kept in the lake folder
 * (`<lake>/cache/conversions.ndjson`), so re-importing an unchanged site does not parse it again.
 */
import {createHash, randomBytes} from 'node:crypto'
import {mkdir, readdir, readFile, rename, rm, writeFile} from 'node:fs/promises'
import {dirname, join, relative, sep} from 'node:path'

import type {CachedConversion, ConversionCache} from '../importer/index.ts'

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

/**
 * Opens the cache file (missing or unreadable lines are simply not remembered). `save()`
 * writes back only the entries this run used, atomically, so pages removed from the site are
 * forgotten and a crash never leaves half a file.
 */
export async function openConversionCache(lakeDir: string) {
  const file = join(lakeDir, 'cache', 'conversions.ndjson')
  const entries = new Map<string, CachedConversion>()
  const text = await readFile(file, 'utf8').catch(() => '')
  for (const line of text.split('\n')) {
    if (!line) continue
    try {
      const [key, entry] = JSON.parse(line) as [string, CachedConversion]
      entries.set(key, entry)
    } catch {
      // A damaged line only costs that page's conversion.
    }
  }
  const used = new Map<string, CachedConversion>()
  let changed = false
  const store: ConversionCache = {
    get(key) {
      const entry = entries.get(key)
      if (entry) used.set(key, entry)
      return entry
    },
    set(key, entry) {
      used.set(key, entry)
      changed = true
    },
  }
  return {
    store,
    async save() {
      if (!changed && used.size === entries.size) return
      await mkdir(dirname(file), {recursive: true})
      const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`
      try {
        await writeFile(temp, [...used].map((pair) => `${JSON.stringify(pair)}\n`).join(''))
        await rename(temp, file)
      } catch (error) {
        await rm(temp, {force: true})
        throw error
      }
    },
  }
}
