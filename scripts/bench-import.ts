/**
 * `npm run bench`: writes one synthetic site (default 5,000 lessons) to a temporary folder and
 * measures four whole processes on it, alternating, several rounds: the bare parse of every
 * page with remark-parse + remark-gfm (the floor), the import core (`importSite` on the files
 * read from disk), the core followed by the validation of every document, and the command as
 * a user runs it (`npm run import -- <site> --out <file>`, validation included, cold). Each reports CPU, wall time and peak memory, with medians and
 * ratios to the floor. `--readme` writes the table into importer/README.md.
 */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {basename, join, resolve} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

import {defineCommand, runMain} from 'citty'

import {generateSite, writeSite} from './bench-site.ts'
import {readSite} from './readSite.ts'

const PHASES = {
  floor: 'floor: remark-parse + remark-gfm, every page',
  core: 'import core: `importSite`, no validation',
  validated: 'import core + validation of every document',
  command: 'the command: `npm run import -- <site> --out <file>`',
} as const
type Phase = keyof typeof PHASES

interface Usage {
  cpuS: number
  wallS: number
  peakMb: number
}

const THIS_FILE = fileURLToPath(import.meta.url)
const ROOT = join(import.meta.dirname, '..')
const README = join(ROOT, 'importer', 'README.md')
/** Where `--readme` writes: the synthetic site's table, or (with `--site`) the real site's. */
const markers = (name: string) => [`<!-- ${name} -->`, `<!-- /${name} -->`] as const

// Preloaded into every Node process a measured command starts (npm, tsx and the import itself):
// each appends its own CPU time and peak RSS when it exits. Worker threads share their process's
// figures, so only main threads report.
const REPORTER = `import {appendFileSync} from 'node:fs'
import {isMainThread} from 'node:worker_threads'
if (isMainThread) process.on('exit', () => {
  const u = process.resourceUsage()
  appendFileSync(process.env.BENCH_USAGE_FILE, JSON.stringify({cpu: u.userCPUTime + u.systemCPUTime, rss: u.maxRSS}) + '\\n')
})
`

type InChild = Exclude<Phase, 'command'>

/** In a child process: the floor, the core, or the core and validation, on the site in `dir`. */
async function runPhase(phase: InChild, dir: string): Promise<void> {
  // The files the import command reads, read the way it reads them.
  const {files} = await readSite(dir)
  if (phase !== 'floor') {
    const {importSite} = await import('../importer/index.ts')
    const {documents} = importSite(files)
    if (phase === 'core') return
    const {loadValidator} = await import('../schemas/compiled/load.ts')
    await (await loadValidator()).validateDocuments(documents)
    return
  }
  const [{unified}, {default: remarkParse}, {default: remarkGfm}] = await Promise.all([
    import('unified'),
    import('remark-parse'),
    import('remark-gfm'),
  ])
  const processor = unified().use(remarkParse).use(remarkGfm)
  const decoder = new TextDecoder()
  for (const file of files) {
    if (!file.path.endsWith('.md')) continue
    processor.parse(decoder.decode(file.bytes).replace(/^---\n[\s\S]*?\n---\n/, ''))
  }
}

