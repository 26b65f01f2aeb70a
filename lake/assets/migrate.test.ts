import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'

import {createLakeClient} from '../client.ts'
import {startLake, type Lake} from '../start.ts'
import {portFreeUrl} from './migrate.ts'

describe('portFreeUrl', () => {
  it('drops the scheme, loopback host and port of a lake asset URL and leaves every other URL alone', () => {
    expect(portFreeUrl('https://localhost:3443/images/local/production/a-1x1.png')).toBe(
      '/images/local/production/a-1x1.png',
    )
    expect(portFreeUrl('http://127.0.0.1:41234/files/local/production/a.txt')).toBe(
      '/files/local/production/a.txt',
    )
    expect(portFreeUrl('https://local.localhost:3443/images/local/production/a-1x1.png')).toBe(
      '/images/local/production/a-1x1.png',
    )
    expect(portFreeUrl('/images/local/production/a-1x1.png')).toBeNull()
    expect(portFreeUrl('https://cdn.sanity.io/images/abc/production/a-1x1.png')).toBeNull()
    expect(portFreeUrl('https://localhost:3443/data/query/production')).toBeNull()
    expect(portFreeUrl(42)).toBeNull()
  })
})

describe('asset URLs stored with a port', () => {
  const dir = mkdtempSync(join(tmpdir(), 'asset-migrate-'))
  let lake: Lake | undefined
  afterAll(async () => {
    await lake?.close()
    rmSync(dir, {recursive: true, force: true})
  })

  it('are rewritten to the path alone when the lake starts, and nothing else is touched', async () => {
    const log: string[] = []
    lake = await startLake({dir, log: (line) => log.push(line)})
    const old = 'https://localhost:3443/images/local/production/abc-1x1.png'
    const hosted = 'https://cdn.sanity.io/images/p/production/def-1x1.png'
    await createLakeClient(lake, {dataset: 'production'})
      .transaction()
      .create({_id: 'image-abc-1x1-png', _type: 'sanity.imageAsset', url: old})
      .create({_id: 'image-def-1x1-png', _type: 'sanity.imageAsset', url: hosted})
      .create({_id: 'link', _type: 'tool', url: old})
      .commit()
    await lake.close()
    lake = await startLake({dir, log: (line) => log.push(line)})
    const urls = await createLakeClient(lake, {dataset: 'production'}).fetch<
      Record<string, string>
    >(
      '{"old": *[_id == "image-abc-1x1-png"][0].url, "hosted": *[_id == "image-def-1x1-png"][0].url, "tool": *[_id == "link"][0].url}',
    )
    expect(urls).toEqual({old: '/images/local/production/abc-1x1.png', hosted, tool: old})
    expect(log).toContain('Dataset "production": 1 asset URLs no longer name a host and port')
  })
})
