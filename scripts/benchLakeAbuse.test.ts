import {describe, expect, it} from 'vitest'

import {abuseTable, type AbuseFigures, type AbuseRun} from './benchLakeAbuse.ts'

const MB = 2 ** 20

const figures: AbuseFigures = {
  abused: {idle: {p50: 3.1, p99: 47.26}, abused: {p50: 2.9, p99: 36.04}, refused: 12, restarts: 4},
  patch: {
    idle: {p50: 1.2, p99: 60.3},
    during: {p50: 1.44, p99: 58.1},
    apart: {idle: {p50: 1.3, p99: 12}, during: {p50: 2, p99: 20.4}},
    stalls: {idle: {longest: 41, mostWork: 9}, during: {longest: 1144.26, mostWork: 43.02}},
    patchMs: 13_912,
    patches: 4,
    events: 4,
  },
  memory: [
    {workers: 1, rss: 352 * MB, heap: 90 * MB, opened: 200 * MB},
    {workers: 2, rss: 603 * MB, heap: 91 * MB, opened: 201 * MB},
  ],
}

const run: AbuseRun = {
  clients: 4,
  requests: 200,
  abusers: 1,
  documents: 50_000,
  workers: 2,
  date: '2026-12-03',
}

describe('abuseTable (npm run bench:lake -- --abuse --readme)', () => {
  it('writes one row per measure, with the p99 ratios and the memory each further worker costs', () => {
    expect(abuseTable(figures, run).split('\n')).toEqual([
      '`npm run bench:lake -- --abuse --clients 4 --requests 200 --abusers 1 --documents 50000 --workers 2`, one run, 2026-12-03:',
      '',
      '| Measure                                                                                   | This run                                  |',
      '| ----------------------------------------------------------------------------------------- | ----------------------------------------- |',
      '| Abusive nested query: cheap-query p99, idle → abused (ratio, target ≤ 2×)                 | 47.3 → 36.0 ms (0.76×)                    |',
      '| Patch by query: cheap-query p50 during the patch                                          | 1.4 ms                                    |',
      '| Patch by query: cheap-query p99, idle → during the patch (ratio, target ≤ 2×)             | 60.3 → 58.1 ms (0.96×)                    |',
      '| Patch by query, clients in a process of their own: cheap-query p99, idle → during (ratio) | 12.0 → 20.4 ms (1.70×)                    |',
      '| Longest event-loop stall during the patch (most main-thread CPU in one stall)             | 1,144.3 ms (43.0 ms)                      |',
      '| Median time of one patch of 50,000 documents (4 patches)                                  | 13.9 s                                    |',
      '| Resident memory, 1 / 2 query worker(s)                                                    | 352 / 603 MB (251 MB each further worker) |',
    ])
  })

  it('leaves the memory row out when none was measured, and the cost of a further worker when one was', () => {
    expect(abuseTable({...figures, memory: []}, run)).not.toContain('Resident memory')
    const one = abuseTable({...figures, memory: figures.memory.slice(0, 1)}, {...run, workers: 1})
    expect(one.split('\n').at(-1)).toMatch(
      /^\| Resident memory, 1 query worker\(s\) +\| 352 MB +\|$/,
    )
  })
})
