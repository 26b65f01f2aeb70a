/**
 * The verdict and the table of `npm run bench:lake`: each lesson-page query's speed-up on the
 * lake over plain groq-js, measured in one run, held to a floor (issue 14: the
 * dereference-heavy page at least 50× plain groq-js). Pure, so a test can show that a
 * regression fails it without timing anything.
 */

import {markdownTable} from './benchReadme.ts'

/** The least speed-up over plain groq-js `--check` accepts for every query. */
export const MIN_SPEEDUP = 50

/** One query's medians (milliseconds) in one run. */
export interface QueryTiming {
  name: string
  lakeMs: number
  plainMs: number
  httpMs: number
}

/** What `--check` concluded: the exit code, the line it prints, one error per query under. */
export interface LakeVerdict {
  code: 0 | 1
  summary: string
  failures: string[]
}

const speedup = (timing: QueryTiming) => timing.plainMs / timing.lakeMs

/** Judges each query's speed-up against `minimum` (default {@link MIN_SPEEDUP}). */
export function judgeSpeedups(
  timings: readonly QueryTiming[],
  minimum: number = MIN_SPEEDUP,
): LakeVerdict {
  const under = timings.filter((timing) => !(speedup(timing) >= minimum))
  const found = timings.map((timing) => `${timing.name} ${speedup(timing).toFixed(1)}×`)
  return {
    code: under.length || timings.length === 0 ? 1 : 0,
    summary: `Speed-up over plain groq-js (at least ${minimum}× each): ${found.join(', ') || 'no query measured'}.`,
    failures: under.map(
      (timing) =>
        `FAILED: ${timing.name} runs ${speedup(timing).toFixed(1)}× faster on the lake than on plain groq-js (${ms(timing.lakeMs)} against ${ms(timing.plainMs)}), under the ${minimum}× floor. Profile evaluateQuery (lake/groq/query.ts) on it and find what stopped using the lake's by-id dereference.`,
    ),
  }
}

const ms = (value: number) => `${value.toFixed(2)} ms`

/** The run as the markdown table lake/README.md shows, with a line saying what and when. */
export function lakeTable(
  timings: readonly QueryTiming[],
  run: {documents: number; rounds: number; date: string},
): string {
  const header = [
    'Query',
    'Lake (by-id dereference)',
    'Plain groq-js',
    'Speed-up',
    'Over HTTP (query worker)',
  ]
  const rows = timings.map((timing) => [
    timing.name,
    ms(timing.lakeMs),
    ms(timing.plainMs),
    `${speedup(timing).toFixed(1)}×`,
    ms(timing.httpMs),
  ])
  return [
    `\`npm run bench:lake\` over ${run.documents.toLocaleString('en')} documents, medians of ${run.rounds} samples, ${run.date}:`,
    '',
    markdownTable(header, rows),
  ].join('\n')
}
