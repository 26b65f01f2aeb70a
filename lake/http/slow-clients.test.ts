import {readFileSync} from 'node:fs'
import {connect as connectHttp2} from 'node:http2'
import {connect, type Socket} from 'node:net'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {openStream} from '../listen/stream.test-support.ts'
import {startTestLake} from '../test-lake.ts'

let t: Awaited<ReturnType<typeof startTestLake>>
beforeAll(async () => {
  t = await startTestLake({
    keepAliveMs: 50,
    connections: {headersTimeoutMs: 300, requestTimeoutMs: 600, idleTimeoutMs: 1500},
  })
})
afterAll(() => t.stop())

/** Opens a TCP connection to the lake and resolves once it is connected. */
function open(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(t.lake.port, '127.0.0.1', () => resolve(socket))
    socket.on('error', reject)
  })
}

/** Resolves with what the server sent once it closes the connection. */
function closed(socket: Socket): Promise<string> {
  let received = ''
  socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')))
  socket.on('error', () => undefined)
  return new Promise((resolve) => socket.on('close', () => resolve(received)))
}

describe('connections that stall', () => {
  it('are closed when they send nothing', async () => {
    const socket = await open()
    expect(await closed(socket)).toBe('')
  })

  it('are closed when they send only part of a request head', async () => {
    const socket = await open()
    const done = closed(socket)
    socket.write('GET /v1/users/me HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ')
    expect(await done).toBe('')
  })

  it('are closed when they start a TLS handshake and stop', async () => {
    const socket = await open()
    const done = closed(socket)
    socket.write(Buffer.from([0x16, 0x03, 0x01]))
    expect(await done).toBe('')
  })

  it('are closed when they send a body too slowly', async () => {
    const socket = await open()
    const done = closed(socket)
    const auth = `authorization: ${t.auth.authorization}\r\n`
    socket.write(
      `POST /v1/data/query/test HTTP/1.1\r\nHost: 127.0.0.1\r\n${auth}content-type: application/json\r\ncontent-length: 100\r\n\r\n{"qu`,
    )
    // The request head was complete and authorized: only the body deadline can end this.
    expect(await done).toBe('')
  })

  it('are closed when an HTTP/2 session opens no stream', async () => {
    const ca = readFileSync(join(t.dir, 'cert.pem'))
    const session = connectHttp2(`https://127.0.0.1:${t.lake.port}`, {
      ca,
      servername: 'local.localhost',
    })
    session.on('error', () => undefined)
    await new Promise((resolve) => session.on('close', resolve))
    expect(session.destroyed).toBe(true)
  })

  it('close a kept-alive connection that sends no next request', async () => {
    const socket = await open()
    const done = closed(socket)
    socket.write('GET /v1/users/me HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')
    expect(await done).toContain('200 OK')
  })
})

describe('connections that are busy', () => {
  it('keep a listener that reads open well past the header and idle timeouts', async () => {
    const url = `${t.lake.httpUrl}/v1/data/listen/test?query=${encodeURIComponent('*[_type == "x"]')}`
    const stream = await openStream(url, t.auth)
    let started = 0
    // Keep-alives arrive every 50 ms; read until the stream has outlived both timeouts (a stream
    // the lake ends before that fails the test).
    const text = await stream.until((text) => {
      if (started === 0 && text !== '') started = performance.now()
      return started > 0 && performance.now() - started >= 2000
    })
    stream.close()
    expect(text).toMatch(/^event: welcome/)
  })
})

describe('connections beyond the limit', () => {
  it('are closed at once, and served again once a connection is free', async () => {
    const small = await startTestLake({connections: {maxConnections: 3}})
    const held: Socket[] = []
    try {
      const connectTo = () =>
        new Promise<Socket>((resolve, reject) => {
          const socket = connect(small.lake.port, '127.0.0.1', () => resolve(socket))
          socket.on('error', reject)
        })
      // Three idle connections (within the 10 s head timeout) take every place.
      for (let n = 0; n < 3; n++) held.push(await connectTo())
      const extra = await connectTo()
      extra.write('GET /v1/ping HTTP/1.1\r\nhost: localhost\r\n\r\n')
      // Accepted in order, the fourth is closed unanswered instead of holding a descriptor.
      expect(await closed(extra)).toBe('')
      held.pop()?.destroy()
      // Once the lake has seen that close, requests are served again.
      await expect
        .poll(
          () =>
            fetch(`${small.lake.httpUrl}/v1/ping`).then(
              (r) => r.status,
              () => 0,
            ),
          {
            timeout: 10_000,
          },
        )
        .toBe(200)
    } finally {
      for (const socket of held) socket.destroy()
      await small.stop()
    }
  })
})
