import http from 'node:http'
import type {AddressInfo} from 'node:net'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {createLakeClient, type LakeConnection} from '../lake/client.ts'
import {startTestLake} from '../lake/test-lake.ts'
import {syncApiFor} from './client.ts'
import {lakeSyncApi} from './lakeHttp.ts'
import {createReachability, isTransient, retryAfterMs, statusOf} from './retry.ts'
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

describe('the plain HTTP sync client', () => {
  it('answers queries, reads and writes as @sanity/client does', async () => {
    const [client, plain] = both(lake.lake, 'same')
    await client.mutate([{create: {_id: 'a', _type: 'lesson', title: 'A'}}], {transactionId: 't1'})
    await plain.mutate([{create: {_id: 'b', _type: 'lesson', title: 'B'}}], {transactionId: 't2'})
    const query = '*[_type == $type] | order(_id) {_id, _rev, title}'
    for (const api of [client, plain]) {
      expect(await api.query(query, {type: 'lesson'})).toEqual([
        {_id: 'a', _rev: 't1', title: 'A'},
        {_id: 'b', _rev: 't2', title: 'B'},
      ])
    }
    const ids = ['b', 'missing', 'a', 'drafts.a']
    expect(await plain.getDocuments(ids)).toEqual(await client.getDocuments(ids))
    const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64')
    const uploaded = await plain.uploadImage(gif, {filename: 'pixel.gif'})
    expect(await client.uploadImage(gif, {filename: 'pixel.gif'})).toEqual(uploaded)
    expect(uploaded._id).toMatch(/^image-/)
  })

  it('fails as @sanity/client does when the lake refuses a request', async () => {
    const [client, plain] = both(lake.lake, 'refused')
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
    }
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
