import {describe, expect, it} from 'vitest'

import type {Usage} from './bench-measure.ts'
import {judgeRatios, LIMITS} from './benchCheck.ts'

const floor: Usage = {cpuS: 10, wallS: 10, peakMb: 200}
const round = (cpuRatio: number, memoryRatio: number) => ({
  floor,
  command: {cpuS: 10 * cpuRatio, wallS: 8, peakMb: 200 * memoryRatio},
})

describe('judgeRatios (npm run bench -- --check)', () => {
  it('passes a command within both limits', () => {
    const verdict = judgeRatios([round(1.4, 2.1), round(1.5, 2.2), round(1.3, 2.0)], 'a site')
    expect(verdict.code).toBe(0)
    expect(verdict.failures).toEqual([])
    expect(verdict.summary).toMatch(
      /1\.40× the floor's CPU \(limit 2×\) and 2\.10× its peak memory/,
    )
  })

  it('exits 1 and names the CPU ratio and its limit when the CPU ratio is over', () => {
    const verdict = judgeRatios([round(2.4, 2), round(2.6, 2), round(2.5, 2)], 'a site')
    expect(verdict.code).toBe(1)
    expect(verdict.failures).toHaveLength(1)
    expect(verdict.failures[0]).toMatch(/cpu is 2\.50× the bare parse's, over the limit of 2×/)
  })

  it('exits 1 and names the memory ratio when peak memory is over', () => {
    const verdict = judgeRatios([round(1.2, LIMITS.memory + 0.5)], 'a site')
    expect(verdict.code).toBe(1)
    expect(verdict.failures.join('\n')).toMatch(
      /memory is 4\.00× the bare parse's, over the limit of 3\.5×/,
    )
  })

  it('judges the median round, so one disturbed round neither fails nor passes it alone', () => {
    expect(judgeRatios([round(1.4, 2), round(5, 2), round(1.5, 2)], 'x').code).toBe(0)
    expect(judgeRatios([round(2.5, 2), round(1.2, 2), round(2.6, 2)], 'x').code).toBe(1)
  })
})
