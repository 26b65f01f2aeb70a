import {connect} from 'node:net'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {startTestLake} from '../test-lake.ts'

const logged: string[] = []
let t: Awaited<ReturnType<typeof startTestLake>>
beforeAll(async () => {
  t = await startTestLake({log: (line) => logged.push(line)})
})
afterAll(() => t.stop())

/** Commits a 1 MB document straight to the dataset file (no HTTP round trip). */
function commitLarge(n: number) {
  const id = `big-${n % 4}`
  const dataset = t.lake.state.registry.get('test')
  dataset.commit({
    id: `tx-${n}`,
    timestamp: new Date().toISOString(),
    author: 'test',
    mutations: [],
    changes: [
      {
        id,
        before: dataset.get(id) ?? null,
        after: {_id: id, _type: 'big', _rev: `tx-${n}`, text: 'x'.repeat(1_000_000)},
        mutations: [],
      },
    ],
  })
}

describe('a listener that stops reading', () => {
  it('is disconnected once it falls behind the replay window, instead of the lake buffering what it does not read', async () => {
    commitLarge(0)
    const socket = connect(t.lake.port, '127.0.0.1')
    await new Promise((resolve) => socket.once('connect', resolve))
    socket.write(
      `GET /v2025-02-19/data/listen/test?query=${encodeURIComponent('*[_type == "big"]')} HTTP/1.1\r\nhost: localhost\r\nauthorization: Bearer ${t.lake.token}\r\n\r\n`,
    )
    // Read the response head, then nothing more: the socket's buffers fill and stay full.
    await new Promise((resolve) => socket.once('data', resolve))
    socket.pause()
    socket.on('error', () => undefined)
    // The replay window keeps 64 MB of transactions: 1 MB each, the listener falls out of it.
    for (
      let n = 1;
      n <= 120 && !logged.some((line) => /listener .* disconnected/.test(line));
      n++
    ) {
      commitLarge(n)
      await new Promise((resolve) => setImmediate(resolve))
    }
    await expect
      .poll(() => logged.find((line) => /listener .* disconnected/.test(line)))
      .toMatch(/fell behind the replay window|transactions waiting/)
    socket.destroy()
  })
})
