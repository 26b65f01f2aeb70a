/**
 * One phase of `npm run bench` (scripts/bench-import.ts) in a process of its own, whose CPU,
 * wall time and peak memory are the phase's: `node scripts/bench-phase.ts <phase> <dir> [page]`.
 * This module loads only what its phase needs (the site reader, the parser, the importer, the
 * validator: each when the phase runs it), so a floor is not charged for loading the benchmark's
 * own code: its synthetic site's generator alone loads the whole importer.
 */
import {createHash} from 'node:crypto'
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readdirSync,
  readFileSync,
  writeSync,
} from 'node:fs'
import {join, sep} from 'node:path'

import {assetFilesFolder, PARTIAL} from '../lake/store/asset-files.ts'

/** What a child process of the benchmark measures. */
export type ChildPhase = 'floor' | 'core' | 'validated' | 'images' | 'hash' | 'page'

/** The folders of asset files of a lake folder's datasets that have one (lake/store/asset-files.ts). */
export function assetFolders(lake: string): string[] {
  const data = join(lake, 'data')
  if (!existsSync(data)) return []
  return readdirSync(data)
    .filter((name) => name.endsWith('.sqlite'))
    .map((name) => assetFilesFolder(join(data, name)))
    .filter((folder) => existsSync(folder))
}

/** Every file under a dataset's files `folder`, but what a crash left in its partial folder. */
export function filesUnder(folder: string): string[] {
  const partial = join(folder, PARTIAL) + sep
  return readdirSync(folder, {recursive: true, withFileTypes: true})
    .map((entry) => (entry.isFile() ? join(entry.parentPath, entry.name) : ''))
    .filter((file) => file && !file.startsWith(partial))
}

/**
 * The images' floor: each file under `from` read, hashed with SHA-1 and written to `into` under
 * a name of its own, flushed, and `into` flushed once at the end.
 */
function copyImagesFlushed(from: string, into: string): void {
  let n = 0
  for (const file of filesUnder(from)) {
    const bytes = readFileSync(file)
    createHash('sha1').update(bytes).digest('hex')
    const fd = openSync(join(into, String(++n)), 'w')
    try {
      for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
  }
  const folder = openSync(into, 'r')
  try {
    fsyncSync(folder)
  } finally {
    closeSync(folder)
  }
}

/** The parser of the floors: remark-parse + remark-gfm, loaded when a floor runs. */
async function bareParser() {
  const [{unified}, {default: remarkParse}, {default: remarkGfm}] = await Promise.all([
    import('unified'),
    import('remark-parse'),
    import('remark-gfm'),
  ])
  const processor = unified().use(remarkParse).use(remarkGfm)
  const decoder = new TextDecoder()
  return (bytes: Uint8Array) =>
    processor.parse(decoder.decode(bytes).replace(/^---\n[\s\S]*?\n---\n/, ''))
}

/**
 * A floor, the core, or the core and validation, on the site in `dir` (`page`: the site path
 * of the page the `page` floor parses); the images' floor, from the files folder `dir` into the
 * empty folder `page`.
 */
export async function runPhase(phase: ChildPhase, dir: string, page?: string): Promise<void> {
  if (phase === 'images') return copyImagesFlushed(dir, page!)
  // The files the import command reads, read the way it reads them.
  const {readSite} = await import('./readSite.ts')
  const {files} = await readSite(dir)
  if (phase === 'hash' || phase === 'page') {
    for (const file of files) createHash('sha256').update(file.bytes!).digest()
    if (phase === 'hash') return
    const changed = files.find((file) => file.path === page)
    if (!changed) throw new Error(`Cannot parse the page ${page}: expected a file of ${dir}.`)
    ;(await bareParser())(changed.bytes!)
    return
  }
  if (phase !== 'floor') {
    const {importSite} = await import('../importer/index.ts')
    const {documents} = importSite(files)
    if (phase === 'core') return
    const {loadValidator} = await import('../schemas/compiled/load.ts')
    await (await loadValidator()).validateDocuments(documents)
    return
  }
  const parse = await bareParser()
  for (const file of files) if (file.path.endsWith('.md')) parse(file.bytes!)
}

const PHASES: readonly ChildPhase[] = ['floor', 'core', 'validated', 'images', 'hash', 'page']

const USAGE = `Usage: node scripts/bench-phase.ts <${PHASES.join('|')}> <dir> [page]\n\nOne phase of \`npm run bench\` in a process of its own, as the benchmark runs it: see scripts/bench-import.ts.`

if (import.meta.main) {
  const [phase, dir, page] = process.argv.slice(2)
  if (phase === '--help' || phase === '-h') console.log(USAGE)
  else if (!PHASES.includes(phase as ChildPhase) || !dir) {
    console.error(
      `Cannot run the phase ${JSON.stringify(phase ?? '')}: expected a phase and a folder.\n\n${USAGE}`,
    )
    process.exitCode = 2
  } else await runPhase(phase as ChildPhase, dir, page)
}
