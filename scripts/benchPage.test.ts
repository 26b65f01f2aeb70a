import {describe, expect, it} from 'vitest'

import {pageSummary, pageTable} from './bench-page-run.ts'

describe("bench:page's README table", () => {
  const rows = [
    {mb: 0.5, seconds: 2.468, bodyMb: 2.91, heapMb: 230.4},
    {mb: 5, seconds: 19.7, bodyMb: 29.04, heapMb: 1012.6},
  ]

  it("writes one row per page size with its CPU per MB and the body's growth", () => {
    const lines = pageTable(rows).split('\n')
    expect(lines).toHaveLength(4)
    expect(lines[2]).toBe(
      '| 0.5 MB | 2.47 s  | 4.94 s | 2.9 MB                    | 5.8×        | 230 MB  |',
    )
    expect(lines[3]).toBe(
      '| 5 MB   | 19.70 s | 3.94 s | 29.0 MB                   | 5.8×        | 1013 MB |',
    )
  })

  it('pads every column to its widest cell under a header and a dash line, as Prettier does', () => {
    expect(pageTable([{mb: 1, seconds: 4, bodyMb: 5.8, heapMb: 300}])).toBe(
      [
        '| Page | CPU    | per MB | Body (Portable Text JSON) | Body / page | Heap   |',
        '| ---- | ------ | ------ | ------------------------- | ----------- | ------ |',
        '| 1 MB | 4.00 s | 4.00 s | 5.8 MB                    | 5.8×        | 300 MB |',
      ].join('\n'),
    )
  })

  it('introduces the table with the command, CPU on this machine and the ISO date', () => {
    const summary = pageSummary(rows, '2026-12-03')
    expect(summary).toBe(
      `\`npm run bench:page\`, CPU time on this machine, 2026-12-03:\n\n${pageTable(rows)}`,
    )
  })
})
