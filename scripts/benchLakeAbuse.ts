/**
 * The figures of `npm run bench:lake -- --abuse` and the table its `--readme` writes into
 * lake/README.md: one row per measure, from what the run printed. Pure, so a test can pin its
 * lines without loading a lake.
 */
import {markdownTable} from './benchReadme.ts'

/** A cheap query's latency percentiles, in milliseconds. */
export interface Latency {
  p50: number
  p99: number
}

/** Normal clients idle and while abusive clients keep issue 13's nested query in flight. */
export interface AbusedFigures {
  idle: Latency
  abused: Latency
  /** Abusive queries the lake refused, and query workers it replaced. */
  refused: number
  restarts: number
}

/** The longest stall of the event loop and the most main-thread CPU in one stall, in ms. */
export interface Stalls {
  longest: number
  mostWork: number
}

/** Normal clients idle and while a patch by query over every document runs. */
export interface PatchFigures {
  idle: Latency
  during: Latency
  /**
   * The same, with the clients in a process of their own, as users' clients are (the others
   * share the lake's event loop, so their own HTTP work counts as the lake's latency).
   */
  apart: {idle: Latency; during: Latency}
  stalls: {idle: Stalls; during: Stalls}
  /** The median time of one patch, in milliseconds, and how many ran. */
  patchMs: number
  patches: number
  /** Mutation events a Studio-like listener on one document received. */
  events: number
}

/** The lake's resident memory (bytes) once `workers` query workers hold the dataset. */
export interface MemoryFigures {
  workers: number
  rss: number
  heap: number
  opened: number
}

/** What one `--abuse` run measured. */
export interface AbuseFigures {
  abused: AbusedFigures
  patch: PatchFigures
  memory: MemoryFigures[]
}

/** The run's options, as given on the command line, and its ISO date. */
export interface AbuseRun {
  clients: number
  requests: number
  abusers: number
  documents: number
  workers: number
  date: string
}

const number = (value: number, digits: number) =>
  value.toLocaleString('en', {minimumFractionDigits: digits, maximumFractionDigits: digits})
const ms = (value: number) => `${number(value, 1)} ms`
const ratio = (from: number, to: number) => `${(to / from).toFixed(2)}×`
const change = (from: number, to: number) => `${number(from, 1)} → ${ms(to)} (${ratio(from, to)})`
const mb = (bytes: number) => number(bytes / 2 ** 20, 0)

/** The intro line (the command and its options, the date) and one row per measure. */
export function abuseTable(figures: AbuseFigures, run: AbuseRun): string {
  const {abused, patch, memory} = figures
  const documents = run.documents.toLocaleString('en')
  const rows = [
    [
      'Abusive nested query: cheap-query p99, idle → abused (ratio, target ≤ 2×)',
      change(abused.idle.p99, abused.abused.p99),
    ],
    ['Patch by query: cheap-query p50 during the patch', ms(patch.during.p50)],
    [
      'Patch by query: cheap-query p99, idle → during the patch (ratio, target ≤ 2×)',
      change(patch.idle.p99, patch.during.p99),
    ],
    [
      'Patch by query, clients in a process of their own: cheap-query p99, idle → during (ratio)',
      change(patch.apart.idle.p99, patch.apart.during.p99),
    ],
    [
      'Longest event-loop stall during the patch (most main-thread CPU in one stall)',
      `${ms(patch.stalls.during.longest)} (${ms(patch.stalls.during.mostWork)})`,
    ],
    [
      `Median time of one patch of ${documents} documents (${patch.patches} patches)`,
      `${number(patch.patchMs / 1000, 1)} s`,
    ],
  ]
  if (memory.length) {
    const [one, more] = [memory[0], memory.at(-1)!]
    const perWorker =
      memory.length > 1
        ? ` (${mb((more.rss - one.rss) / (more.workers - one.workers))} MB each further worker)`
        : ''
    rows.push([
      `Resident memory, ${memory.map((run) => run.workers).join(' / ')} query worker(s)`,
      `${memory.map((run) => mb(run.rss)).join(' / ')} MB${perWorker}`,
    ])
  }
  return [
    `\`npm run bench:lake -- --abuse --clients ${run.clients} --requests ${run.requests} --abusers ${run.abusers} --documents ${run.documents} --workers ${run.workers}\`, one run, ${run.date}:`,
    '',
    markdownTable(['Measure', 'This run'], rows),
  ].join('\n')
}
