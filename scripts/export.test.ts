import {spawnSync} from 'node:child_process'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {mkdir, readdir, readFile, stat, writeFile} from 'node:fs/promises'
import {join} from 'node:path'

import {afterEach, describe, expect, it, vi} from 'vitest'

import {importFiles} from '../exporter/roundtrip.test-support.ts'
import {toNdjson} from '../importer/index.ts'
import {createLakeClient} from '../lake/client.ts'
import {startLake} from '../lake/start.ts'
import {importHash, withImportStamp} from '../sync/hash.ts'
import {scratchDir} from '../testing/artifacts.ts'
import {png} from '../testing/png.ts'
import type {ExportArgs} from './exportArgs.ts'
import {runExport} from './exportRun.ts'
import {writeSiteAtomically} from './exportWrite.ts'

const ROOT = join(import.meta.dirname, '..')

const SITE: Record<string, string> = {
  '_config.yml': 'title: Test site\n',
  'c/index.md': '---\ntitle: "Course"\nnav_order: 1\n---\n\n# Course\n\nAbout the course.\n',
  'c/lesson.md': '---\ntitle: "Lesson"\nparent: "Course"\nnav_order: 1\n---\n\n# Lesson\n\nText.\n',
}

async function writeTree(dir: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), {recursive: true})
    await writeFile(join(dir, path), text)
  }
}

async function readTree(dir: string, prefix = ''): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const entry of await readdir(join(dir, prefix), {withFileTypes: true})) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory()) Object.assign(out, await readTree(dir, path))
    else out[path] = await readFile(join(dir, path), 'utf8')
  }
  return out
}

/** A scratch folder with the site written into `site/` and its import as `dataset.ndjson`. */
async function setup(documents = importFiles(SITE)) {
  const root = await scratchDir('export-')
  const site = join(root, 'site')
  await writeTree(site, SITE)
  const dataset = join(root, 'dataset.ndjson')
  await writeFile(dataset, toNdjson(documents))
  return {root, site, dataset}
}

/**
 * SITE written into a scratch folder and imported by the command into a lake folder of its own,
 * which the export then reads (LAKE_DIR, no hosted project).
 */
async function importedIntoLake(
  prefix: string,
  files: Record<string, string | Uint8Array> = SITE,
): Promise<{site: string; lake: string}> {
  const root = await scratchDir(prefix)
  const site = join(root, 'site')
  const lake = join(root, 'lake')
  await writeTree(site, files)
  const env = {...process.env, LAKE_DIR: lake, SANITY_PROJECT_ID: '', SANITY_API_TOKEN: ''}
  const imported = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/import.ts', site, '--no-cache'],
    {cwd: ROOT, encoding: 'utf8', env},
  )
  expect(imported.status, imported.stderr).toBe(0)
  vi.stubEnv('LAKE_DIR', lake)
  vi.stubEnv('SANITY_PROJECT_ID', '')
  vi.stubEnv('SANITY_API_TOKEN', '')
  return {site, lake}
}

function args(dir: string, dataset: string, extra: Partial<ExportArgs> = {}): ExportArgs {
  return {
    _: [dir],
    dir,
    dataset,
    drafts: false,
    'dry-run': false,
    prune: false,
    check: false,
    ...extra,
  }
}

const output = {stdout: '', stderr: ''}
function capture() {
  output.stdout = ''
  output.stderr = ''
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    output.stdout += String(chunk)
    return true
  })
  vi.spyOn(console, 'log').mockImplementation(
    (...parts) => (output.stdout += `${parts.join(' ')}\n`),
  )
  vi.spyOn(console, 'error').mockImplementation(
    (...parts) => (output.stderr += `${parts.join(' ')}\n`),
  )
}

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllEnvs()
})

