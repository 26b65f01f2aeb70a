import type {SanityClient} from '@sanity/client'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {createLakeClient} from './client.ts'
import {startTestLake} from './test-lake.ts'

let t: Awaited<ReturnType<typeof startTestLake>>
let client: SanityClient

beforeAll(async () => {
  t = await startTestLake()
  client = t.client
  await client
    .transaction()
    .create({
      _id: 'course-1',
      _type: 'course',
      title: 'Product management',
      modules: [{_type: 'reference', _ref: 'module-1', _key: 'm1'}],
    })
    .create({
      _id: 'module-1',
      _type: 'module',
      title: 'Foundations',
      lessons: [{_type: 'reference', _ref: 'lesson-1', _key: 'l1'}],
    })
    .create({
      _id: 'lesson-1',
      _type: 'lesson',
      title: 'Core responsibilities',
      module: {_type: 'reference', _ref: 'module-1'},
    })
    .create({
      _id: 'drafts.lesson-1',
      _type: 'lesson',
      title: 'Core responsibilities (draft)',
      module: {_type: 'reference', _ref: 'module-1'},
    })
    .create({_id: 'drafts.lesson-2', _type: 'lesson', title: 'Only a draft'})
    .commit()
})

afterAll(() => t.stop())

describe('query', () => {
  it('answers GET queries with $params and reports the query and time', async () => {
    const raw = await client.fetch(
      '*[_type == $type && title match $word].title',
      {type: 'lesson', word: 'core'},
      {filterResponse: false},
    )
    expect(raw.result.sort()).toEqual(['Core responsibilities', 'Core responsibilities (draft)'])
    expect(raw.query).toContain('_type == $type')
    expect(typeof raw.ms).toBe('number')
  })

  it('answers long queries over POST', async () => {
    const padding = ' '.repeat(12_000)
    expect(await client.fetch(`count(*[_type == "course"])${padding}`)).toBe(1)
  })

  it('resolves references with ->', async () => {
    const result = await client.fetch(
      '*[_id == "course-1"][0]{title, "modules": modules[]->{title, "lessons": lessons[]->title}}',
    )
    expect(result).toEqual({
      title: 'Product management',
      modules: [{title: 'Foundations', lessons: ['Core responsibilities']}],
    })
  })

  it('shows only published documents in the published perspective', async () => {
    const titles = await client.fetch('*[_type == "lesson"].title', {}, {perspective: 'published'})
    expect(titles).toEqual(['Core responsibilities'])
  })

  it('overlays drafts on published documents in the drafts perspective, keeping the published _id', async () => {
    const docs = await client.fetch(
      '*[_type == "lesson"] | order(_id){_id, _originalId, title}',
      {},
      {perspective: 'drafts'},
    )
    expect(docs).toEqual([
      {_id: 'lesson-1', _originalId: 'drafts.lesson-1', title: 'Core responsibilities (draft)'},
      {_id: 'lesson-2', _originalId: 'drafts.lesson-2', title: 'Only a draft'},
    ])
  })

  it('defaults to the published perspective from API version 2025-02-19 on, raw before', async () => {
    const titles = async (version: string) => {
      const query = encodeURIComponent('*[_type == "lesson"].title')
      const response = await fetch(`${t.lake.httpUrl}/v${version}/data/query/test?query=${query}`, {
        headers: t.auth,
      })
      return ((await response.json()).result as string[]).sort()
    }
    expect(await titles('2025-02-19')).toEqual(['Core responsibilities'])
    expect(await titles('2021-06-07')).toHaveLength(3)
  })

  it('supports the Studio search with text::query and score', async () => {
    const query =
      '*[_type in $__types] | score(boost(_type in ["lesson"] && title match text::query($__query), 10), [@, _id] match text::query($__query)) [_score > 0]{_id, _score} | order(_score desc)'
    const hits = await client.fetch(
      query,
      {__types: ['lesson', 'course'], __query: 'respons* -draft'},
      {perspective: 'raw'},
    )
    expect(hits.map((hit: {_id: string}) => hit._id)).toEqual(['lesson-1'])
  })

  it("answers GROQ syntax errors with Sanity's queryParseError shape and position", async () => {
    const response = await fetch(
      `${t.lake.httpUrl}/v2025-02-19/data/query/test?query=${encodeURIComponent('*[_type == ]')}`,
      {headers: t.auth},
    )
    expect(response.status).toBe(400)
    const body = await response.json()
    expect(body.error).toMatchObject({type: 'queryParseError', query: '*[_type == ]', start: 10})
    await expect(client.fetch('*[_type == ]')).rejects.toThrow(/GROQ query parse error/)
  })

  it('answers a POSTed query body that is not an object, has non-object params or nests too deep with 400', async () => {
    const deepParams = `{"query":"$a","params":{"a":${'['.repeat(5000)}${']'.repeat(5000)}}}`
    for (const body of [
      'null',
      '{"query":"*","params":5}',
      '{"query":"*","params":[1]}',
      deepParams,
    ]) {
      const response = await fetch(`${t.lake.httpUrl}/v2025-02-19/data/query/test`, {
        method: 'POST',
        headers: {...t.auth, 'content-type': 'application/json'},
        body,
      })
      expect(response.status, body.slice(0, 40)).toBe(400)
      expect((await response.json()).error.description).toMatch(/^Cannot /)
    }
  })
})

