/**
 * Whole-process measurement for the benchmarks: runs a command to its end and sums the CPU
 * time of every Node process it starts (npm, the command, its children) with the largest peak
 * memory among them, and lays rounds of such figures out as a markdown table of medians and
 * ratios to a floor, taken round by round.
 */
import {spawnSync} from 'node:child_process'
import {
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'

import {markdownTable} from './benchReadme.ts'

/**
 * Copies the site folder `source` into `into`, for a benchmark that edits its pages: each
 * symbolic link (the folder given as one too) is copied as what it points to, so no edit of
 * the copy reaches the site itself (`cpSync` copies the links inside a folder as links). A
 * link to a folder the copy is inside of, or to nothing, is left out.
 */
export function copySite(source: string, into: string): void {
  const inside = new Set<string>()
  const copy = (from: string, to: string) => {
    let real: string
    try {
      real = realpathSync(from)
    } catch {
      return
    }
    const stats = statSync(real)
    if (stats.isFile()) return copyFileSync(real, to)
    if (!stats.isDirectory() || inside.has(real)) return
    inside.add(real)
    mkdirSync(to, {recursive: true})
    for (const name of readdirSync(real)) copy(join(real, name), join(to, name))
    inside.delete(real)
  }
  copy(source, into)
}

/** One run of a command: CPU seconds of all its Node processes, wall seconds, largest peak RSS. */
export interface Usage {
  cpuS: number
  wallS: number
  peakMb: number
}

// Preloaded into every Node process a measured command starts (npm and the command itself):
// each appends its own CPU time and peak RSS when it exits. Worker threads share their process's
// figures, so only main threads report.
const REPORTER = `import {appendFileSync} from 'node:fs'
import {isMainThread} from 'node:worker_threads'
if (isMainThread) process.on('exit', () => {
  const u = process.resourceUsage()
  appendFileSync(process.env.BENCH_USAGE_FILE, JSON.stringify({cpu: u.userCPUTime + u.systemCPUTime, rss: u.maxRSS}) + '\\n')
})
`

/** Writes the reporter every measured process preloads into `scratch`; call once per scratch. */
export function prepareScratch(scratch: string): void {
  writeFileSync(join(scratch, 'reporter.mjs'), REPORTER)
}

/**
 * Runs one command to its end and sums what its Node processes report; peak is the largest one.
 * An exit code outside `accept` (default: 0 only) is an error naming the command.
 */
export function measure(
  command: string[],
  env: Record<string, string>,
  scratch: string,
  accept: readonly number[] = [0],
): Usage {
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
  if (run.status === null || !accept.includes(run.status)) {
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

/** The median of `values`. */
export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/**
 * The markdown table of `rounds`: one row per label (in its order), medians, and ratios to
 * the `floor` row taken round by round.
 */
export function table<P extends string>(
  rounds: Record<P, Usage>[],
  labels: Record<P, string>,
  floor: P,
  versus = 'vs floor',
): string {
  const row = (phase: P) => {
    const of = (key: keyof Usage) => median(rounds.map((r) => r[phase][key]))
    const ratio = (key: keyof Usage) =>
      `${median(rounds.map((r) => r[phase][key] / r[floor][key])).toFixed(2)}×`
    return [
      labels[phase],
      `${of('cpuS').toFixed(2)} s`,
      ratio('cpuS'),
      `${of('wallS').toFixed(2)} s`,
      ratio('wallS'),
      `${of('peakMb').toFixed(0)} MB`,
      ratio('peakMb'),
    ]
  }
  const header = ['Phase (whole process)', 'CPU', versus, 'Wall', versus, 'Peak RSS', versus]
  return markdownTable(header, (Object.keys(labels) as P[]).map(row))
}
