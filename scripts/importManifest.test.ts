import {existsSync, mkdtempSync, readdirSync, writeFileSync} from 'node:fs'
import {mkdir} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {DatabaseSync} from 'node:sqlite'

import {describe, expect, it} from 'vitest'

import {migrate} from '../lake/store/schema.ts'
import type {SyncReport} from '../sync/types.ts'
import {
  fingerprintImages,
  readManifest,
  repeatsUnchanged,
  whatChanged,
  writeManifest,
  type CurrentInputs,
  type ImportManifest,
} from './importManifest.ts'
import {recordImport, type UnchangedCheck} from './importUnchanged.ts'

const inputs = (): CurrentInputs => ({
  key: 'k1',
  dataset: {seq: 7, id: 'tx7'},
  files: {'_config.yml': 'c1', 'index.md': 'i1', '_includes/note.md': 'n1'},
  readProblems: 'p1',
  images: {'/site/a.png': '/site/a.png h1'},
})

const manifestOf = (current: CurrentInputs): ImportManifest => ({
  format: 1,
  key: current.key,
  dataset: current.dataset!,
  files: {...current.files},
  readProblems: current.readProblems,
  images: {...current.images},
  outcome: {
    diagnostics: [],
    stats: {} as ImportManifest['outcome']['stats'],
    pages: 1,
    documents: 3,
    problems: [],
  },
})

const report = (changes: Partial<SyncReport> = {}): SyncReport => ({
  target: 't',
  dryRun: false,
  counts: {
    created: 2,
    updated: 0,
    unchanged: 1,
    skipped: 0,
    conflict: 0,
    failed: 0,
    deleted: 0,
    kept: 0,
  },
  documents: [],
  problems: [],
  requests: {queries: 0, mutations: 0, uploads: 0, retries: 0},
  elapsedMs: 1,
  ...changes,
})

describe('whatChanged', () => {
  it('finds nothing changed when every input is as recorded', () => {
    expect(whatChanged(manifestOf(inputs()), inputs())).toBeUndefined()
  })

  it.each([
    ['a page', (c: CurrentInputs) => (c.files['index.md'] = 'i2'), /index\.md changed/],
    ['_config.yml', (c: CurrentInputs) => (c.files['_config.yml'] = 'c2'), /_config\.yml changed/],
    [
      'an include',
      (c: CurrentInputs) => (c.files['_includes/note.md'] = 'n2'),
      /_includes\/note\.md changed/,
    ],
    ['a new file', (c: CurrentInputs) => (c.files['new.md'] = 'x'), /new\.md is new/],
    ['a removed file', (c: CurrentInputs) => delete c.files['index.md'], /index\.md is gone/],
    [
      'an image',
      (c: CurrentInputs) => (c.images['/site/a.png'] = '/site/a.png h2'),
      /image \/site\/a\.png/,
    ],
    ['an image gone', (c: CurrentInputs) => (c.images['/site/a.png'] = null), /image/],
    ['a link or unreadable file', (c: CurrentInputs) => (c.readProblems = 'p2'), /folder holds/],
    ['a flag or the code', (c: CurrentInputs) => (c.key = 'k2'), /code, the site folder or a flag/],
    [
      'a commit to the dataset (an editor)',
      (c: CurrentInputs) => (c.dataset = {seq: 8, id: 'edit'}),
      /dataset changed/,
    ],
    [
      'a dataset made anew with as many transactions',
      (c: CurrentInputs) => (c.dataset = {seq: 7, id: 'other'}),
      /dataset changed/,
    ],
    ['a dataset with no log', (c: CurrentInputs) => (c.dataset = undefined), /no transactions/],
  ])('sees a change to %s', (_, change, reason) => {
    const current = inputs()
    const manifest = manifestOf(current)
    change(current)
    expect(whatChanged(manifest, current)).toMatch(reason)
  })

  it('imports in full when there is no record', () => {
    expect(whatChanged(undefined, inputs())).toMatch(/no record/)
  })
})

