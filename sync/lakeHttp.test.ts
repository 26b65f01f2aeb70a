import {createHash} from 'node:crypto'
import http from 'node:http'
import type {AddressInfo} from 'node:net'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {createLakeClient, type LakeConnection} from '../lake/client.ts'
import {startTestLake} from '../lake/test-lake.ts'
import {syncApiFor} from './client.ts'
import {lakeSyncApi} from './lakeHttp.ts'
import {inProcessSyncApi} from './lakeInProcess.ts'
import {createReachability, isTransient, retryAfterMs, statusOf} from './retry.ts'
import {importedSummaries} from './state.ts'
import type {SyncApi} from './types.ts'

let lake: Awaited<ReturnType<typeof startTestLake>>
beforeAll(async () => {
  lake = await startTestLake()
})
afterAll(() => lake?.stop())

/** The same request through @sanity/client and through the plain HTTP client. */
function both(connection: LakeConnection, dataset: string): SyncApi[] {
  return [syncApiFor(createLakeClient(connection, {dataset})), lakeSyncApi(connection, dataset)]
}

/** What the sync reads of an error: its message, status, transience and `Retry-After`. */
async function failure(request: Promise<unknown>) {
  const error = await request.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(Error)
  return {
    message: (error as Error).message,
    status: statusOf(error),
    transient: isTransient(error),
    retryAfter: retryAfterMs(error, 0),
  }
}

/** The same requests to the lake of this process, without HTTP (an import's own lake). */
const inProcess = (dataset: string) => inProcessSyncApi(lake.lake.state, dataset, lake.dir)

