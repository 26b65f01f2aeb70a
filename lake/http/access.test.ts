import {existsSync, readdirSync} from 'node:fs'
import {request} from 'node:http'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {startTestLake} from '../test-lake.ts'

let t: Awaited<ReturnType<typeof startTestLake>>
beforeAll(async () => {
  t = await startTestLake()
  await t.client
    .transaction()
    .create({_id: 'secret', _type: 'lesson', title: 'Published'})
    .create({_id: 'drafts.secret', _type: 'lesson', title: 'Draft'})
    .commit()
})
afterAll(() => t.stop())

/** A GET with exactly these headers (fetch would not let the test choose the Host header). */
function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{status: number; body: string}>((resolve, reject) => {
    const req = request(`${t.lake.httpUrl}${path}`, {headers}, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({status: res.statusCode ?? 0, body}))
    })
    req.on('error', reject)
    req.end()
  })
}

const query = (groq: string, perspective: string) =>
  `/v2025-02-19/data/query/test?query=${encodeURIComponent(groq)}&perspective=${perspective}`

describe('access without the token', () => {
  it.each([
    ['a published-perspective query', query('*[_id == "secret"][0].title', 'published')],
    ['a drafts-perspective query', query('*[_id == "secret"][0].title', 'drafts')],
    ['a raw query', query('*', 'raw')],
    ['documents by id', '/v2025-02-19/data/doc/test/secret,drafts.secret'],
    ['transaction history', '/v2025-02-19/data/history/test/transactions/secret'],
    ['document history', '/v2025-02-19/data/history/test/documents/secret'],
    ['document events', '/v2025-02-19/data/history/test/events/documents/secret'],
    ['a listener', `/v2025-02-19/data/listen/test?query=${encodeURIComponent('*')}`],
    ['the dataset list', '/v2025-02-19/projects/local/datasets'],
    ['key-values', '/v2025-02-19/users/me/keyvalue/a,b'],
  ])('refuses %s with 401 and says how to send the token', async (_name, path) => {
    const response = await get(path)
    expect(response.status).toBe(401)
    expect(response.body).not.toContain('Published')
    expect(response.body).not.toContain('Draft')
    expect(JSON.parse(response.body).error.description).toMatch(/Authorization: Bearer <token>/)
  })

  it('answers what the Studio needs before login: a logged-out user, the project, features, ping and the login providers', async () => {
    expect(JSON.parse((await get('/v2025-02-19/users/me')).body)).toEqual({})
    expect(JSON.parse((await get('/v2025-02-19/auth/id')).body)).toEqual({})
    expect(JSON.parse((await get('/v2025-02-19/projects/local')).body)).toMatchObject({
      id: 'local',
    })
    expect(JSON.parse((await get('/v2025-02-19/features')).body)).toEqual([])
    expect(JSON.parse((await get('/v2025-02-19/ping')).body)).toBe('PONG')
    const {providers} = JSON.parse((await get('/v1/auth/providers')).body)
    expect(providers).toEqual([
      expect.objectContaining({url: expect.stringMatching(/\/auth\/login$/)}),
    ])
    expect((await get('/auth/login')).body).toContain('npm run studio')
  })

  it('answers the same reads with the token', async () => {
    const me = await get('/v2025-02-19/users/me', t.auth)
    expect(JSON.parse(me.body)).toMatchObject({id: 'local-admin'})
    const draft = await get(query('*[_id == "secret"][0].title', 'drafts'), t.auth)
    expect(JSON.parse(draft.body).result).toBe('Draft')
  })

  it('refuses a wrong or partial token like no token', async () => {
    for (const token of ['wrong', t.lake.token.slice(0, -1), `${t.lake.token}x`]) {
      const response = await get(query('count(*)', 'raw'), {authorization: `Bearer ${token}`})
      expect(response.status).toBe(401)
    }
  })
})

describe("a token that is not the lake's", () => {
  const stale = {authorization: `Bearer sk${'0'.repeat(64)}`}

  it('answers the hosted API\'s "Session not found" (401, errorCode SIO-401-ANF) on reads, the current user and the session id, so the Studio logs out', async () => {
    for (const path of [
      query('count(*)', 'raw'),
      `/v2025-02-19/data/listen/test?query=${encodeURIComponent('*')}`,
      '/v2025-02-19/users/me',
      '/v2025-02-19/auth/id',
    ]) {
      const response = await get(path, stale)
      expect(response.status).toBe(401)
      const body = JSON.parse(response.body)
      expect(body.errorCode).toBe('SIO-401-ANF')
      expect(body.error.description).toMatch(/login link/)
    }
  })

  it('keeps a request without any token logged out, not an invalid session', async () => {
    expect(JSON.parse((await get('/v2025-02-19/users/me')).body)).toEqual({})
    const refused = await get(query('count(*)', 'raw'))
    expect(refused.status).toBe(401)
    expect(JSON.parse(refused.body).errorCode).toBeUndefined()
  })
})

describe('host names', () => {
  it.each(['attacker.example', 'localhost.attacker.example', '127.0.0.2', 'attacker.example:80'])(
    'refuses Host "%s" with 403 even with the token (DNS rebinding)',
    async (host) => {
      const response = await get(query('count(*)', 'raw'), {...t.auth, host})
      expect(response.status).toBe(403)
      expect(JSON.parse(response.body).error.description).toMatch(/loopback names/)
    },
  )

  it.each(['localhost', 'local.localhost', '127.0.0.1', '[::1]'])(
    'answers Host "%s" with the port',
    async (name) => {
      const response = await get(query('count(*)', 'raw'), {
        ...t.auth,
        host: `${name}:${t.lake.port}`,
      })
      expect(response.status).toBe(200)
    },
  )
})

describe('unknown datasets', () => {
  const files = () => readdirSync(join(t.dir, 'data'))

  it('creates no file for a read of an unknown dataset without the token', async () => {
    const before = files()
    for (const path of [
      '/v2025-02-19/data/query/ghost?query=count(*)',
      '/v2025-02-19/data/doc/ghost/a',
      `/v2025-02-19/data/listen/ghost?query=${encodeURIComponent('*')}`,
      '/v2025-02-19/data/history/ghost/transactions/a',
    ]) {
      expect((await get(path)).status).toBe(401)
    }
    expect(files()).toEqual(before)
    expect(existsSync(join(t.dir, 'data', 'ghost.sqlite'))).toBe(false)
  })

  it('answers Sanity\'s 404 "Dataset not found" for a dataset name Sanity would not accept', async () => {
    const before = files()
    const response = await get('/v2025-02-19/data/query/No_Such?query=count(*)', t.auth)
    expect(response.status).toBe(404)
    expect(JSON.parse(response.body)).toMatchObject({
      statusCode: 404,
      error: 'Dataset not found',
      message: expect.stringContaining('Dataset "No_Such" not found for project ID "local"'),
    })
    expect(files()).toEqual(before)
  })
})