describe('fingerprintImages', () => {
  it('hashes the bytes of each image under its real path, and null for a missing one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'manifest-images-'))
    writeFileSync(join(dir, 'a.png'), 'one')
    const first = await fingerprintImages([join(dir, 'a.png'), join(dir, 'gone.png')])
    expect(first[join(dir, 'gone.png')]).toBeNull()
    writeFileSync(join(dir, 'a.png'), 'two')
    const second = await fingerprintImages([join(dir, 'a.png')])
    expect(second[join(dir, 'a.png')]).not.toBe(first[join(dir, 'a.png')])
  })
})

describe('repeatsUnchanged', () => {
  it('accepts a sync that wrote or kept everything, and one whose only problem is an unreadable image', () => {
    expect(repeatsUnchanged(report())).toBe(true)
    const missing = {kind: 'image' as const, message: 'a.md: cannot read image x.png (ENOENT)'}
    expect(repeatsUnchanged(report({problems: [missing]}))).toBe(true)
  })

  it('refuses a dry run, a conflict, a skip, a failure, a kept removed page, an upload to retry', () => {
    const counts = report().counts
    expect(repeatsUnchanged(report({dryRun: true}))).toBe(false)
    for (const outcome of ['conflict', 'skipped', 'failed', 'kept'] as const)
      expect(repeatsUnchanged(report({counts: {...counts, [outcome]: 1}}))).toBe(false)
    const upload = {kind: 'image' as const, message: 'a.md: cannot upload image x.png (503)'}
    expect(repeatsUnchanged(report({problems: [upload]}))).toBe(false)
    const invalid = {kind: 'invalid' as const, message: 'written although it fails validation'}
    expect(repeatsUnchanged(report({problems: [invalid]}))).toBe(false)
  })
})

describe('the manifest file', () => {
  it('is written whole through a temporary file, and a damaged one reads as none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'manifest-'))
    const file = join(dir, 'cache', 'import-production.json')
    await writeManifest(file, manifestOf(inputs()))
    expect(await readManifest(file)).toEqual(manifestOf(inputs()))
    expect(readdirSync(join(dir, 'cache'))).toEqual(['import-production.json'])
    writeFileSync(file, '{"format":1,"key":')
    expect(await readManifest(file)).toBeUndefined()
  })
})

describe('recordImport', () => {
  /** A dataset file whose log holds these transaction ids, in order. */
  async function datasetWith(ids: string[]) {
    const lakeDir = mkdtempSync(join(tmpdir(), 'manifest-lake-'))
    await mkdir(join(lakeDir, 'data'))
    const data = join(lakeDir, 'data', 'production.sqlite')
    const db = new DatabaseSync(data)
    migrate(db)
    const insert = db.prepare(
      "INSERT INTO transactions (id, timestamp, author, mutations) VALUES (?, '', '', '[]')",
    )
    for (const id of ids) insert.run(id)
    db.close()
    const check: UnchangedCheck = {
      manifest: join(lakeDir, 'cache', 'import-production.json'),
      data,
      dataset: 'production',
      lakeDir,
      key: 'k',
      files: {'index.md': 'h'},
      readProblems: 'p',
    }
    return check
  }
  const run = (committed: string[], syncReport = report()) => ({
    before: {seq: 1, id: 'earlier'},
    written: {transactions: new Set(committed), assets: new Set<string>()},
    report: syncReport,
    documents: [],
    root: '/site',
    outcome: {diagnostics: [], stats: {} as ImportManifest['outcome']['stats'], pages: 1},
  })

  it('records the last transaction when every commit since the sync began is its own', async () => {
    const check = await datasetWith(['earlier', 'ours-1', 'ours-2'])
    await recordImport(check, run(['ours-1', 'ours-2']))
    const manifest = await readManifest(check.manifest)
    expect(manifest?.dataset).toEqual({seq: 3, id: 'ours-2'})
    expect(manifest?.outcome.documents).toBe(3)
  })

  it('records nothing when someone else committed during the sync (their edit must be seen)', async () => {
    const check = await datasetWith(['earlier', 'ours-1', 'editor', 'ours-2'])
    await recordImport(check, run(['ours-1', 'ours-2']))
    expect(existsSync(check.manifest)).toBe(false)
  })

  it('records nothing for a sync a re-run would not repeat (a conflict)', async () => {
    const check = await datasetWith(['earlier'])
    const conflict = report({counts: {...report().counts, conflict: 1}})
    await recordImport(check, run([], conflict))
    expect(existsSync(check.manifest)).toBe(false)
  })
})
