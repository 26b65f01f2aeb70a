import {readFileSync} from 'node:fs'
import {connect} from 'node:http2'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {startTestLake} from '../test-lake.ts'

let t: Awaited<ReturnType<typeof startTestLake>>
beforeAll(async () => {
  t = await startTestLake()
})
afterAll(() => t.stop())

describe('server', () => {
  it('speaks HTTP/2 over TLS with a certificate valid for <projectId>.localhost', async () => {
    const ca = readFileSync(join(t.dir, 'cert.pem'))
    const session = connect(`https://127.0.0.1:${t.lake.port}`, {ca, servername: 'local.localhost'})
    const body = await new Promise<string>((resolve, reject) => {
      const request = session.request({
        ':path': '/v2025-02-19/users/me',
        authorization: `Bearer ${t.lake.token}`,
      })
      let text = ''
      request.on('data', (chunk: Buffer) => (text += chunk))
      request.on('end', () => resolve(text))
      request.on('error', reject)
      request.end()
    })
    expect(session.alpnProtocol).toBe('h2')
    session.close()
    expect(JSON.parse(body)).toMatchObject({id: 'local-admin'})
  })

  it('binds to 127.0.0.1 only and writes server.json with the port while running', () => {
    const info = JSON.parse(readFileSync(join(t.dir, 'server.json'), 'utf8'))
    expect(info).toMatchObject({
      pid: process.pid,
      port: t.lake.port,
      url: `https://localhost:${t.lake.port}`,
    })
    expect(t.lake.httpUrl).toBe(`http://127.0.0.1:${t.lake.port}`)
  })

  it('keeps the token private: mode 0600 in the lake folder', async () => {
    const {statSync} = await import('node:fs')
    expect(statSync(join(t.dir, 'token')).mode & 0o777).toBe(0o600)
    expect(readFileSync(join(t.dir, 'token'), 'utf8').trim()).toBe(t.lake.token)
  })
})
