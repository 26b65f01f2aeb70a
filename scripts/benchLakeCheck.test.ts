import {spawnSync} from 'node:child_process'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {judgeSpeedups, lakeTable, MIN_SPEEDUP, type QueryTiming} from './benchLakeCheck.ts'

const timing = (name: string, lakeMs: number, plainMs: number): QueryTiming => ({
  name,
  lakeMs,
  plainMs,
  httpMs: 2,
})

describe('judgeSpeedups (npm run bench:lake -- --check)', () => {
  it('passes when every query is at least 50× faster on the lake', () => {
    const verdict = judgeSpeedups([timing('deref', 0.12, 27.4), timing('page', 0.5, 25)])
    expect(MIN_SPEEDUP).toBe(50)
    expect(verdict.code).toBe(0)
    expect(verdict.failures).toEqual([])
    expect(verdict.summary).toBe(
      'Speed-up over plain groq-js (at least 50× each): deref 228.3×, page 50.0×.',
    )
  })

  it('exits 1 naming the query, its speed-up and both times when one falls under the floor', () => {
    const verdict = judgeSpeedups([timing('deref', 1.88, 29.2), timing('page', 0.5, 100)])
    expect(verdict.code).toBe(1)
    expect(verdict.failures).toHaveLength(1)
    expect(verdict.failures[0]).toMatch(
      /^FAILED: deref runs 15\.5× faster on the lake than on plain groq-js \(1\.88 ms against 29\.20 ms\), under the 50× floor\./,
    )
  })

  it('fails a run that measured nothing or a time that is not a number', () => {
    expect(judgeSpeedups([]).code).toBe(1)
    expect(judgeSpeedups([timing('deref', Number.NaN, 10)]).code).toBe(1)
  })
})

describe('lakeTable (npm run bench:lake -- --readme)', () => {
  it('writes one row per query with both medians, the speed-up and the HTTP time', () => {
    const table = lakeTable([timing('deref', 0.12, 27.42)], {
      documents: 10_000,
      rounds: 5,
      date: '2026-12-03',
    })
    expect(table.split('\n')).toEqual([
      '`npm run bench:lake` over 10,000 documents, medians of 5 samples, 2026-12-03:',
      '',
      '| Query | Lake (by-id dereference) | Plain groq-js | Speed-up | Over HTTP (query worker) |',
      '| ----- | ------------------------ | ------------- | -------- | ------------------------ |',
      '| deref | 0.12 ms                  | 27.42 ms      | 228.5×   | 2.00 ms                  |',
    ])
  })
})

describe('npm run bench:lake -- --check --abuse', () => {
  it('is refused with what to run instead, not passed without a verdict', () => {
    const run = spawnSync(process.execPath, ['scripts/bench-lake.ts', '--check', '--abuse'], {
      cwd: join(import.meta.dirname, '..'),
      encoding: 'utf8',
    })
    expect(run.status).toBe(2)
    expect(run.stderr).toContain(
      'Cannot use --check with --abuse: --check holds the lesson-page queries to 50× plain groq-js. Run `npm run bench:lake -- --check` on its own.',
    )
  })
})
