/**
 * The decision of `npm run bench -- --check`: the import command's median per-round ratios of
 * CPU time and peak memory to the floor's, against their limits. Pure, so a test can show that
 * a regression fails it without timing anything.
 */
import {median, type Usage} from './bench-measure.ts'

/**
 * What `--check` holds the command to, as ratios to the floor measured in the same run, so a
 * slower or busier machine moves both sides alike. Each is the median of per-round ratios,
 * CPU time (not wall time, which a shared machine's load decides), with a margin above what
 * the command measures on a loaded 2-core machine (CPU 1.36-1.66×, peak memory 2.2-3.0× on
 * 1,000 to 5,000 lessons, the high ends at a load of 8 on 2 cores), so a real regression of a
 * fifth or more fails it, and the noise does not.
 */
export const LIMITS = {cpu: 2.0, memory: 3.5}

/** What `--check` concluded: the exit code, the line it prints, and one error per ratio over. */
export interface CheckVerdict {
  code: 0 | 1
  summary: string
  failures: string[]
}

/** Judges rounds of the floor and the command against `limits` (default {@link LIMITS}). */
export function judgeRatios(
  rounds: ReadonlyArray<Record<'floor' | 'command', Usage>>,
  about: string,
  limits: typeof LIMITS = LIMITS,
): CheckVerdict {
  const ratio = (key: keyof Usage) => median(rounds.map((r) => r.command[key] / r.floor[key]))
  const found = {cpu: ratio('cpuS'), memory: ratio('peakMb')}
  const over = (Object.keys(limits) as Array<keyof typeof LIMITS>).filter(
    (key) => found[key] > limits[key],
  )
  return {
    code: over.length ? 1 : 0,
    summary: `On ${about}, ${rounds.length} rounds: the command uses ${found.cpu.toFixed(2)}× the floor's CPU (limit ${limits.cpu}×) and ${found.memory.toFixed(2)}× its peak memory (limit ${limits.memory}×).`,
    failures: over.map(
      (key) =>
        `FAILED: the import command's ${key} is ${found[key].toFixed(2)}× the bare parse's, over the limit of ${limits[key]}×. Profile it (\`node --cpu-prof scripts/import.ts <site> --out x.ndjson\`) and find what grew.`,
    ),
  }
}
