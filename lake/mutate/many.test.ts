import {afterEach, describe, expect, it} from 'vitest'
import {seedDataset} from '../groq/abuse.test-support.ts'
import {startTestLake} from '../test-lake.ts'

let stop: (() => Promise<void>) | undefined
afterEach(async () => {
  await stop?.()
  stop = undefined
})

describe('a mutation that changes very many documents', () => {
  it('patches every document a query selects, however many, and answers each', async () => {
    const t = await startTestLake()
    stop = t.stop
    const count = 160_000
    seedDataset(
      t.lake,
      'test',
      Array.from({length: count}, (_, n) => ({_id: `d${n}`, _type: 'd'})),
    )
    const response = await fetch(`${t.lake.httpUrl}/v2025-02-19/data/mutate/test`, {
      method: 'POST',
      headers: {...t.auth, 'content-type': 'application/json'},
      body: JSON.stringify({mutations: [{patch: {query: '*[_type == "d"]', set: {seen: true}}}]}),
    })
    const body = (await response.json()) as {results?: unknown[]; error?: unknown}
    expect(body.error).toBeUndefined()
    expect(response.status).toBe(200)
    expect(body.results).toHaveLength(count)
    expect(await t.client.fetch('count(*[seen])')).toBe(count)
  }, 120_000)
})
