import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {startTestLake} from '../test-lake.ts'

let t: Awaited<ReturnType<typeof startTestLake>>
beforeAll(async () => {
  t = await startTestLake()
})
afterAll(() => t.stop())

async function post(path: string, body: string, query = '') {
  const response = await fetch(`${t.lake.httpUrl}/v2025-02-19/${path}${query}`, {
    method: 'POST',
    headers: {...t.auth, 'content-type': 'application/json'},
    body,
  })
  const text = await response.text()
  return {status: response.status, text, body: JSON.parse(text)}
}

describe('transaction ids', () => {
  it('answers 409 to a repeated transactionId and writes nothing, on mutate and on actions', async () => {
    const first = await post(
      'data/mutate/test',
      JSON.stringify({transactionId: 'tx-once', mutations: [{create: {_id: 'a', _type: 'x'}}]}),
    )
    expect(first.status).toBe(200)
    const again = await post(
      'data/mutate/test',
      JSON.stringify({transactionId: 'tx-once', mutations: [{create: {_id: 'b', _type: 'x'}}]}),
    )
    expect(again.status).toBe(409)
    expect(again.body.error.description).toMatch(/already committed, expected a new transactionId/)
    const action = await post(
      'data/actions/test',
      JSON.stringify({
        transactionId: 'tx-once',
        actions: [
          {
            actionType: 'sanity.action.document.create',
            publishedId: 'c',
            attributes: {_id: 'drafts.c', _type: 'x'},
          },
        ],
      }),
    )
    expect(action.status).toBe(409)
    expect(await t.client.fetch('*[]._id | order(@)', {}, {perspective: 'raw'})).toEqual(['a'])
    expect((await t.client.getDocument('a'))?._rev).toBe('tx-once')
  })
})

describe('server faults', () => {
  it('reports a full disk as 507 naming the file and that nothing was written, then writes again once there is room', async () => {
    const dataset = t.lake.state.registry.get('test')
    const pages = Number(dataset.db.prepare('PRAGMA page_count').get()?.page_count)
    // SQLite's page cap makes the file "full" exactly as a full disk does (SQLITE_FULL).
    dataset.pragmaForWrites(`max_page_count = ${pages}`)
    const big = {_id: 'big', _type: 'x', text: 'x'.repeat(200_000)}
    const full = await post('data/mutate/test', JSON.stringify({mutations: [{create: big}]}))
    expect(full.status).toBe(507)
    expect(full.body.error.type).toBe('insufficientStorage')
    expect(full.body.error.description).toMatch(/test\.sqlite is full .*nothing of it was written/)
    expect(full.text).not.toMatch(/cannot rollback/)
    expect(await t.client.getDocument('big')).toBeUndefined()
    dataset.pragmaForWrites('max_page_count = 1073741823')
    await t.client.create(big)
    expect((await t.client.getDocument('big'))?.text).toHaveLength(200_000)
  })
})

describe('client mistakes', () => {
  it.each([
    ['invalid JSON', 'data/mutate/test', '{oops'],
    ['a JSON null body', 'data/mutate/test', 'null'],
    ['a JSON array body', 'data/mutate/test', '[]'],
    ['a null mutation', 'data/mutate/test', '{"mutations":[null]}'],
    ['a number as mutation', 'data/mutate/test', '{"mutations":[5]}'],
    ['an unknown mutation kind', 'data/mutate/test', '{"mutations":[{"upsert":{"_id":"a"}}]}'],
    ['a patch without id or query', 'data/mutate/test', '{"mutations":[{"patch":{"set":{}}}]}'],
    [
      'an insert patch without a position',
      'data/mutate/test',
      '{"mutations":[{"patch":{"id":"a","insert":{"foo":"x[0]","items":[1]}}}]}',
    ],
    [
      'an unset that is not a list',
      'data/mutate/test',
      '{"mutations":[{"patch":{"id":"a","unset":"x"}}]}',
    ],
    ['a numeric transactionId', 'data/mutate/test', '{"transactionId":5,"mutations":[]}'],
    [
      'a transactionId with spaces',
      'data/mutate/test',
      '{"transactionId":"a b","mutations":[{"delete":{"id":"z"}}]}',
    ],
    [
      'a body nested 10,000 levels',
      'data/mutate/test',
      `{"mutations":${'['.repeat(10_000)}${']'.repeat(10_000)}}`,
    ],
    ['a null action', 'data/actions/test', '{"actions":[null]}'],
    ['an unknown action', 'data/actions/test', '{"actions":[{"actionType":"sanity.action.nope"}]}'],
    [
      'a non-object document',
      'data/actions/test',
      '{"actions":[{"actionType":"sanity.action.document.replaceDraft","attributes":"x"}]}',
    ],
    ['a key-value without key', 'users/me/keyvalue', '[null]'],
  ])('answers %s with 4xx, not 500', async (_name, path, body) => {
    const method = path === 'users/me/keyvalue' ? 'PUT' : 'POST'
    const response = await fetch(`${t.lake.httpUrl}/v2025-02-19/${path}`, {
      method,
      headers: {...t.auth, 'content-type': 'application/json'},
      body,
    })
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
    expect((await response.json()).error.type).not.toBe('internalError')
  })

  it('answers a malformed percent-escape in the path with 400', async () => {
    const response = await fetch(`${t.lake.httpUrl}/v2025-02-19/data/doc/test/%zz`, {
      headers: t.auth,
    })
    expect(response.status).toBe(400)
  })
})

describe('large transactions', () => {
  it('are seen whole by the next query, document read and listener once answered, though the workers read them from the file', async () => {
    const client = t.client.withConfig({dataset: 'large'})
    const events: string[] = []
    const listening = client
      .listen('*[_type == "bulk"]', {}, {events: ['welcome', 'mutation'], includeResult: false})
      .subscribe((event) => events.push(event.type === 'mutation' ? event.documentId : 'welcome'))
    await expect.poll(() => events).toContain('welcome')
    // 400 documents of 1 KB: over the 256 KB a commit may have to be posted to the workers.
    const create = client.transaction()
    for (let n = 0; n < 400; n++)
      create.create({_id: `bulk-${n}`, _type: 'bulk', n, text: 'x'.repeat(1000)})
    await create.commit()
    expect(await client.fetch('count(*[_type == "bulk"])')).toBe(400)
    await client.mutate([
      {patch: {query: '*[_type == "bulk"]', set: {text: 'y'.repeat(1000)}}},
    ] as never)
    expect(await client.fetch('count(*[_type == "bulk" && text match "y*"])')).toBe(400)
    expect((await client.getDocument('bulk-399'))?.text).toMatch(/^y+$/)
    // Every event, in commit order: the 400 creations, then the 400 patches.
    await expect.poll(() => events.length).toBe(801)
    expect(events.slice(1, 401)).toEqual(Array.from({length: 400}, (_, n) => `bulk-${n}`))
    listening.unsubscribe()
  })
})