describe('documents', () => {
  it('returns documents by id and lists the missing ones as omitted', async () => {
    const response = await fetch(`${t.lake.httpUrl}/v1/data/doc/test/lesson-1,nope`, {
      headers: t.auth,
    })
    const body = await response.json()
    expect(body.documents.map((doc: {_id: string}) => doc._id)).toEqual(['lesson-1'])
    expect(body.omitted).toEqual([{id: 'nope', reason: 'existence'}])
    expect(await client.getDocument('module-1')).toMatchObject({title: 'Foundations'})
  })
})

describe('references', () => {
  it('answers the cross-dataset references the Studio checks before a delete: none', async () => {
    const url = `${t.lake.httpUrl}/v2025-02-19/data/references/test/documents/lesson-1/to?excludeInternalReferences=true&excludePaths=true`
    const response = await fetch(url, {headers: t.auth})
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({totalCount: 0, references: []})
    expect((await fetch(url)).status).toBe(401)
  })
})

describe('mutate', () => {
  it('creates with a generated id and returns the document', async () => {
    const doc = await client.create({_type: 'note', text: 'hi'})
    expect(doc._id).toMatch(/^[a-zA-Z0-9]{10,}$/)
    expect(doc._rev).toBeTruthy()
    expect(doc._createdAt).toBe(doc._updatedAt)
  })

  it('uses the transactionId the client sent as the new _rev', async () => {
    const result = await client
      .transaction()
      .createOrReplace({_id: 'rev-test', _type: 'note'})
      .transactionId('my-tx-1')
      .commit()
    expect(result.transactionId).toBe('my-tx-1')
    expect((await client.getDocument('rev-test'))?._rev).toBe('my-tx-1')
  })

  it('applies every patch operation', async () => {
    await client.createOrReplace({
      _id: 'patch-me',
      _type: 'note',
      title: 'hello world',
      count: 1,
      drop: true,
      list: [{_key: 'a', v: 1}],
    })
    const doc = await client
      .patch('patch-me')
      .set({'nested.value': 'x'})
      .setIfMissing({tags: []})
      .unset(['drop'])
      .inc({count: 5})
      .dec({count: 1})
      .insert('after', 'list[_key=="a"]', [{_key: 'b', v: 2}])
      .diffMatchPatch({title: '@@ -1,5 +1,5 @@\n-hello\n+HELLO\n'})
      .commit()
    expect(doc).toMatchObject({
      title: 'HELLO world',
      count: 5,
      nested: {value: 'x'},
      tags: [],
      list: [{_key: 'a'}, {_key: 'b'}],
    })
    expect(doc).not.toHaveProperty('drop')
  })

  it('answers 409 when ifRevisionID does not match, and changes nothing', async () => {
    const doc = await client.createOrReplace({_id: 'locked', _type: 'note', n: 1})
    await expect(
      client.patch('locked').ifRevisionId('wrong').set({n: 2}).commit(),
    ).rejects.toMatchObject({statusCode: 409})
    await client.patch('locked').ifRevisionId(doc._rev).set({n: 3}).commit()
    expect((await client.getDocument('locked'))?.n).toBe(3)
  })

  it('answers 409 when creating an existing id, and rolls back the whole transaction', async () => {
    const attempt = client
      .transaction()
      .create({_id: 'fresh-1', _type: 'note'})
      .create({_id: 'lesson-1', _type: 'lesson'})
      .commit()
    await expect(attempt).rejects.toMatchObject({statusCode: 409})
    expect(await client.getDocument('fresh-1')).toBeUndefined()
  })

  it('keeps existing documents on createIfNotExists', async () => {
    await client.createIfNotExists({_id: 'module-1', _type: 'module', title: 'replaced?'})
    expect((await client.getDocument('module-1'))?.title).toBe('Foundations')
  })

  it('deletes by id and by query', async () => {
    await client
      .transaction()
      .create({_id: 'tmp-1', _type: 'tmp'})
      .create({_id: 'tmp-2', _type: 'tmp'})
      .create({_id: 'tmp-3', _type: 'tmp'})
      .commit()
    await client.delete('tmp-1')
    const result = await client.delete({query: '*[_type == $t]', params: {t: 'tmp'}})
    expect(result.results.map((r) => r.id).sort()).toEqual(['tmp-2', 'tmp-3'])
    expect(await client.fetch('count(*[_type == "tmp"])')).toBe(0)
  })

  it('returns ids without documents and changes nothing on dryRun', async () => {
    const result = await client.create(
      {_id: 'dry', _type: 'note'},
      {dryRun: true, returnDocuments: false},
    )
    expect(result).toMatchObject({documentId: 'dry'})
    expect(await client.getDocument('dry')).toBeUndefined()
  })

  it('refuses writes without the token', async () => {
    const anonymous = createLakeClient(
      {httpUrl: t.lake.httpUrl, projectId: 'local'},
      {dataset: 'test'},
    )
    await expect(anonymous.create({_type: 'note'})).rejects.toMatchObject({statusCode: 401})
  })
})

