import type {SanityClient} from '@sanity/client'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {createLakeClient} from '../client.ts'
import {startLake, type Lake} from '../start.ts'
import {startTestLake} from '../test-lake.ts'

let t: Awaited<ReturnType<typeof startTestLake>>
let client: SanityClient
let restarted: Lake | undefined

const ref = (id: string, extra: Record<string, unknown> = {}) => ({
  _type: 'reference',
  _ref: id,
  ...extra,
})

const action = (actions: unknown[]) =>
  client.request({method: 'POST', url: '/data/actions/test', body: {actions}})

/** The error body of a refused request (`ClientError.details`), failing if it was accepted. */
async function refusal(request: Promise<unknown>): Promise<Record<string, unknown>> {
  const error = await request.then(
    () => expect.unreachable('expected the lake to refuse the request'),
    (error: {statusCode: number; details: Record<string, unknown>}) => error,
  )
  expect(error.statusCode).toBe(409)
  return error.details
}

beforeAll(async () => {
  t = await startTestLake()
  client = t.client
})

afterAll(async () => {
  await restarted?.close()
  await t.stop()
})

describe('strong references to documents that do not exist', () => {
  it('refuses a transaction that creates one, with the reason per mutation, and writes nothing', async () => {
    const details = await refusal(
      client
        .transaction()
        .create({_id: 'ok-1', _type: 'module', title: 'Fine'})
        .create({_id: 'bad-1', _type: 'lesson', module: ref('missing-module')})
        .commit(),
    )
    expect(details).toEqual({
      type: 'mutationError',
      description: 'Mutation(s) failed with 1 error(s)',
      items: [
        {
          index: 1,
          error: {
            type: 'documentReferenceNotFoundError',
            description: 'Document "bad-1" references non-existent document "missing-module"',
            id: 'bad-1',
            referenceID: 'missing-module',
          },
        },
      ],
    })
    expect(await client.getDocuments(['ok-1', 'bad-1'])).toEqual([null, null])
  })

  it('names the broken reference in the @sanity/client error message', async () => {
    await expect(
      client.create({_id: 'bad-2', _type: 'lesson', module: ref('nowhere')}),
    ).rejects.toThrow(/references non-existent document "nowhere"/)
  })

  it('finds strong references at any depth, in arrays and objects', async () => {
    await client.create({_id: 'deep-target', _type: 'lesson'})
    await client.create({
      _id: 'deep',
      _type: 'course',
      blocks: [{inner: {link: ref('deep-target')}}],
    })
    const details = await refusal(
      client
        .patch('deep')
        .set({'blocks[0].inner.other': {list: [ref('deep-missing')]}})
        .commit(),
    )
    expect(details.items).toMatchObject([{error: {id: 'deep', referenceID: 'deep-missing'}}])
  })

  it('accepts a referrer written before its target in the same transaction', async () => {
    await client
      .transaction()
      .create({_id: 'course-a', _type: 'course', modules: [ref('module-a', {_key: 'a'})]})
      .create({_id: 'module-a', _type: 'module'})
      .commit()
    expect(await client.getDocument('course-a')).toBeDefined()
  })

  it('accepts weak references to documents that do not exist', async () => {
    await client.create({_id: 'weak-1', _type: 'lesson', next: ref('not-yet', {_weak: true})})
    expect(await client.getDocument('weak-1')).toMatchObject({next: {_ref: 'not-yet'}})
  })

  it('refuses drafts with strong references to missing documents, like the hosted lake', async () => {
    const details = await refusal(
      client.create({_id: 'drafts.draft-1', _type: 'lesson', module: ref('draft-missing')}),
    )
    expect(details.items).toMatchObject([{error: {id: 'drafts.draft-1'}}])
  })

  it('refuses a strong reference to a document that exists only as a draft', async () => {
    await client.create({_id: 'drafts.only-draft', _type: 'module'})
    await refusal(client.create({_id: 'to-draft', _type: 'lesson', module: ref('only-draft')}))
  })

  it('refuses the same on dryRun', async () => {
    await refusal(
      client.create({_id: 'dry', _type: 'lesson', module: ref('dry-missing')}, {dryRun: true}),
    )
  })
})

