import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {startTestLake} from '../test-lake.ts'

const lines: string[] = []
let t: Awaited<ReturnType<typeof startTestLake>>
beforeAll(async () => {
  t = await startTestLake({log: (line) => lines.push(line)})
})
afterAll(() => t.stop())

describe('a flood of requests to unknown endpoints', () => {
  it('keeps at most 100 records and logs a bounded number of lines', async () => {
    for (let n = 0; n < 300; n++) {
      const response = await fetch(`${t.lake.httpUrl}/v1/no-such-endpoint/${n}`, {headers: t.auth})
      expect(response.status).toBe(404)
    }
    expect(t.lake.unknownEndpoints).toHaveLength(100)
    expect(t.lake.unknownEndpoints[0].path).toBe('/v1/no-such-endpoint/0')
    // 100 lines a minute; a machine slow enough to cross into a second minute logs 100 more.
    expect(lines.length).toBeGreaterThanOrEqual(100)
    expect(lines.length).toBeLessThanOrEqual(201)
  })
})