describe('actions', () => {
  const action = (actions: unknown[], transactionId?: string) =>
    client.request({method: 'POST', url: '/data/actions/test', body: {actions, transactionId}})

  it('edits by creating the draft from the published document, then publishes it', async () => {
    await client.createOrReplace({_id: 'pub-1', _type: 'lesson', title: 'Published', body: 'text'})
    await action(
      [
        {
          actionType: 'sanity.action.document.edit',
          draftId: 'drafts.pub-1',
          publishedId: 'pub-1',
          patch: {set: {title: 'Edited'}},
        },
      ],
      'edit-tx',
    )
    expect(await client.getDocument('drafts.pub-1')).toMatchObject({
      title: 'Edited',
      body: 'text',
      _rev: 'edit-tx',
    })
    await expect(
      action([
        {
          actionType: 'sanity.action.document.publish',
          draftId: 'drafts.pub-1',
          publishedId: 'pub-1',
          ifDraftRevisionId: 'stale',
        },
      ]),
    ).rejects.toMatchObject({statusCode: 409})
    await action([
      {
        actionType: 'sanity.action.document.publish',
        draftId: 'drafts.pub-1',
        publishedId: 'pub-1',
        ifDraftRevisionId: 'edit-tx',
      },
    ])
    expect(await client.getDocument('pub-1')).toMatchObject({title: 'Edited'})
    expect(await client.getDocument('drafts.pub-1')).toBeUndefined()
  })

  it('creates, unpublishes, discards, replaces drafts and deletes', async () => {
    await action([
      {
        actionType: 'sanity.action.document.create',
        publishedId: 'act-1',
        attributes: {_id: 'drafts.act-1', _type: 'lesson', title: 'New'},
        ifExists: 'fail',
      },
    ])
    await action([
      {actionType: 'sanity.action.document.publish', draftId: 'drafts.act-1', publishedId: 'act-1'},
    ])
    await action([
      {
        actionType: 'sanity.action.document.unpublish',
        draftId: 'drafts.act-1',
        publishedId: 'act-1',
      },
    ])
    expect(await client.getDocument('act-1')).toBeUndefined()
    expect(await client.getDocument('drafts.act-1')).toMatchObject({title: 'New'})
    await action([
      {
        actionType: 'sanity.action.document.replaceDraft',
        publishedId: 'act-1',
        attributes: {_id: 'drafts.act-1', _type: 'lesson', title: 'Replaced'},
      },
    ])
    expect((await client.getDocument('drafts.act-1'))?.title).toBe('Replaced')
    await action([{actionType: 'sanity.action.document.discard', draftId: 'drafts.act-1'}])
    expect(await client.getDocument('drafts.act-1')).toBeUndefined()
    await client.createOrReplace({_id: 'act-2', _type: 'lesson'})
    await action([
      {
        actionType: 'sanity.action.document.delete',
        publishedId: 'act-2',
        includeDrafts: ['drafts.act-2'],
      },
    ])
    expect(await client.getDocument('act-2')).toBeUndefined()
  })
})