/** Runs one command to its end and sums what its Node processes report; peak is the largest one. */
function measure(command: string[], env: Record<string, string>, scratch: string): Usage {
  const usageFile = join(scratch, `usage-${Math.random().toString(36).slice(2)}.jsonl`)
  const reporter = pathToFileURL(join(scratch, 'reporter.mjs')).href
  const started = performance.now()
  const run = spawnSync(command[0], command.slice(1), {
    env: {
      ...process.env,
      ...env,
      BENCH_USAGE_FILE: usageFile,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${reporter}`.trim(),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 26,
  })
  const wallS = (performance.now() - started) / 1000
  if (run.status !== 0) {
    throw new Error(
      `Cannot measure \`${command.join(' ')}\`: it exited with ${run.status}.\n${String(run.stderr)}`,
    )
  }
  const reports = readFileSync(usageFile, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as {cpu: number; rss: number})
  return {
    cpuS: reports.reduce((sum, r) => sum + r.cpu, 0) / 1e6,
    wallS,
    peakMb: Math.max(...reports.map((r) => r.rss)) / 1024,
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** The markdown table: medians, and ratios to the floor taken round by round. */
function table(rounds: Record<Phase, Usage>[]): string {
  const row = (phase: Phase) => {
    const of = (key: keyof Usage) => median(rounds.map((r) => r[phase][key]))
    const ratio = (key: keyof Usage) =>
      `${median(rounds.map((r) => r[phase][key] / r.floor[key])).toFixed(2)}×`
    return [
      PHASES[phase],
      `${of('cpuS').toFixed(2)} s`,
      ratio('cpuS'),
      `${of('wallS').toFixed(2)} s`,
      ratio('wallS'),
      `${of('peakMb').toFixed(0)} MB`,
      ratio('peakMb'),
    ]
  }
  const header = [
    'Phase (whole process)',
    'CPU',
    'vs floor',
    'Wall',
    'vs floor',
    'Peak RSS',
    'vs floor',
  ]
  const rows = [header, ...(Object.keys(PHASES) as Phase[]).map(row)]
  // Padded as Prettier pads markdown tables, so the README stays formatted.
  const widths = header.map((_, i) => Math.max(...rows.map((cells) => cells[i].length)))
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.slice(1).map(line)].join(
    '\n',
  )
}

/**
 * What `--check` holds the command to, as ratios to the floor measured in the same run, so a
 * slower or busier machine moves both sides alike. Each is the median of per-round ratios,
 * CPU time (not wall time, which a shared machine's load decides), with a margin above what
 * the command measures on a loaded 2-core machine (CPU 1.5-1.7×, peak memory 2.8-3.2× on
 * 5,000 lessons), so only a real regression of about a fifth fails it, not the noise.
 */
const LIMITS = {cpu: 2.0, memory: 4.0}

/** Prints the median ratios and whether they are within {@link LIMITS}; the exit code. */
function check(rounds: Record<'floor' | 'command', Usage>[], about: string): number {
  const ratio = (key: keyof Usage) => median(rounds.map((r) => r.command[key] / r.floor[key]))
  const found = {cpu: ratio('cpuS'), memory: ratio('peakMb')}
  const over = (Object.keys(LIMITS) as Array<keyof typeof LIMITS>).filter(
    (key) => found[key] > LIMITS[key],
  )
  console.log(
    `On ${about}, ${rounds.length} rounds: the command uses ${found.cpu.toFixed(2)}× the floor's CPU (limit ${LIMITS.cpu}×) and ${found.memory.toFixed(2)}× its peak memory (limit ${LIMITS.memory}×).`,
  )
  for (const key of over) {
    console.error(
      `FAILED: the import command's ${key} is ${found[key].toFixed(2)}× the bare parse's, over the limit of ${LIMITS[key]}×. Profile it (\`node --cpu-prof scripts/import.ts <site> --out x.ndjson\`) and find what grew.`,
    )
  }
  return over.length ? 1 : 0
}

function writeReadme(summary: string, name: string): void {
  const MARKERS = markers(name)
  const text = readFileSync(README, 'utf8')
  const start = text.indexOf(MARKERS[0])
  const end = text.indexOf(MARKERS[1])
  if (start < 0 || end < start) {
    throw new Error(`Cannot update ${README}: expected the markers ${MARKERS.join(' and ')}.`)
  }
  const body = `${MARKERS[0]}\n\n${summary}\n\n`
  writeFileSync(README, text.slice(0, start) + body + text.slice(end))
}

const command = defineCommand({
  meta: {
    name: 'bench',
    description: 'Measure the import command against a bare parse of the same pages.',
  },
  args: {
    lessons: {type: 'string', description: 'Lessons in the synthetic site.', default: '5000'},
    rounds: {type: 'string', description: 'Rounds of the four phases (medians).', default: '3'},
    readme: {
      type: 'boolean',
      description:
        "Write the table into importer/README.md's Performance section (the real site's own table with --site).",
      default: false,
    },
    phase: {type: 'string', description: 'Internal: run one phase on --dir.'},
    site: {
      type: 'string',
      description: 'Measure on this site folder (a real site) instead of the synthetic one.',
    },
    dir: {type: 'string', description: 'Internal: the site folder of --phase.'},
    check: {
      type: 'boolean',
      description: `Only the floor and the command, interleaved; exit 1 when a median ratio is over its limit (CPU ${LIMITS.cpu}×, peak memory ${LIMITS.memory}×). For CI.`,
      default: false,
    },
  },
  async run({args}) {
    if (args.phase) return runPhase(args.phase as InChild, args.dir!)
    const lessons = Number(args.lessons)
    const scratch = mkdtempSync(join(tmpdir(), 'bench-import-'))
    try {
      writeFileSync(join(scratch, 'reporter.mjs'), REPORTER)
      const site = args.site ? resolve(args.site) : join(scratch, 'site')
      // Named by its folder: where it sits on this machine means nothing to a reader.
      let about = `the site \`${basename(resolve(args.site ?? '.'))}\``
      if (args.site) {
        const {files} = await readSite(site)
        const pages = files.filter((file) => file.path.endsWith('.md'))
        const bytes = pages.reduce((sum, file) => sum + (file.bytes?.length ?? 0), 0)
        about += ` (${pages.length} markdown files, ${(bytes / 1e3).toFixed(0)} kB)`
      }
      if (!args.site) {
        const files = generateSite(lessons)
        writeSite(files, site)
        const bytes = files.reduce((sum, file) => sum + Buffer.byteLength(file.text ?? ''), 0)
        about = `${lessons.toLocaleString('en')} lessons, ${files.length.toLocaleString('en')} files, ${(bytes / 1e6).toFixed(1)} MB of markdown`
      }
      console.log(`Measuring on ${about}.`)
      // Node runs the TypeScript itself, as `npm run import` does: no transform in any figure.
      const inChild = (phase: Phase) => [
        process.execPath,
        THIS_FILE,
        '--phase',
        phase,
        '--dir',
        site,
      ]
      const npm = process.env.npm_execpath
      const rounds: Partial<Record<Phase, Usage>>[] = []
      const phases: Phase[] = args.check ? ['floor', 'command'] : (Object.keys(PHASES) as Phase[])
      for (let round = 0; round < Number(args.rounds); round++) {
        // A fresh lake folder each time: the command runs cold, as a first import does.
        const lake = mkdtempSync(join(scratch, 'lake-'))
        const out = join(scratch, 'out.ndjson')
        const user = [
          ...(npm ? [process.execPath, npm] : ['npm']),
          'run',
          '--silent',
          'import',
          '--',
          site,
          '--out',
          out,
        ]
        const measured: Partial<Record<Phase, Usage>> = {}
        // Every other round in the opposite order, so a drift of the machine's speed evens out.
        for (const phase of round % 2 ? [...phases].reverse() : phases) {
          measured[phase] =
            phase === 'command'
              ? measure(user, {LAKE_DIR: lake}, scratch)
              : measure(inChild(phase), {}, scratch)
        }
        rounds.push(measured)
        console.error(`round ${round + 1}: ${JSON.stringify(measured)}`)
      }
      if (args.check) {
        process.exitCode = check(rounds as Record<'floor' | 'command', Usage>[], about)
        return
      }
      const complete = rounds as Record<Phase, Usage>[]
      const summary = `\`npm run bench\` on ${about}; medians of ${rounds.length} rounds, ratios taken round by round, ${new Date().toISOString().slice(0, 10)}:\n\n${table(complete)}`
      console.log(summary)
      if (args.readme) writeReadme(summary, args.site ? 'bench:import-site' : 'bench:import')
      const cpu = median(complete.map((r) => r.command.cpuS / r.floor.cpuS))
      console.log(
        `The command uses ${cpu.toFixed(2)}× the floor's CPU: ${cpu <= 1.5 ? 'within' : 'over'} the 1.5× target.`,
      )
    } finally {
      rmSync(scratch, {recursive: true, force: true})
    }
  },
})

await runMain(command)
