import {mkdtempSync, rmSync} from 'node:fs'
import {DatabaseSync} from 'node:sqlite'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'

import {createLakeClient} from '../client.ts'
import {startLake, type Lake} from '../start.ts'
import {Dataset} from '../store/dataset.ts'
import type {Doc} from '../store/types.ts'
import {makeAssetUrlsPortFree, portFreeUrl} from './migrate.ts'

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
    // The file as a lake before the rewrite left it: no record that the rewrite ran.
    const db = new DatabaseSync(join(dir, 'data', 'production.sqlite'))
    db.exec('DELETE FROM migrations')
    db.close()
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

describe('the asset URL migration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'asset-migrate-once-'))
  afterAll(() => rmSync(dir, {recursive: true, force: true}))
  const old = 'https://localhost:3443/images/local/production/abc-1x1.png'

  /**
   * Opens the dataset file, runs the migration, closes it; what the migration reported. `older`:
   * the file as a lake before the rewrite left it, with no record that the rewrite ran.
   */
  async function open(file: string, write: Doc[] = [], {older = false} = {}) {
    const dataset = new Dataset('production', file, () => undefined)
    try {
      if (older) dataset.db.exec('DELETE FROM migrations')
      if (write.length) {
        dataset.commit({
          id: `t${write.length}`,
          timestamp: '2026-01-01T00:00:00Z',
          author: 'old-lake',
          mutations: [],
          changes: write.map((after) => ({id: after._id, before: null, after, mutations: []})),
        })
      }
      const report = await makeAssetUrlsPortFree(dataset)
      const transactions = Number(
        dataset.db.prepare('SELECT count(*) AS n FROM transactions').get()?.n,
      )
      return {report, transactions, urls: [...dataset.all()].map((doc) => doc.url)}
    } finally {
      await dataset.close()
    }
  }

  it('parses only documents whose text names a loopback host, and none at a later open', async () => {
    const file = join(dir, 'production.sqlite')
    const lessons = Array.from({length: 20}, (_, i) => ({_id: `lesson-${i}`, _type: 'lesson'}))
    const first = await open(
      file,
      [
        {_id: 'image-abc-1x1-png', _type: 'sanity.imageAsset', url: old},
        {_id: 'link', _type: 'tool', url: old},
        ...lessons,
      ],
      {older: true},
    )
    expect(first.report).toEqual({parsed: 2, rewritten: 1})
    expect(first.transactions).toBe(2)
    // The tool's URL still names a loopback host: only a record of the run keeps it unread.
    const second = await open(file)
    expect(second.report).toEqual({parsed: 0, rewritten: 0})
    expect(second.transactions).toBe(2)
    expect(second.urls).toEqual(first.urls)
  })

  it('reads no document of a file this lake created, which holds nothing written the old way', async () => {
    const file = join(dir, 'created.sqlite')
    const opened = await open(file, [
      {_id: 'image-abc-1x1-png', _type: 'sanity.imageAsset', url: old},
    ])
    expect(opened.report).toEqual({parsed: 0, rewritten: 0})
    expect(opened.transactions).toBe(1)
  })
})
