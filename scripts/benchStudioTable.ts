/**
 * The table `npm run bench:studio -- --readme` writes into lake/README.md: the run's medians and
 * ranges, from the samples it measured. Pure, so a test can pin its lines without a browser.
 */
import {median} from './bench-measure.ts'
import {markdownTable} from './benchReadme.ts'

/** What one run measured, in milliseconds. */
export interface StudioFigures {
  /** The first visit, cache empty, to the structure. */
  firstMs: number
  /** Each reload to the structure. */
  structureMs: number[]
  /** The lesson reloaded (the longest), or null when the content has none. */
  lesson: {title: string; blocks: number} | null
  /** Each reload of the lesson to its form with the body editable. */
  formMs: number[]
  /** Chromium's CPU per lesson reload (empty off Linux): all of it, the page's main thread, the GPU process. */
  cpu: {all: number[]; rendererMain: number[]; gpu: number[]}
}

/** How the run was made: its options, the machine's load average before and after, the day. */
export interface StudioRun {
  rounds: number
  /** `--site`, or `--seed` when documents were given instead. */
  source: {site: string} | {seed: string}
  cores: number
  load: {before: string; after: string}
  date: string
}

const seconds = (ms: number) => (ms / 1000).toFixed(2)

/** A row: the measure, its median, and its min–max over more than one sample. */
function row(measure: string, samples: number[]): string[] {
  const range =
    samples.length > 1 ? `${seconds(Math.min(...samples))}–${seconds(Math.max(...samples))} s` : '—'
  return [measure, `${seconds(median(samples))} s`, range, String(samples.length)]
}

/** The intro line (command, options, cores, load average, date) and the table of the run. */
export function studioSummary(figures: StudioFigures, run: StudioRun): string {
  const source = 'site' in run.source ? `--site ${run.source.site}` : `--seed ${run.source.seed}`
  const rows = [
    row('First visit (empty cache) to the structure', [figures.firstMs]),
    row('Reload to the structure', figures.structureMs),
  ]
  if (figures.lesson && figures.formMs.length) {
    const title = figures.lesson.title.replaceAll('|', '\\|')
    rows.push(
      row(
        `Reload of "${title}" (${figures.lesson.blocks} body blocks) to its body editable`,
        figures.formMs,
      ),
    )
  }
  if (figures.cpu.all.length)
    rows.push(
      row('Chromium CPU per lesson reload', figures.cpu.all),
      row("… of which the page's main thread", figures.cpu.rendererMain),
      row('… of which the GPU process (compositing)', figures.cpu.gpu),
    )
  return [
    `\`npm run bench:studio -- --rounds ${run.rounds} ${source}\` on ${run.cores} cores, load average ${run.load.before} before and ${run.load.after} after, ${run.date}:`,
    '',
    markdownTable(['Measure', 'Median', 'Min–max', 'Samples'], rows),
  ].join('\n')
}
