import {afterEach, describe, expect, it} from 'vitest'

import {startTestLake} from '../test-lake.ts'

let stops: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const stop of stops.reverse()) await stop()
  stops = []
})

describe('QueryPool', () => {
  it('starts no query worker until a query needs one', async () => {
    const t = await startTestLake()
    stops.push(t.stop)
    expect(t.lake.state.queries.stats().workers).toBe(0)
    // What an import does: writes and reads by id, which run on the event loop.
    await t.client.createOrReplace({_id: 'lesson-a', _type: 'lesson', title: 'A'})
    expect(await t.client.getDocument('lesson-a')).toMatchObject({title: 'A'})
    expect(t.lake.state.queries.stats().workers).toBe(0)

    expect(await t.client.fetch('*[_type == "lesson"].title')).toEqual(['A'])
    expect(t.lake.state.queries.stats().workers).toBe(1)
  })
})