describe('endpoints', () => {
  it('answers unknown endpoints 404 with a clear message and records them', async () => {
    const response = await fetch(`${t.lake.httpUrl}/v2025-01-01/no/such/thing`)
    expect(response.status).toBe(404)
    expect((await response.json()).error.description).toMatch(
      /Unknown endpoint: GET \/no\/such\/thing/,
    )
    expect(t.lake.unknownEndpoints.map((e) => e.path)).toContain('/v2025-01-01/no/such/thing')
    t.lake.unknownEndpoints.length = 0
  })

  it("answers the Studio's user and project endpoints as a local administrator", async () => {
    const me = await client.request({url: '/users/me'})
    expect(me).toMatchObject({id: 'local-admin', role: 'administrator'})
    expect(await client.request({url: '/projects/local'})).toMatchObject({id: 'local'})
    expect(await client.request({url: '/projects/local/datasets/test/acl'})).toEqual([
      expect.objectContaining({permissions: expect.arrayContaining(['update'])}),
    ])
    expect(await client.request({url: '/features'})).toEqual([])
    expect(await client.request({url: '/ping'})).toBe('PONG')
  })

  it('allows CORS only from the Studio origin', async () => {
    const preflight = (origin: string) =>
      fetch(`${t.lake.httpUrl}/v1/data/mutate/test`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type',
        },
      })
    const allowed = await preflight('http://localhost:3333')
    expect(allowed.status).toBe(204)
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:3333')
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true')
    expect(allowed.headers.get('access-control-allow-headers')).toBe('authorization,content-type')
    const refused = await preflight('https://evil.example')
    expect(refused.status).toBe(403)
    expect(refused.headers.get('access-control-allow-origin')).toBeNull()
  })

  it("tells the Studio's CORS check whether its origin is allowed, readable from any origin", async () => {
    const check = (origin: string) =>
      fetch(`${t.lake.httpUrl}/v2026-05-04/check/cors`, {headers: {origin}})
    const allowed = await check('http://localhost:3333')
    expect(allowed.status).toBe(200)
    expect(await allowed.json()).toEqual({result: {allowed: true, withCredentials: true}})
    const refused = await check('https://evil.example')
    expect(refused.status).toBe(200)
    expect(refused.headers.get('access-control-allow-origin')).toBe('*')
    expect(await refused.json()).toEqual({result: {allowed: false, withCredentials: false}})
    expect([...t.lake.unknownEndpoints]).toEqual([])
  })
})
