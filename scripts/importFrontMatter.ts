/**
 * The import command's memory of front matter (`<lake>/cache/front-matter-<dataset>.json`): each
 * page's front matter as it was read, by its YAML text. A re-import after a page body changed
 * reads the same front matter text on every other page, and this gives it back without parsing
 * the YAML again. The file holds for one manifest key (the import's code, flags and folders), so
 * a new YAML reader never reuses what an older one read.
 */
import {readFileSync} from 'node:fs'
import {mkdir} from 'node:fs/promises'
import {dirname, join} from 'node:path'

import type {FrontMatterMemo} from '../importer/site/frontMatter.ts'
import {writeAtomically} from './writeAtomically.ts'

/** The memo file of `dataset` in the lake folder. */
export const frontMatterFile = (lakeDir: string, dataset: string) =>
  join(lakeDir, 'cache', `front-matter-${dataset}.json`)

/** What the file holds: the key it was written for, and `[yaml, data]` pairs (one a line). */
interface MemoFile {
  key: string
  entries: Array<[string, Record<string, unknown>]>
}

/** Whether an object with this prototype is plain data: made by a literal, or without one. */
const isPlain = (prototype: unknown) => prototype === Object.prototype || prototype === null

/**
 * Whether JSON gives `value` back as it is: only text, finite numbers (not -0), booleans, null,
 * arrays and plain objects (those made without a prototype come back with one, which no lookup
 * of the importer's sees: it reads own properties). Front matter with `.inf`, `.nan` or `-0` is
 * parsed every time.
 */
export function survivesJson(value: unknown): boolean {
  const stack = [value]
  while (stack.length > 0) {
    const item = stack.pop()
    if (item === null || typeof item === 'string' || typeof item === 'boolean') continue
    if (typeof item === 'number') {
      if (!Number.isFinite(item) || Object.is(item, -0)) return false
      continue
    }
    // Pushed one by one: spread into push, a list of more than about 120,000 items (a
    // snapshot's plans) overflowed the stack.
    if (Array.isArray(item)) for (const inner of item) stack.push(inner)
    else if (typeof item === 'object' && isPlain(Object.getPrototypeOf(item)))
      for (const inner of Object.values(item)) stack.push(inner)
    else return false
  }
  return true
}

/** Whether `entry` is what the memo writes: a YAML text and the plain object read from it. */
function isEntry(entry: unknown): entry is MemoFile['entries'][number] {
  if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string') return false
  const data: unknown = entry[1]
  return typeof data === 'object' && data !== null && !Array.isArray(data)
}

/** The memo of one run, with what it gave back and what it learnt. */
export interface OpenedFrontMatter {
  memo: FrontMatterMemo
  /** Front matter given back without parsing, and front matter parsed (and remembered). */
  counts: {remembered: number; parsed: number}
  /**
   * Writes the entries this run used, when they differ from the file's; once only, and the memo
   * remembers nothing after it.
   */
  save(): Promise<void>
}

/**
 * Opens the memo in `file` for `key` (a missing, unreadable or damaged file, or another key's,
 * remembers nothing). Each remembered value is given out once, so no two pages share one object, as no two
 * parses do. The file is read when the memo is first asked: a one-page re-import restores the
 * site and its front matter from the last import's snapshot, and never asks.
 */
export async function openFrontMatter(file: string, key: string): Promise<OpenedFrontMatter> {
  let loaded: Map<string, Record<string, unknown>> | undefined
  let storedSize = 0
  const load = () => {
    if (loaded) return loaded
    loaded = new Map()
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as MemoFile
      if (parsed.key === key && Array.isArray(parsed.entries) && parsed.entries.every(isEntry))
        loaded = new Map(parsed.entries)
    } catch {
      // Nothing remembered: every page's front matter is parsed, and the file written anew.
    }
    storedSize = loaded.size
    return loaded
  }
  // What this run read, by YAML text: a value from the file, or the JSON text of one it parsed.
  const used = new Map<string, Record<string, unknown> | string>()
  let learnt = false
  let saved = false
  const counts = {remembered: 0, parsed: 0}
  const memo: FrontMatterMemo = {
    get(yaml) {
      const stored = load()
      const data = stored.get(yaml)
      if (data === undefined) return undefined
      stored.delete(yaml)
      used.set(yaml, data)
      counts.remembered++
      return data
    },
    set(yaml, data) {
      load()
      counts.parsed++
      if (used.has(yaml) || !survivesJson(data)) return
      // Written out now: the page's data goes on into documents, and nothing done to it there
      // may change what is remembered.
      used.set(yaml, JSON.stringify(data))
      learnt = true
    },
  }
  return {
    memo,
    counts,
    async save() {
      if (saved) return
      saved = true
      // Never asked: the file stays as it is.
      const unchanged = !loaded || (!learnt && used.size === storedSize)
      const entries = [...used]
      loaded = new Map()
      used.clear()
      if (unchanged) return
      const json = (value: Record<string, unknown> | string) =>
        typeof value === 'string' ? value : JSON.stringify(value)
      const lines = entries.map(([yaml, value]) => `[${JSON.stringify(yaml)},${json(value)}]`)
      await mkdir(dirname(file), {recursive: true})
      await writeAtomically(file, [
        `{"key":${JSON.stringify(key)},"entries":[`,
        lines.join(',\n'),
        ']}\n',
      ])
    },
  }
}
