/**
 * The import command's snapshot of the site it last prepared (`<lake>/cache/site-<dataset>.json`,
 * see `snapshotSite`): the one-page path restores the site from it and the changed pages, instead
 * of reading every page and building the navigation again. It holds for one manifest key and one
 * site shape: the manifest's, or it is not used.
 *
 * One JSON value per line, so that a page-local import (`pageLocal.ts`) reads and parses only
 * what it needs, a few hundred kilobytes of a site's megabytes: the header (with the byte length
 * of the index), the index (the snapshot but for its plans and pages read; a row of every plan,
 * `planRows`; where each plan's line ends after the first), the pages read, then each kept plan
 * in plan order.
 */
import {mkdir, open, readFile} from 'node:fs/promises'
import {dirname, join} from 'node:path'

import {planRows, type PlanRow, type SnapshotPages} from '../importer/site/pageLocal.ts'
import {snapshotSite, type KeptPlan, type SiteSnapshot} from '../importer/site/snapshot.ts'
import type {PreparedSite} from '../importer/site/stages.ts'
import {survivesJson} from './importFrontMatter.ts'
import {writeAtomically} from './writeAtomically.ts'

/** The snapshot file of `dataset` in the lake folder. */
export const snapshotFile = (lakeDir: string, dataset: string) =>
  join(lakeDir, 'cache', `site-${dataset}.json`)

/** The file's layout; a file of another (a single JSON value, before lines) is not used. */
const FORMAT = 3

/** The first line: what the snapshot holds for, and the bytes of the index and pages read. */
interface Header {
  key: string
  shape: string
  format: typeof FORMAT
  index: number
  read: number
}

/** The snapshot but for its plans, their slugs (in the rows) and the pages read. */
type Rest = Omit<SiteSnapshot, 'plans' | 'slugs' | 'read'>

/** The index's lines, after the header: each a JSON value. */
type Index = [rest: Rest, rows: PlanRow[], ends: number[]]

/** The header's line is at most this long (a key and a shape are hashes). */
const HEADER_BYTES = 1024

const line = (value: unknown) => `${JSON.stringify(value)}\n`

/**
 * Writes the snapshot of `prepared` (whose shape is `shape`) for `key`; removes nothing when the
 * site cannot have one (a page body enters its preparation, or JSON would change a value): the
 * file then names another shape or key, and is not used.
 */
export async function writeSnapshot(
  file: string,
  key: string,
  shape: string,
  prepared: PreparedSite,
): Promise<void> {
  const snapshot = snapshotSite(prepared)
  if ('reason' in snapshot || !survivesJson(snapshot)) return
  const rows = planRows(snapshot)
  const {plans, slugs: _slugs, read, ...rest} = snapshot
  const planLines = plans.map(line)
  const ends: number[] = []
  let end = 0
  for (const text of planLines) ends.push((end += Buffer.byteLength(text)))
  const index = ([rest, rows, ends] satisfies Index).map(line)
  const readLine = line(read)
  const bytes = index.reduce((sum, text) => sum + Buffer.byteLength(text), 0)
  const header: Header = {
    key,
    shape,
    format: FORMAT,
    index: bytes,
    read: Buffer.byteLength(readLine),
  }
  await mkdir(dirname(file), {recursive: true})
  await writeAtomically(file, [line(header), ...index, readLine, ...planLines])
}

/** The header of a snapshot's text (its first line), when it holds for `key` and `shape`. */
function headerOf(first: string, key: string, shape: string): Header | undefined {
  try {
    const header = JSON.parse(first) as Partial<Header>
    if (header.format !== FORMAT || header.key !== key || header.shape !== shape) return undefined
    const sizes = typeof header.index === 'number' && typeof header.read === 'number'
    return sizes ? (header as Header) : undefined
  } catch {
    return undefined
  }
}

/** The snapshot in `file` when it was written for `key` and `shape`, else undefined. */
export async function readSnapshot(
  file: string,
  key: string,
  shape: string,
): Promise<SiteSnapshot | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined)
  if (text === undefined) return undefined
  const lines = text.split('\n')
  if (!headerOf(lines[0], key, shape)) return undefined
  try {
    const [rest, rows] = lines.slice(1, 3).map((text) => JSON.parse(text)) as Index
    const read = JSON.parse(lines[4]) as SiteSnapshot['read']
    // The text ends with a newline: its last line is empty.
    const plans = lines.slice(5, -1).map((text) => JSON.parse(text) as KeptPlan)
    return {...rest, plans, read, slugs: rows.map((row) => row.slug)}
  } catch {
    return undefined
  }
}

/**
 * What a page-local import reads of the snapshot in `file` when it was written for `key` and
 * `shape`: its header and index, and a kept plan's line only when asked for (`plan` reads it).
 * Undefined otherwise.
 */
export async function readSnapshotPages(
  file: string,
  key: string,
  shape: string,
): Promise<(SnapshotPages & {close: () => Promise<void>}) | undefined> {
  const handle = await open(file, 'r').catch(() => undefined)
  if (!handle) return undefined
  // The text from byte `from` to `to` (or the file's end), read until it is all there.
  const bytes = async (from: number, to: number) => {
    const buffer = Buffer.alloc(to - from)
    let filled = 0
    while (filled < buffer.length) {
      const {bytesRead} = await handle.read(buffer, filled, buffer.length - filled, from + filled)
      if (bytesRead === 0) break
      filled += bytesRead
    }
    return buffer.toString('utf8', 0, filled)
  }
  try {
    const start = await bytes(0, HEADER_BYTES)
    const headerEnd = Buffer.byteLength(start.slice(0, start.indexOf('\n') + 1))
    const header = headerEnd > 0 && headerOf(start.slice(0, start.indexOf('\n')), key, shape)
    if (!header) throw new Error("not this import's snapshot")
    const lines = (await bytes(headerEnd, headerEnd + header.index)).split('\n')
    const [{contextData, config, liquidReaders}, rows, ends] = lines
      .slice(0, 3)
      .map((text) => JSON.parse(text)) as Index
    if (rows.length !== ends.length) throw new Error('a row for each plan')
    // After the index, the pages read (which only the whole site's restore reads), then the plans.
    const plansFrom = headerEnd + header.index + header.read
    return {
      contextData,
      config,
      ...(liquidReaders ? {liquidReaders} : {}),
      rows,
      plan: async (i) =>
        JSON.parse(await bytes(plansFrom + (ends[i - 1] ?? 0), plansFrom + ends[i])) as KeptPlan,
      close: () => handle.close(),
    }
  } catch {
    await handle.close()
    return undefined
  }
}