describe('npm run export', {timeout: 120_000}, () => {
  it('names a missing or malformed dataset file and a target that is a file, exit 1, no stack', () => {
    const root = mkdtempSync(join(tmpdir(), 'export-bad-'))
    const bad = join(root, 'bad.ndjson')
    writeFileSync(bad, '{"_id":\n')
    const file = join(root, 'a-file')
    writeFileSync(file, '')
    const exportTo = (dir: string, dataset: string) =>
      spawnSync(
        process.execPath,
        ['--import', 'tsx', 'scripts/export.ts', dir, '--dataset', dataset],
        {cwd: ROOT, encoding: 'utf8'},
      )
    const cases = [
      [
        exportTo(join(root, 'out'), join(root, 'missing.ndjson')),
        /Cannot read --dataset .*missing\.ndjson: no such file/,
      ],
      [exportTo(join(root, 'out'), bad), /bad\.ndjson:1:1: Cannot parse JSON/],
      [exportTo(file, bad.replace('bad', 'missing')), /Cannot read --dataset/],
    ] as const
    for (const [run, message] of cases) {
      expect(run.status).toBe(1)
      expect(run.stderr).toMatch(message)
      expect(run.stderr).not.toMatch(/\n\s+at /)
    }
    const good = join(root, 'good.ndjson')
    writeFileSync(good, toNdjson(importFiles(SITE)))
    const intoFile = exportTo(file, good)
    expect(intoFile.status).toBe(1)
    expect(intoFile.stderr).toMatch(
      /Cannot write the site into .*a-file: it is a file, expected a folder/,
    )
    expect(intoFile.stderr).not.toMatch(/\n\s+at /)
  })

  it('prints --help with every option', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/export.ts', '--help'], {
      cwd: ROOT,
      encoding: 'utf8',
    })
    expect(result.status).toBe(0)
    for (const flag of ['--dataset', '--drafts', '--dry-run', '--check']) {
      expect(result.stdout).toContain(flag)
    }
  })

  it('finds nothing to change in the site an NDJSON dataset was imported from', async () => {
    const {site, dataset} = await setup()
    capture()
    expect(await runExport(args(site, dataset, {check: true}))).toBe(0)
    expect(output.stderr).toMatch(/0 files differ/)
  })

  it('exports the local dataset an import wrote, with nothing to change', async () => {
    const {site} = await importedIntoLake('export-local-')
    capture()
    expect(await runExport(args(site, '', {check: true}))).toBe(0)
    expect(output.stderr).toMatch(/2 pages from local dataset .*; 0 files differ/)
  })

  it('lists a page whose document was deleted, and removes it only with --prune', async () => {
    const root = await scratchDir('export-prune-')
    const site = join(root, 'site')
    await writeTree(site, SITE)
    const dataset = join(root, 'data.ndjson')
    // The lesson was deleted in the Studio: the dataset has the course only.
    const documents = importFiles(SITE).filter((doc) => doc._type !== 'lesson')
    for (const doc of documents) if (Array.isArray(doc.contents)) doc.contents = []
    await writeFile(dataset, toNdjson(documents))
    capture()
    expect(await runExport(args(site, dataset, {check: true}))).toBe(1)
    expect(output.stdout).toMatch(/differs: c\/lesson\.md \(no document exports it/)
    expect(await runExport(args(site, dataset))).toBe(0)
    expect(output.stdout).toMatch(/kept: c\/lesson\.md .*--prune removes it/)
    expect(await readFile(join(site, 'c/lesson.md'), 'utf8')).toBe(SITE['c/lesson.md'])
    expect(await runExport(args(site, dataset, {'dry-run': true, prune: true}))).toBe(0)
    expect(output.stdout).toContain('+++ /dev/null')
    expect(await readFile(join(site, 'c/lesson.md'), 'utf8')).toBe(SITE['c/lesson.md'])
    expect(await runExport(args(site, dataset, {prune: true}))).toBe(0)
    await expect(stat(join(site, 'c/lesson.md'))).rejects.toThrow()
    expect(await readFile(join(site, '_config.yml'), 'utf8')).toBe(SITE['_config.yml'])
    expect(await runExport(args(site, dataset, {check: true}))).toBe(0)
  })

  it('leaves an HTML page nobody edited as it is, and writes an edited one as markdown in its place', async () => {
    const html =
      '---\ntitle: "Calculator"\nparent: "Course"\n---\n<p>Sum</p><script src="calc.js"></script>\n'
    const files = {...SITE, 'c/calc.html': html}
    const root = await scratchDir('export-html-')
    const site = join(root, 'site')
    await writeTree(site, files)
    const dataset = join(root, 'data.ndjson')
    // As the dataset holds them: stamped by the sync with what the import wrote.
    const stored = importFiles(files).map((doc) =>
      withImportStamp(doc, importHash(doc), '2026-12-07T00:00:00Z'),
    )
    await writeFile(dataset, toNdjson(stored))
    capture()
    const code = await runExport(args(site, dataset, {check: true}))
    expect({code, stdout: output.stdout}).toEqual({code: 0, stdout: ''})
    expect(output.stderr).toMatch(
      /^2 pages \(and 1 HTML page nobody edited, left as it is\) from .*; 0 files differ/,
    )
    const edited = stored.map((doc) => (doc.title === 'Calculator' ? {...doc, title: 'Sum'} : doc))
    await writeFile(dataset, toNdjson(edited))
    expect(await runExport(args(site, dataset, {check: true}))).toBe(1)
    expect(output.stdout).toContain('differs: c/calc.html (replaced by c/calc.md)')
    expect(output.stderr).toMatch(/c\/calc\.md: warning: Wrote the page read from c\/calc\.html/)
    expect(await runExport(args(site, dataset))).toBe(0)
    const tree = await readTree(site)
    expect(tree['c/calc.html']).toBeUndefined()
    expect(tree['c/calc.md']).toMatch(/^---\ntitle: "Sum"\nparent: "Course"\n/)
    expect(await runExport(args(site, dataset, {check: true}))).toBe(0)
  })

  it('writes an image uploaded in the Studio into the site and points the page at it', async () => {
    const {site, lake: lakeDir} = await importedIntoLake('export-upload-')
    // An editor uploads an image into the lesson, as the Studio does: an asset, no src.
    const picture = png(4, 3, [200, 30, 30])
    const lake = await startLake({dir: lakeDir, port: 0, log: () => undefined})
    try {
      const client = createLakeClient(lake, {dataset: 'production'})
      const asset = await client.assets.upload('image', picture, {filename: 'chart.png'})
      const lessonId = await client.fetch<string>('*[_type == "lesson"][0]._id')
      await client
        .patch(lessonId)
        .setIfMissing({body: []})
        .append('body', [
          {
            _type: 'image',
            _key: 'up',
            alt: 'A chart',
            asset: {_type: 'reference', _ref: asset._id},
          },
        ])
        .commit()
    } finally {
      await lake.close()
    }
    capture()
    expect(await runExport(args(site, '')), output.stderr).toBe(0)
    const lesson = await readFile(join(site, 'c/lesson.md'), 'utf8')
    const link = /!\[A chart\]\((\.\.\/assets\/uploads\/[\w.-]+\.png)\)/.exec(lesson)
    expect(link, lesson).not.toBeNull()
    expect(await readFile(join(site, 'c', link![1]))).toEqual(picture)
    // The folder now holds what the dataset says: nothing left to write.
    expect(await runExport(args(site, '', {check: true}))).toBe(0)
  })

  it("exports a page with an image in a line of text, whose asset it reads as a block image's", async () => {
    // tni-unofficial-docs' devices page: icons in table cells were refused as referencing no
    // published document, and the page was left unwritten.
    const {site} = await importedIntoLake('export-inline-', {
      ...SITE,
      'c/lesson.md': `${SITE['c/lesson.md']}\nSelect the ![gear](gear.png) icon.\n`,
      'c/gear.png': png(2, 2, [10, 120, 10]),
    })
    capture()
    expect(await runExport(args(site, '', {check: true})), output.stderr).toBe(0)
    expect(output.stderr).not.toMatch(/Referenced document must be published/)
    expect(output.stderr).toMatch(/2 pages from local dataset .*; 0 files differ/)
  })

  it('--check exits 1 and names the file that differs; --dry-run prints its diff and writes nothing', async () => {
    const documents = importFiles(SITE)
    const lesson = documents.find((doc) => doc._type === 'lesson')!
    lesson.title = 'Renamed lesson'
    const {site, dataset} = await setup(documents)
    const before = await readTree(site)
    capture()
    expect(await runExport(args(site, dataset, {check: true}))).toBe(1)
    expect(output.stdout).toBe('differs: c/lesson.md\n')
    capture()
    expect(await runExport(args(site, dataset, {'dry-run': true}))).toBe(0)
    expect(output.stdout).toContain(
      [
        '--- a/c/lesson.md',
        '+++ b/c/lesson.md',
        '@@ -1,9 +1,9 @@',
        ' ---',
        '-title: "Lesson"',
        '+title: "Renamed lesson"',
      ].join('\n'),
    )
    expect(output.stdout).toContain('-# Lesson\n+# Renamed lesson\n')
    expect(await readTree(site)).toEqual(before)
  })

  it('writes the changed files, leaves _config.yml and files the importer never read alone', async () => {
    const documents = importFiles(SITE)
    documents.find((doc) => doc._type === 'lesson')!.title = 'Renamed lesson'
    const {site, dataset} = await setup(documents)
    await writeFile(join(site, 'notes.txt'), 'not a page\n')
    await writeFile(join(site, '_config.yml'), '# hand-written\ntitle: Test site\n')
    capture()
    expect(await runExport(args(site, dataset))).toBe(0)
    const after = await readTree(site)
    expect(after['c/lesson.md']).toContain('title: "Renamed lesson"')
    expect(after['c/index.md']).toBe(SITE['c/index.md'])
    expect(after['notes.txt']).toBe('not a page\n')
    expect(after['_config.yml']).toBe('# hand-written\ntitle: Test site\n')
    expect(await readdir(join(site, '..'))).toEqual(['dataset.ndjson', 'site'])
  })

  it('exports drafts only with --drafts', async () => {
    const documents = importFiles(SITE)
    const lesson = documents.find((doc) => doc._type === 'lesson')!
    const draft = {...lesson, _id: `drafts.${lesson._id}`, title: 'Draft title'}
    const {site, dataset} = await setup([...documents, draft])
    capture()
    expect(await runExport(args(site, dataset, {check: true}))).toBe(0)
    capture()
    expect(await runExport(args(site, dataset, {check: true, drafts: true}))).toBe(1)
    expect(output.stdout).toBe('differs: c/lesson.md\n')
  })

  it('reports a document that fails validation and does not write its file', async () => {
    const documents = importFiles(SITE)
    const lesson = documents.find((doc) => doc._type === 'lesson')!
    lesson.title = 'Changed'
    lesson.slug = {_type: 'slug', current: 'Not A Slug!'}
    const {site, dataset} = await setup(documents)
    capture()
    expect(await runExport(args(site, dataset))).toBe(1)
    expect(output.stderr).toMatch(
      /c\/lesson\.md: error: Cannot export lesson "lesson-c_lesson" at slug/,
    )
    expect(await readFile(join(site, 'c/lesson.md'), 'utf8')).toBe(SITE['c/lesson.md'])
  })

  it('never writes outside the folder, whatever a document says its path is', async () => {
    const documents = importFiles(SITE)
    const lesson = documents.find((doc) => doc._type === 'lesson')!
    lesson.source = {...(lesson.source as object), path: '../escaped.md'}
    const {root, site, dataset} = await setup(documents)
    capture()
    expect(await runExport(args(site, dataset))).toBe(1)
    expect(output.stderr).toMatch(/\.\.\/escaped\.md: error: Cannot write outside/)
    expect(await readdir(root)).toEqual(['dataset.ndjson', 'site'])
  })
})

describe('writeSiteAtomically', () => {
  it('leaves the folder as it was when a write fails part way', async () => {
    const root = await scratchDir('export-fail-')
    const site = join(root, 'site')
    await writeTree(site, SITE)
    const before = await readTree(site)
    const mtime = (await stat(join(site, 'c/lesson.md'))).mtimeMs
    // The first change is written, the second cannot be: c/lesson.md is a file, not a folder.
    const changes = new Map([
      ['c/index.md', 'changed\n'],
      ['c/lesson.md/inside.md', 'cannot be written\n'],
    ])
    await expect(writeSiteAtomically(site, changes)).rejects.toThrow()
    expect(await readTree(site)).toEqual(before)
    expect((await stat(join(site, 'c/lesson.md'))).mtimeMs).toBe(mtime)
    expect(await readdir(root)).toEqual(['site'])
  })

  it('creates the folder when it does not exist yet', async () => {
    const root = await scratchDir('export-new-')
    await writeSiteAtomically(join(root, 'site'), new Map([['a/b.md', 'text\n']]))
    expect(await readTree(join(root, 'site'))).toEqual({'a/b.md': 'text\n'})
    expect(await readdir(root)).toEqual(['site'])
  })
})
