import http from 'node:http'
import type {AddressInfo} from 'node:net'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {createLakeClient} from '../lake/client.ts'
import {syncApiFor} from './client.ts'
import {statusOf} from './retry.ts'

let requests = 0
const server = http.createServer((_req, res) => {
  requests++
  res.writeHead(503, {'content-type': 'text/plain'})
  res.end('Busy')
})
beforeAll(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)))
afterAll(() => {
  server.closeAllConnections()
  return new Promise((resolve) => server.close(resolve))
})

describe('syncApiFor', () => {
  it('leaves retries to the sync: a failing request is sent once, whatever the client retries', async () => {
    const {port} = server.address() as AddressInfo
    // A client as lake/client.ts and the hosted target make it, with @sanity/client's retries on.
    const client = createLakeClient({httpUrl: `http://127.0.0.1:${port}`, projectId: 'p'})
    const api = syncApiFor(client)
    for (const call of [() => api.getDocuments(['a']), () => api.query('*')]) {
      const before = requests
      const error = await call().catch((e: unknown) => e)
      expect(statusOf(error)).toBe(503)
      expect(requests - before).toBe(1)
    }
    // The client it was given keeps its own settings.
    expect(client.config().perspective).toBe('raw')
  })
})
