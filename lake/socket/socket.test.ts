import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {startTestLake} from '../test-lake.ts'

let t: Awaited<ReturnType<typeof startTestLake>>
beforeAll(async () => {
  t = await startTestLake()
})
afterAll(() => t.stop())

describe('presence socket', () => {
  it('answers JSON-RPC calls and subscriptions over a WebSocket at /socket/<dataset>', async () => {
    const ws = new WebSocket(`${t.lake.httpUrl.replace('http', 'ws')}/v1/socket/test`)
    const replies: Array<{id: number; result: unknown}> = []
    const done = new Promise<void>((resolve, reject) => {
      ws.onerror = () => reject(new Error('socket failed'))
      ws.onmessage = (event) => {
        replies.push(JSON.parse(String(event.data)))
        if (replies.length === 2) resolve()
      }
    })
    ws.onopen = () => {
      ws.send(JSON.stringify({jsonrpc: '2.0', id: 1, method: 'authorization', params: {}}))
      ws.send(JSON.stringify({jsonrpc: '2.0', id: 2, method: 'presence_subscribe', params: {}}))
    }
    await done
    ws.close()
    expect(replies).toEqual([
      {jsonrpc: '2.0', id: 1, result: null},
      {jsonrpc: '2.0', id: 2, result: 'sub-1'},
    ])
  })

  it('refuses and records WebSocket upgrades to unknown paths', async () => {
    const ws = new WebSocket(`${t.lake.httpUrl.replace('http', 'ws')}/v1/elsewhere`)
    await new Promise((resolve) => (ws.onerror = resolve))
    expect(t.lake.unknownEndpoints.map((e) => e.path)).toContain('/v1/elsewhere')
  })
})
