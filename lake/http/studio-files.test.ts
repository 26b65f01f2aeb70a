import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {request} from 'node:http'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {startTestLake} from '../test-lake.ts'
import {isStudioRequest} from './studio-files.ts'

/** A GET to the lake with the given Host header (Node does not resolve `*.localhost` names). */
function get(port: number, host: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<{status: number; headers: Record<string, unknown>; body: string}>(
    (done, fail) => {
      const req = request({host: '127.0.0.1', port, path, headers: {host, ...headers}}, (res) => {
        let body = ''
        res.on('data', (chunk: Buffer) => (body += chunk))
        res.on('end', () => done({status: res.statusCode ?? 0, headers: res.headers, body}))
      })
      req.on('error', fail)
      req.end()
    },
  )
}

describe('isStudioRequest', () => {
  it('sends page loads on the Studio host to the Studio and API calls, assets and the login link to the lake', () => {
    const studio = (host: string, method: string, path: string) =>
      isStudioRequest(host, 'local', method, path)
    expect(studio('localhost', 'GET', '/')).toBe(true)
    expect(studio('localhost', 'GET', '/structure/courses;a')).toBe(true)
    expect(studio('localhost', 'GET', '/static/sanity-abcdefgh.js')).toBe(true)
    expect(studio('localhost', 'GET', '/vision')).toBe(true)
    expect(studio('localhost', 'GET', '/v2025-02-19/users/me')).toBe(false)
    expect(studio('localhost', 'GET', '/vX/data/query/production')).toBe(false)
    expect(studio('localhost', 'GET', '/images/local/production/a-1x1.png')).toBe(false)
    expect(studio('localhost', 'GET', '/files/local/production/a.txt')).toBe(false)
    expect(studio('localhost', 'GET', '/login')).toBe(false)
    expect(studio('localhost', 'POST', '/')).toBe(false)
    expect(studio('local.localhost', 'GET', '/')).toBe(false)
  })
})

describe('a lake that serves a built Studio', () => {
  let t: Awaited<ReturnType<typeof startTestLake>>
  let studioDir = ''
  beforeAll(async () => {
    studioDir = mkdtempSync(join(tmpdir(), 'studio-files-'))
    mkdirSync(join(studioDir, 'static'))
    writeFileSync(join(studioDir, 'index.html'), '<!doctype html><title>Studio</title>')
    writeFileSync(join(studioDir, 'static', 'sanity-Ab3dE_9x.js'), 'console.log(1)')
    t = await startTestLake({studioDir})
  })
  afterAll(async () => {
    await t.stop()
    rmSync(studioDir, {recursive: true, force: true})
  })

  it('serves the Studio at http://localhost:<port>: the page for every Studio path, revalidated, and hashed chunks cached for good', async () => {
    expect(t.lake.studioUrl).toBe(`http://localhost:${t.lake.port}`)
    const host = `localhost:${t.lake.port}`
    for (const path of ['/', '/structure/courses', '/static/missing.js', '/%E0%A4%A']) {
      const page = await get(t.lake.port, host, path)
      expect(page).toMatchObject({status: 200, body: '<!doctype html><title>Studio</title>'})
      expect(page.headers['cache-control']).toBe('no-cache')
    }
    const chunk = await get(t.lake.port, host, '/static/sanity-Ab3dE_9x.js')
    expect(chunk.body).toBe('console.log(1)')
    expect(chunk.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(chunk.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  })

  it('sends a page asked for at 127.0.0.1 to the same path on http://localhost:<port>, whose API host the Studio can reach', async () => {
    const page = await get(t.lake.port, `127.0.0.1:${t.lake.port}`, '/structure/courses?x=1')
    expect(page.status).toBe(302)
    expect(page.headers.location).toBe(`${t.lake.studioUrl}/structure/courses?x=1`)
  })

  it('never serves a file outside the Studio folder', async () => {
    writeFileSync(join(studioDir, '..', 'outside-studio.txt'), 'secret')
    const host = `localhost:${t.lake.port}`
    for (const path of ['/../outside-studio.txt', '/static/..%2F..%2Foutside-studio.txt']) {
      expect((await get(t.lake.port, host, path)).body).not.toContain('secret')
    }
    rmSync(join(studioDir, '..', 'outside-studio.txt'))
  })

  it('answers the API on the same port: versioned calls and the project host go to the lake, and the Studio origin may call it', async () => {
    const origin = t.lake.studioUrl
    const me = await get(t.lake.port, `localhost:${t.lake.port}`, '/v2025-02-19/users/me', {
      authorization: `Bearer ${t.lake.token}`,
      origin,
    })
    expect(JSON.parse(me.body)).toMatchObject({id: 'local-admin'})
    expect(me.headers['access-control-allow-origin']).toBe(origin)
    const home = await get(t.lake.port, `local.localhost:${t.lake.port}`, '/')
    expect(home.body).toContain('Local Content Lake')
    const missing = await get(
      t.lake.port,
      `localhost:${t.lake.port}`,
      '/images/local/test/a-1x1.png',
    )
    expect(missing.status).toBe(404)
  })

  it('logs the Studio in through a one-time link on its own origin', async () => {
    const link = new URL(t.lake.loginUrl())
    expect(link.origin).toBe(t.lake.studioUrl)
    const first = await get(t.lake.port, link.host, `${link.pathname}${link.search}`)
    expect(first.status).toBe(302)
    expect(first.headers.location).toBe(`${t.lake.studioUrl}/#sid=${link.searchParams.get('sid')}`)
  })
})
