import {describe, expect, it} from 'vitest'

import {studioSummary, type StudioFigures, type StudioRun} from './benchStudioTable.ts'

const figures: StudioFigures = {
  firstMs: 3412,
  structureMs: [1320, 1104, 1498, 1210, 1262],
  lesson: {title: 'Core Responsibilities of a Product Manager', blocks: 10},
  formMs: [2710, 3105, 2640, 2904, 2850],
  cpu: {
    all: [3100, 3250, 3480, 3120, 3300],
    rendererMain: [1400, 1550, 1610, 1420, 1500],
    gpu: [1210, 1190, 1330, 1250, 1300],
  },
}

const run: StudioRun = {
  rounds: 5,
  source: {site: 'content'},
  cores: 2,
  load: {before: '1.2 1.6 1.5', after: '2.3 1.8 1.6'},
  date: '2026-12-03',
}

describe('studioSummary (npm run bench:studio -- --readme)', () => {
  it('writes the median, the min–max and the sample count of each measure under a line naming the run', () => {
    expect(studioSummary(figures, run).split('\n')).toEqual([
      '`npm run bench:studio -- --rounds 5 --site content` on 2 cores, load average 1.2 1.6 1.5 before and 2.3 1.8 1.6 after, 2026-12-03:',
      '',
      '| Measure                                                                                      | Median | Min–max     | Samples |',
      '| -------------------------------------------------------------------------------------------- | ------ | ----------- | ------- |',
      '| First visit (empty cache) to the structure                                                   | 3.41 s | —           | 1       |',
      '| Reload to the structure                                                                      | 1.26 s | 1.10–1.50 s | 5       |',
      '| Reload of "Core Responsibilities of a Product Manager" (10 body blocks) to its body editable | 2.85 s | 2.64–3.10 s | 5       |',
      '| Chromium CPU per lesson reload                                                               | 3.25 s | 3.10–3.48 s | 5       |',
      "| … of which the page's main thread                                                            | 1.50 s | 1.40–1.61 s | 5       |",
      '| … of which the GPU process (compositing)                                                     | 1.25 s | 1.19–1.33 s | 5       |',
    ])
  })

  it('gives no range for a single sample and leaves out the lesson and CPU rows when there is no lesson or /proc', () => {
    const lines = studioSummary(
      {
        ...figures,
        structureMs: [1262],
        lesson: null,
        formMs: [],
        cpu: {all: [], rendererMain: [], gpu: []},
      },
      {...run, source: {seed: 'seed.ndjson'}, rounds: 1},
    ).split('\n')
    expect(lines[0]).toBe(
      '`npm run bench:studio -- --rounds 1 --seed seed.ndjson` on 2 cores, load average 1.2 1.6 1.5 before and 2.3 1.8 1.6 after, 2026-12-03:',
    )
    expect(lines.slice(2)).toEqual([
      '| Measure                                    | Median | Min–max | Samples |',
      '| ------------------------------------------ | ------ | ------- | ------- |',
      '| First visit (empty cache) to the structure | 3.41 s | —       | 1       |',
      '| Reload to the structure                    | 1.26 s | —       | 1       |',
    ])
  })

  it("escapes a pipe in the lesson's title so the table keeps its columns", () => {
    const table = studioSummary({...figures, lesson: {title: 'A | B', blocks: 2}}, run)
    expect(table).toMatch(
      /^\| Reload of "A \\\| B" \(2 body blocks\) to its body editable +\| 2\.85 s \|/m,
    )
  })

  it('gives the median of an even count as the mean of its middle samples, as the console does', () => {
    const table = studioSummary({...figures, structureMs: [1400, 1100, 1300, 1200]}, run)
    expect(table).toMatch(/^\| Reload to the structure +\| 1\.25 s +\| 1\.10–1\.40 s +\| 4 +\|$/m)
  })
})
