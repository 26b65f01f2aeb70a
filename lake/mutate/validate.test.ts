import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {startLake} from '../start.ts'
import {startTestLake} from '../test-lake.ts'

let t: Awaited<ReturnType<typeof startTestLake>>
let restarted: Awaited<ReturnType<typeof startLake>> | undefined
beforeAll(async () => {
  t = await startTestLake()
  await t.client.create({_id: 'existing', _type: 'lesson', title: 'Kept'})
})
afterAll(async () => {
  await restarted?.close()
  await t.stop()
})

type Answer = {status: number; body: {error?: {type?: string; items?: unknown[]}}}

/** Posts a raw JSON body (so the test can send what @sanity/client would refuse to build). */
async function post(path: string, body: string): Promise<Answer> {
  const response = await fetch(`${t.lake.httpUrl}/v2025-02-19/data/${path}/test`, {
    method: 'POST',
    headers: {...t.auth, 'content-type': 'application/json'},
    body,
  })
  return {status: response.status, body: await response.json()}
}

const mutate = (mutations: unknown[]) => post('mutate', JSON.stringify({mutations}))
const act = (actions: unknown[]) => post('actions', JSON.stringify({actions}))

/** A document whose `deep` attribute nests `levels` objects. */
const deepDocument = (id: string, levels: number) =>
  `{"_id":"${id}","_type":"x","deep":${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}}`

/** Sanity's shape for a refused document: 400 `mutationError` with a `validationError` item. */
function expectRefused(answer: Answer, description: RegExp) {
  expect(answer.status).toBe(400)
  expect(answer.body.error).toMatchObject({
    type: 'mutationError',
    items: [{error: {type: 'validationError', description: expect.stringMatching(description)}}],
  })
}

/** What every later read must still answer: the dataset as it was before the refused writes. */
async function expectDatasetIntact() {
  expect(await t.client.fetch('*[]._id', {}, {perspective: 'raw'})).toEqual(['existing'])
}

describe('document ids', () => {
  it.each([
    ['a number', 5],
    ['a leading dash', '-lead'],
    ['a space and a slash', 'a b/c'],
    ['an empty path segment', 'a..b'],
    ['129 characters', 'x'.repeat(129)],
    ['5,000 characters', 'x'.repeat(5000)],
    ['an object', {nested: true}],
  ])(
    'refuses an _id that is %s on create, createOrReplace and createIfNotExists',
    async (_name, id) => {
      for (const kind of ['create', 'createOrReplace', 'createIfNotExists']) {
        const answer = await mutate([{[kind]: {_id: id, _type: 'lesson'}}])
        expectRefused(answer, /^Malformed document ID: /)
      }
      await expectDatasetIntact()
    },
  )

  it.each([
    [
      'replaceDraft',
      {
        actionType: 'sanity.action.document.replaceDraft',
        publishedId: 'p',
        attributes: {_id: 'a b/c', _type: 'x'},
      },
    ],
    [
      'version.replace',
      {actionType: 'sanity.action.document.version.replace', document: {_id: 5, _type: 'x'}},
    ],
    [
      'version.create',
      {
        actionType: 'sanity.action.document.version.create',
        publishedId: 'p',
        document: {_id: 'x'.repeat(200), _type: 'x'},
      },
    ],
    [
      'create',
      {
        actionType: 'sanity.action.document.create',
        publishedId: 'p',
        attributes: {_id: '-x', _type: 'x'},
      },
    ],
  ])('refuses a malformed _id in the %s action', async (_name, action) => {
    expectRefused(await act([action]), /^Malformed document ID: /)
    await expectDatasetIntact()
  })

  it('accepts ids at the limits: 128 characters, dots, dashes and underscores', async () => {
    const id = `a_b-c.d${'x'.repeat(121)}`
    expect(id).toHaveLength(128)
    await t.client.create({_id: id, _type: 'lesson'})
    expect(await t.client.getDocument(id)).toMatchObject({_id: id})
    await t.client.delete(id)
  })
})