describe('the plain HTTP and in-process sync clients', () => {
  it('answer queries, reads and writes as @sanity/client does', async () => {
    const [client, plain] = both(lake.lake, 'same')
    const own = inProcess('same')
    expect(await own.isEmpty?.()).toBe(true)
    await client.mutate([{create: {_id: 'a', _type: 'lesson', title: 'A'}}], {transactionId: 't1'})
    await plain.mutate([{create: {_id: 'b', _type: 'lesson', title: 'B'}}], {transactionId: 't2'})
    const c = {_id: 'c', _type: 'lesson', title: 'C'}
    await own.mutate([{create: c}], {transactionId: 't3', texts: [JSON.stringify({create: c})]})
    const query = '*[_type == $type] | order(_id) {_id, _rev, title}'
    expect(await own.isEmpty?.()).toBe(false)
    for (const api of [client, plain, own]) {
      expect(await api.query(query, {type: 'lesson'})).toEqual([
        {_id: 'a', _rev: 't1', title: 'A'},
        {_id: 'b', _rev: 't2', title: 'B'},
        {_id: 'c', _rev: 't3', title: 'C'},
      ])
    }
    const ids = ['b', 'missing', 'a', 'drafts.a', 'c']
    const read = await client.getDocuments(ids)
    expect(read.filter(Boolean)).toHaveLength(3)
    expect(await plain.getDocuments(ids)).toEqual(read)
    expect(await own.getDocuments(ids)).toEqual(read)
    const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64')
    const uploaded = await own.uploadImage(gif, {filename: 'pixel.gif'})
    expect(uploaded._id).toMatch(/^image-/)
    expect(await plain.uploadImage(gif, {filename: 'pixel.gif'})).toEqual(uploaded)
    // The fields the sync reads of image assets in-process, as a query of them answers.
    const assets = await client.query<Array<{_id: string; _type: string; sha1hash: string}>>(
      '*[defined(sha1hash)]{_id, _type, sha1hash}',
    )
    expect(assets).toHaveLength(1)
    expect(await own.valuesWhere!('$.sha1hash', ['$._type', '$.sha1hash'])).toEqual(
      assets.map((a) => ({id: a._id, values: [a._type, a.sha1hash]})),
    )
    // Looked up by the SHA-1 its id names, as the sync looks an image's bytes up.
    const sha1 = createHash('sha1').update(gif).digest('hex')
    expect(
      await own.valuesWhere!(
        '$.sha1hash',
        ['$._type', '$.sha1hash'],
        [`image-${sha1}-`, 'image-0-'],
      ),
    ).toEqual(assets.map((a) => ({id: a._id, values: [a._type, a.sha1hash]})))
    expect(await own.valuesWhere!('$.sha1hash', ['$.sha1hash'], ['image-0-'])).toEqual([])
    expect(await client.uploadImage(gif, {filename: 'pixel.gif'})).toEqual(uploaded)
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    )
    const [byClient, byOwn] = [
      await client.uploadImage(png, {filename: 'dot.png'}),
      // With the SHA-1 the sync took of the bytes, which the lake then does not take again.
      await inProcess('other').uploadImage(png, {
        filename: 'dot.png',
        sha1: createHash('sha1').update(png).digest('hex'),
      }),
    ]
    // The same asset document, by the bytes' hash, in a dataset each.
    expect(byOwn).toEqual(byClient)
    const stored = await inProcess('other').getDocuments([byOwn._id])
    expect(stored[0]).toMatchObject({_type: 'sanity.imageAsset', originalFilename: 'dot.png'})
  })

  it('list the documents imports wrote in-process as the lake answers the projection that asks for them', async () => {
    const [client] = both(lake.lake, 'summaries')
    const own = inProcess('summaries')
    const doc = (id: string, source?: Record<string, unknown>) => ({
      _id: id,
      _type: 'lesson',
      title: id,
      ...(source && {source}),
    })
    const docs = [
      doc('imported', {importHash: 'v1:aa:bb', path: 'docs/a.md'}),
      doc('no-path', {importHash: 'v1:cc:dd'}),
      doc('null-path', {importHash: 'v1:ee:ff', path: null}),
      doc('drafts.imported', {importHash: 'v1:aa:bb', path: 'docs/a.md'}),
      doc('by-hand'),
      doc('other-source', {path: 'docs/b.md'}),
      doc('null-hash', {importHash: null, path: 'docs/c.md'}),
    ]
    await client.mutate(
      docs.map((d) => ({create: d})),
      {transactionId: 's1'},
    )
    // One more, written in this process.
    const late = doc('late', {importHash: 'v1:11:22', path: 'docs/late.md'})
    await own.mutate([{create: late}], {
      transactionId: 's2',
      texts: [JSON.stringify({create: late})],
    })
    const byId = (a: {_id: string}, b: {_id: string}) => a._id.localeCompare(b._id)
    const asked = await client.query<Array<{_id: string}>>(
      '*[defined(source.importHash)]{_id, _rev, "importHash": source.importHash, "path": source.path}',
    )
    const listed = await importedSummaries(own.valuesWhere!)
    expect(listed.map((s) => s._id).sort()).toEqual(
      ['drafts.imported', 'imported', 'late', 'no-path', 'null-path'].sort(),
    )
    expect([...listed].sort(byId)).toEqual([...asked].sort(byId))
  })

  it('fail as @sanity/client does when the lake refuses a request', async () => {
    const [client, plain] = both(lake.lake, 'refused')
    const own = inProcess('refused')
    await client.mutate([{create: {_id: 'x', _type: 'lesson'}}], {transactionId: 'r1'})
    const requests: Array<(api: SyncApi) => Promise<unknown>> = [
      // Each refused mutation: a malformed id, an old revision, an id that exists already.
      (api) => api.mutate([{create: {_id: '-bad id', _type: 'lesson'}}], {transactionId: 'r2'}),
      (api) =>
        api.mutate([{patch: {id: 'x', ifRevisionID: 'old', set: {title: 'T'}}}], {
          transactionId: 'r3',
        }),
      (api) => api.mutate([{create: {_id: 'x', _type: 'lesson'}}], {transactionId: 'r4'}),
      // A transaction id the dataset has committed already.
      (api) => api.mutate([{create: {_id: 'y', _type: 'lesson'}}], {transactionId: 'r1'}),
    ]
    for (const send of requests) {
      const expected = await failure(send(client))
      expect(expected.status).toBeGreaterThanOrEqual(400)
      expect(await failure(send(plain))).toEqual(expected)
      expect(await failure(send(own))).toEqual(expected)
    }
    // A query the lake cannot parse (@sanity/client writes its message with a caret under the
    // query), and a dataset name the lake refuses.
    const broken = await failure(plain.query('*[_type == ]'))
    expect(broken).toMatchObject({status: 400, message: /^GROQ query parse error: Syntax error/})
    expect(await failure(own.query('*[_type == ]'))).toEqual(broken)
    const badName = (api: SyncApi) => api.getDocuments(['x'])
    const refused = await failure(badName(lakeSyncApi(lake.lake, '-no')))
    expect(refused.status).toBeGreaterThanOrEqual(400)
    expect(await failure(badName(inProcess('-no')))).toEqual(refused)
  })

  it('fails as @sanity/client does on a busy server, one that is not JSON and one that is gone', async () => {
    const server = http.createServer((req, res) => {
      if (req.url?.includes('/data/doc/')) {
        res.writeHead(429, {'content-type': 'text/plain', 'retry-after': '7'})
        res.end('Slow down')
      } else {
        res.writeHead(502, {'content-type': 'text/html'})
        res.end('<html>Bad gateway</html>')
      }
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as AddressInfo).port
    try {
      const [client, plain] = both({httpUrl: `http://127.0.0.1:${port}`, projectId: 'p'}, 'x')
      const busy = await failure(client.getDocuments(['a']))
      expect(busy).toMatchObject({status: 429, transient: true, retryAfter: 7000})
      expect(await failure(plain.getDocuments(['a']))).toEqual(busy)
      // The message names the URL, which each client writes with its parameters in its order.
      const {message, ...gateway} = await failure(client.query('*'))
      expect(message).toContain('HTTP 502')
      expect(await failure(plain.query('*'))).toMatchObject({
        ...gateway,
        message: expect.stringContaining('HTTP 502 Bad Gateway (<html>Bad gateway</html>)'),
      })
    } finally {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
    // A port nothing listens on any more, which no connection of either client was kept to.
    const gone = http.createServer()
    await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve))
    const free = (gone.address() as AddressInfo).port
    await new Promise((resolve) => gone.close(resolve))
    for (const api of both({httpUrl: `http://127.0.0.1:${free}`, projectId: 'p'}, 'x')) {
      const error = await api.getDocuments(['a']).catch((e: unknown) => e)
      expect(isTransient(error)).toBe(true)
      // Nothing answered: the run gives up once its budget (none here) is spent.
      expect(() => createReachability(0).failed(error)).toThrow(/ECONNREFUSED/)
    }
  })
})
