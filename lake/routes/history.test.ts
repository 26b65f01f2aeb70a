import {applyPatch} from 'mendoza'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {startTestLake} from '../test-lake.ts'

let t: Awaited<ReturnType<typeof startTestLake>>
const action = (actions: unknown[], transactionId: string) =>
  t.client.request({method: 'POST', url: '/data/actions/test', body: {actions, transactionId}})

beforeAll(async () => {
  t = await startTestLake()
  await t.client.create({_id: 'h1', _type: 'lesson', title: 'First'}, {
    transactionId: 'tx-create',
  } as never)
  await action(
    [
      {
        actionType: 'sanity.action.document.edit',
        draftId: 'drafts.h1',
        publishedId: 'h1',
        patch: {set: {title: 'Second'}},
      },
    ],
    'tx-edit',
  )
  await action(
    [{actionType: 'sanity.action.document.publish', draftId: 'drafts.h1', publishedId: 'h1'}],
    'tx-publish',
  )
})
afterAll(() => t.stop())

const history = (path: string) =>
  fetch(`${t.lake.httpUrl}/v2025-02-19/data/history/test/${path}`, {headers: t.auth})

describe('history', () => {
  it("lists a document's transactions as NDJSON with mendoza effects", async () => {
    const text = await (
      await history('transactions/h1,drafts.h1?excludeContent=true&effectFormat=mendoza')
    ).text()
    const lines = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    expect(lines.map((tx) => tx.id)).toEqual([expect.any(String), 'tx-edit', 'tx-publish'])
    const publish = lines[2]
    expect(publish.documentIDs.sort()).toEqual(['drafts.h1', 'h1'])
    expect(applyPatch({_id: 'h1', title: 'First'}, publish.effects.h1.apply)).toMatchObject({
      title: 'Second',
      _rev: 'tx-publish',
    })
  })

  it('pages backwards with reverse, limit and toTransaction', async () => {
    const text = await (
      await history('transactions/h1,drafts.h1?reverse=true&limit=2&toTransaction=tx-publish')
    ).text()
    expect(
      text
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).id),
    ).toEqual(['tx-publish', 'tx-edit'])
  })

  it('returns documents as they were at a revision', async () => {
    const body = await (await history('documents/h1,drafts.h1?revision=tx-edit')).json()
    const byId = Object.fromEntries(body.documents.map((doc: {_id: string}) => [doc._id, doc]))
    expect(byId.h1.title).toBe('First')
    expect(byId['drafts.h1'].title).toBe('Second')
  })

  it('lists the document events newest first: publish after draft creation', async () => {
    const body = await (await history('events/documents/h1?limit=100')).json()
    const types = body.events.h1.map((event: {type: string}) => event.type)
    expect(types).toEqual([
      'publishDocumentVersion',
      'createDocumentVersion',
      'publishDocumentVersion',
    ])
    expect(body.events.h1[0]).toMatchObject({
      revisionId: 'tx-publish',
      versionId: 'drafts.h1',
      versionRevisionId: 'tx-edit',
    })
  })
})