describe('document types', () => {
  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['a number', 3],
  ])('refuses a _type that is %s on every write path', async (_name, type) => {
    expectRefused(await mutate([{createOrReplace: {_id: 'typed', _type: type}}]), /_type/)
    const patch = type === undefined ? {unset: ['_type']} : {set: {_type: type}}
    expectRefused(await mutate([{patch: {id: 'existing', ...patch}}]), /_type/)
    expectRefused(
      await act([
        {
          actionType: 'sanity.action.document.replaceDraft',
          publishedId: 'typed',
          attributes: {_id: 'drafts.typed', _type: type},
        },
      ]),
      /_type/,
    )
    await expectDatasetIntact()
  })
})

describe('document shapes', () => {
  it('refuses a document nested 21 attributes deep (Sanity allows 20) and accepts 20', async () => {
    expectRefused(
      await post('mutate', `{"mutations":[{"create":${deepDocument('deep21', 20)}}]}`),
      /nested 21 levels deep, over Sanity's limit of 20/,
    )
    const accepted = await post(
      'mutate',
      `{"mutations":[{"create":${deepDocument('deep20', 19)}}]}`,
    )
    expect(accepted.status).toBe(200)
    await t.client.delete('deep20')
  })

  it('refuses a patch or an edit action that would nest a document too deeply', async () => {
    const path = Array.from({length: 21}, () => 'a').join('.')
    expectRefused(
      await mutate([
        {patch: {id: 'existing', setIfMissing: {[path.split('.')[0]]: {}}, set: {[path]: 1}}},
      ]),
      /nested 21 levels deep/,
    )
    const deep = JSON.parse(`${'{"a":'.repeat(20)}1${'}'.repeat(20)}`)
    expectRefused(
      await act([
        {
          actionType: 'sanity.action.document.edit',
          draftId: 'drafts.existing',
          publishedId: 'existing',
          patch: {set: {deep}},
        },
      ]),
      /nested 21 levels deep/,
    )
    await expectDatasetIntact()
  })

  it('refuses a document with more than 1,000 attributes', async () => {
    const wide = Object.fromEntries(Array.from({length: 1000}, (_, i) => [`f${i}`, i]))
    expectRefused(
      await mutate([{create: {_id: 'wide', _type: 'x', ...wide}}]),
      /more than 1000 attributes/,
    )
    await expectDatasetIntact()
  })

  it('accepts a document of more than 1,000 values that repeat fewer attributes, and refuses one level too deep inside it', async () => {
    const items = Array.from({length: 2000}, (_, i) => ({_key: `k${i}`, text: `item ${i}`}))
    expect((await mutate([{create: {_id: 'long', _type: 'x', items}}])).status).toBe(200)
    expect((await mutate([{delete: {id: 'long'}}])).status).toBe(200)
    let deep: Record<string, unknown> = {leaf: 1}
    for (let level = 0; level < 20; level++) deep = {child: deep}
    expectRefused(
      await mutate([{create: {_id: 'long-deep', _type: 'x', items: [...items, deep]}}]),
      /nested 21 levels deep/,
    )
    await expectDatasetIntact()
  })

  it('names each refused document with the index of its mutation', async () => {
    const answer = await mutate([
      {create: {_id: 'fine', _type: 'x'}},
      {create: {_id: 'no-type'}},
      {createOrReplace: {_id: 'also-no-type', _type: ''}},
    ])
    expect(answer.status).toBe(400)
    expect(answer.body.error?.items).toEqual([expect.objectContaining({index: 1})])
    await expectDatasetIntact()
  })
})

// Last: it restarts the lake on the same port, which the client then reaches.
describe('a pathologically deep document', () => {
  it('refuses a 4,400-level document with 400, and the dataset still answers queries, history and a restart', async () => {
    const answer = await post('mutate', `{"mutations":[{"create":${deepDocument('deep', 4400)}}]}`)
    expect(answer.status).toBe(400)
    await expectDatasetIntact()
    const history = await fetch(
      `${t.lake.httpUrl}/v2025-02-19/data/history/test/transactions/existing,deep`,
      {headers: t.auth},
    )
    expect(history.status).toBe(200)
    await t.lake.close()
    restarted = await startLake({dir: t.dir, port: t.lake.port, log: () => undefined})
    await expectDatasetIntact()
  })
})