describe('deleting a strongly referenced document', () => {
  beforeAll(async () => {
    await client
      .transaction()
      .create({_id: 'target', _type: 'module'})
      .create({_id: 'referrer-1', _type: 'course', modules: [ref('target', {_key: 't'})]})
      .create({_id: 'drafts.referrer-2', _type: 'course', module: ref('target')})
      .create({_id: 'weak-referrer', _type: 'course', module: ref('target', {_weak: true})})
      .commit()
  })

  it("refuses it with Sanity's documentHasExistingReferencesError, naming every referrer", async () => {
    const details = await refusal(client.delete('target'))
    expect(details).toEqual({
      type: 'mutationError',
      description: 'Mutation(s) failed with 1 error(s)',
      items: [
        {
          index: 0,
          error: {
            type: 'documentHasExistingReferencesError',
            description:
              'Document "target" cannot be deleted as there are references to it from "drafts.referrer-2", "referrer-1"',
            id: 'target',
            referencingIDs: ['drafts.referrer-2', 'referrer-1'],
          },
        },
      ],
    })
    expect(await client.getDocument('target')).toBeDefined()
  })

  it('refuses it when deleting by query', async () => {
    await refusal(client.delete({query: '*[_id == "target"]'}))
  })

  it('allows it in a transaction that also removes or weakens every strong reference', async () => {
    await client.create({_id: 'target-2', _type: 'module'})
    await client.create({_id: 'r-a', _type: 'course', module: ref('target-2')})
    await client.create({_id: 'r-b', _type: 'course', modules: [ref('target-2', {_key: 'k'})]})
    await client
      .transaction()
      .delete('r-a')
      .patch('r-b', (patch) => patch.set({'modules[_key=="k"]._weak': true}))
      .delete('target-2')
      .commit()
    expect(await client.getDocuments(['target-2', 'r-a'])).toEqual([null, null])
  })

  it('refuses it when another mutation of the transaction re-adds a strong reference', async () => {
    await client.create({_id: 'target-3', _type: 'module'})
    await client.create({_id: 'r-c', _type: 'course'})
    await refusal(
      client
        .transaction()
        .patch('r-c', (patch) => patch.set({module: ref('target-3')}))
        .delete('target-3')
        .commit(),
    )
  })

  it('refuses the unpublish, delete and discard actions on a referenced document', async () => {
    const unpublish = await refusal(
      action([
        {
          actionType: 'sanity.action.document.unpublish',
          draftId: 'drafts.target',
          publishedId: 'target',
        },
      ]),
    )
    expect(unpublish.items).toMatchObject([
      {error: {type: 'documentHasExistingReferencesError', id: 'target'}},
    ])
    await refusal(
      action([
        {actionType: 'sanity.action.document.delete', publishedId: 'target', includeDrafts: []},
      ]),
    )
    await client.create({_id: 'drafts.draft-target', _type: 'module'})
    await client.create({_id: 'r-d', _type: 'course', module: ref('drafts.draft-target')})
    await refusal(
      action([{actionType: 'sanity.action.document.discard', draftId: 'drafts.draft-target'}]),
    )
    expect(await client.getDocument('target')).toBeDefined()
  })

  it('keeps refusing after a restart, with the index rebuilt from the dataset file', async () => {
    await t.lake.close()
    restarted = await startLake({dir: t.dir, log: () => undefined})
    client = createLakeClient({...restarted, token: restarted.token}, {dataset: 'test'})
    await refusal(client.delete('target'))
  })
})

describe('publishing', () => {
  it('makes `_strengthenOnPublish` references strong and refuses while their target is unpublished', async () => {
    await client.create({
      _id: 'drafts.pub-course',
      _type: 'course',
      module: ref('new-module', {_weak: true, _strengthenOnPublish: {type: 'module'}}),
      other: ref('kept-weak', {_weak: true, _strengthenOnPublish: {type: 'module', weak: true}}),
    })
    const publish = () =>
      action([
        {
          actionType: 'sanity.action.document.publish',
          draftId: 'drafts.pub-course',
          publishedId: 'pub-course',
        },
      ])
    const details = await refusal(publish())
    expect(details.items).toMatchObject([{error: {id: 'pub-course', referenceID: 'new-module'}}])
    await client.create({_id: 'new-module', _type: 'module'})
    await publish()
    const published = await client.getDocument('pub-course')
    expect(published?.module).toEqual(ref('new-module'))
    expect(published?.other).toEqual(ref('kept-weak', {_weak: true}))
    await refusal(client.delete('new-module'))
  })
})
