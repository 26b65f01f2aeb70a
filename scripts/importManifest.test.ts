import {existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {mkdir} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {DatabaseSync} from 'node:sqlite'

import {describe, expect, it} from 'vitest'

import {migrate} from '../lake/store/schema.ts'
import type {SyncReport} from '../sync/types.ts'
import {
  fingerprintFiles,
  patchesFile,
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

  it('sees a file it does not read added or removed, as Liquid lists them (site.static_files)', () => {
    const page = {path: 'index.md', bytes: new TextEncoder().encode('# Home')}
    const before = {...inputs(), files: fingerprintFiles([page], ['assets/week1.pdf'])}
    const added = {...inputs(), files: fingerprintFiles([page], ['assets/week1.pdf', 'w2.pdf'])}
    expect(whatChanged(manifestOf(before), {...before})).toBeUndefined()
    expect(whatChanged(manifestOf(before), added)).toMatch(/w2\.pdf is new/)
    expect(whatChanged(manifestOf(added), before)).toMatch(/w2\.pdf is gone/)
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

  /** A record of `pages` pages, each with a conversion and a diagnostic, as an import makes it. */
  const siteManifest = (pages: number): ImportManifest => {
    const ids = Array.from({length: pages}, (_, i) => `lesson-${i}`)
    const diagnostic = (id: string) => ({
      severity: 'info' as const,
      code: 'ial-dropped',
      file: `${id}.md`,
      line: 3,
      column: undefined,
      message: `Dropped the span attribute list of ${id}.`,
    })
    return {
      ...manifestOf(inputs()),
      files: Object.fromEntries(ids.map((id) => [`${id}.md`, `hash-${id}`])),
      outcome: {
        ...manifestOf(inputs()).outcome,
        diagnostics: ids.map(diagnostic),
        documents: pages,
      },
      site: {
        shape: 's1',
        converter: 'v1',
        pages: Object.fromEntries(
          ids.map((id) => [id, {titleHeading: true, documents: [], diagnostics: [diagnostic(id)]}]),
        ),
      },
    }
  }

  /** `manifest` after an import of one changed page, built as the one-page path builds it. */
  const onePageChanged = (manifest: ImportManifest, id: string, edit: string): ImportManifest => {
    const diagnostics = manifest.outcome.diagnostics.flatMap((d) =>
      d.file === `${id}.md`
        ? [
            {...d, message: edit},
            {...d, line: 9, message: edit},
          ]
        : [d],
    )
    return {
      ...manifest,
      dataset: {seq: manifest.dataset.seq + 1, id: `tx-${edit}`},
      files: {...manifest.files, [`${id}.md`]: `hash-${edit}`},
      images: {...manifest.images, '/site/b.png': null},
      outcome: {...manifest.outcome, diagnostics},
      site: {
        ...manifest.site!,
        pages: {
          ...manifest.site!.pages,
          [id]: {emoji: '🚀', documents: [], diagnostics: diagnostics.slice(0, 1)},
        },
      },
    }
  }

  it('after one page changed, writes only what changed beside the record, and reads the whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'manifest-'))
    const file = join(dir, 'cache', 'import-production.json')
    await writeManifest(file, siteManifest(500))
    const whole = readFileSync(file, 'utf8')
    const first = (await readManifest(file))!
    const second = onePageChanged(first, 'lesson-7', 'first edit')
    await writeManifest(file, second, first)
    // The record stays as it was; the patches are a small fraction of it.
    expect(readFileSync(file, 'utf8')).toBe(whole)
    expect(readFileSync(patchesFile(file), 'utf8').length).toBeLessThan(whole.length / 50)
    const read = (await readManifest(file))!
    expect(JSON.stringify(read)).toBe(JSON.stringify(second))

    // A second patch applies on top of the first.
    const third = onePageChanged(read, 'lesson-499', 'second edit')
    await writeManifest(file, third, read)
    expect(readFileSync(file, 'utf8')).toBe(whole)
    expect(JSON.stringify(await readManifest(file))).toBe(JSON.stringify(third))

    // Written whole (a full import), the record leaves the patches behind, even a stale file.
    const patches = readFileSync(patchesFile(file), 'utf8')
    await writeManifest(file, siteManifest(3))
    expect(existsSync(patchesFile(file))).toBe(false)
    writeFileSync(patchesFile(file), patches)
    expect(await readManifest(file)).toEqual(siteManifest(3))
  })

  it('reads as none with damaged patches, and writes the record whole once they grow', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'manifest-'))
    const file = join(dir, 'cache', 'import-production.json')
    await writeManifest(file, siteManifest(20))
    let manifest = (await readManifest(file))!
    for (let edit = 0; edit < 3; edit++) {
      const next = onePageChanged(manifest, `lesson-${edit}`, `edit ${edit}`)
      await writeManifest(file, next, manifest)
      manifest = (await readManifest(file))!
      expect(JSON.stringify(manifest)).toBe(JSON.stringify(next))
    }
    // Twenty pages: a patch is more than a sixteenth of the record, so it was written whole.
    expect(existsSync(patchesFile(file))).toBe(false)

    await writeManifest(file, siteManifest(500))
    const first = (await readManifest(file))!
    await writeManifest(file, onePageChanged(first, 'lesson-1', 'edit'), first)
    const patches = readFileSync(patchesFile(file), 'utf8')
    writeFileSync(patchesFile(file), patches.slice(0, -10))
    expect(await readManifest(file)).toBeUndefined()
    writeFileSync(patchesFile(file), patches.replace('"s":[', '"s":[1000'))
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
