import {spawn} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {DatabaseSync} from 'node:sqlite'

import {afterAll, describe, expect, it} from 'vitest'

import {createLakeClient, startLake} from '../lake/index.ts'
import {runImport} from '../testing/importCommand.ts'
import {converterVersion} from './conversionCache.ts'
import {loadedModules, RECORD_LOADS} from '../testing/recordLoads.ts'

const scratch = mkdtempSync(join(tmpdir(), 'import-changed-'))
afterAll(() => rmSync(scratch, {recursive: true, force: true}))

const ONLY =
  /Importing only what changed: (\d+) changed files, (\d+) documents changed in the dataset; (\d+) documents to sync/
const FULL = /Importing in full: (.*)\./
/** What a one-page import says when it read only the changed pages of the site's snapshot. */
const ALONE = /sync; only the changed pages restored from the site's snapshot\.\n/

/** A site of a course with two lessons that link to each other, an include and a note. */
function writeSite(dir: string) {
  const write = (path: string, text: string) => {
    mkdirSync(join(dir, path, '..'), {recursive: true})
    writeFileSync(join(dir, path), text)
  }
  write('_config.yml', 'title: Workshop\n')
  write('index.md', '---\ntitle: Home\nnav_order: 1\n---\n\nWelcome.\n')
  write('course.md', '---\ntitle: Course\nnav_order: 2\nhas_children: true\n---\n\nThe course.\n')
  write('one.md', '---\ntitle: One\nparent: Course\nnav_order: 1\n---\n\nSee [two](two.md).\n')
  write('two.md', '---\ntitle: Two\nparent: Course\nnav_order: 2\n---\n\nBack to [one](one.md).\n')
  write('notes.md', '---\ntitle: Notes\nnav_order: 3\n---\n\n{% include tip.md %}\n')
  write('_includes/tip.md', 'Pair up.\n')
  return write
}

/** The text of writeSite's `one.md` with `text` for its body. */
const body = (text: string) => `---\ntitle: One\nparent: Course\nnav_order: 1\n---\n\n${text}\n`

function importer(site: string, lakeDir: string) {
  return (exitCode = 0, ...args: string[]) => {
    const {status, output} = runImport(site, lakeDir, args)
    expect(status, output).toBe(exitCode)
    const only = ONLY.exec(output)
    return {output, only: only ? Number(only[3]) : undefined, full: FULL.exec(output)?.[1]}
  }
}

/** Every document of the dataset, without what differs between two lakes (revisions, times). */
function storedDocuments(lakeDir: string) {
  const db = new DatabaseSync(join(lakeDir, 'data', 'production.sqlite'), {readOnly: true})
  try {
    const rows = db.prepare('SELECT doc FROM documents ORDER BY id').all() as {doc: string}[]
    return rows.map((row) => {
      const {_rev, _createdAt, _updatedAt, ...doc} = JSON.parse(row.doc) as Record<string, unknown>
      const {importedAt, ...source} = (doc.source ?? {}) as Record<string, unknown>
      void [_rev, _createdAt, _updatedAt, importedAt]
      return {...doc, source} as Record<string, unknown>
    })
  } finally {
    db.close()
  }
}

/**
 * Requires that `lakeDir` holds what a full import of `site` without the conversion cache writes
 * into a new dataset (in the lake folder `name` of the scratch folder).
 */
function expectAsFullImport(site: string, lakeDir: string, name: string) {
  const fresh = join(scratch, name)
  importer(site, fresh)(0, '--no-cache')
  expect(storedDocuments(lakeDir)).toEqual(storedDocuments(fresh))
}

const byPath = (docs: ReturnType<typeof storedDocuments>, path: string) =>
  docs.find((doc) => (doc.source as {path?: string}).path === path)!

/** Sets a field of a stored document as an editor in Studio would, through a lake's API. */
async function editorSets(lakeDir: string, id: string, set: Record<string, unknown>) {
  const lake = await startLake({dir: lakeDir, port: 0, log: () => undefined})
  try {
    await createLakeClient(lake, {dataset: 'production'}).patch(id).set(set).commit()
  } finally {
    await lake.close()
  }
}

/**
 * The import command as runImport runs it, and the modules it loaded; not blocking this process,
 * which may be serving the lake the command talks to.
 */
async function importLoading(site: string, lakeDir: string) {
  const child = spawn(
    process.execPath,
    ['--import', RECORD_LOADS, 'scripts/import.ts', site, '--verbose'],
    {
      cwd: join(import.meta.dirname, '..'),
      // The sources' modules: the bundle keeps each lazy import() a chunk of its own, which
      // importBundle.test.ts checks the same way.
      env: {
        ...process.env,
        LAKE_DIR: lakeDir,
        SANITY_PROJECT_ID: '',
        SANITY_DATASET: '',
        IMPORT_BUNDLE: 'off',
      },
    },
  )
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
  const status = await new Promise((resolve) => child.on('close', resolve))
  const output = `${stdout}\n${stderr}`
  expect(status, output).toBe(0)
  // Every thread of the process prints its own list.
  const loaded = loadedModules(stderr)
  expect(loaded).toContain(pathToFileURL(join(import.meta.dirname, 'importChangedPages.ts')).href)
  return {output, loaded}
}

// Each step starts the import command: slow on a busy machine.
describe('a re-import after pages changed', {timeout: 300_000}, () => {
  it('syncs a changed page into the local lake without loading @sanity/client or the GROQ evaluator, in-process (without a server) or running', async () => {
    const site = join(scratch, 'client-site')
    const lakeDir = join(scratch, 'client-lake')
    const write = writeSite(site)
    importer(site, lakeDir)()
    const client = (loaded: string[]) => loaded.filter((url) => url.includes('/@sanity/client/'))
    // The sync reads its own lake by fields and ids, and writes by id: no query to evaluate.
    const groq = (loaded: string[]) => loaded.filter((url) => url.includes('/groq-js/'))
    write('one.md', body('Changed with no lake running.'))
    const inProcess = await importLoading(site, lakeDir)
    expect(inProcess.output).toMatch(ONLY)
    expect(inProcess.output).toMatch(/Updated\s+1\b/)
    expect(inProcess.output).toContain('in-process')
    expect(client(inProcess.loaded)).toEqual([])
    expect(groq(inProcess.loaded)).toEqual([])
    // The lake of the import itself is read and written in-process: no server, no HTTP client.
    const network = (loaded: string[]) =>
      loaded.filter((url) => /^node:(http|https|http2|tls|net)$/.test(url))
    expect(network(inProcess.loaded)).toEqual([])

    const lake = await startLake({dir: lakeDir, port: 0, log: () => undefined})
    try {
      write('one.md', body('Changed while the lake runs.'))
      const running = await importLoading(site, lakeDir)
      expect(running.output).toMatch(ONLY)
      expect(running.output).toContain(`lake server at ${lake.url}`)
      expect(client(running.loaded)).toEqual([])
      expect(groq(running.loaded)).toEqual([])
      expect(network(running.loaded)).toContain('node:http')
    } finally {
      await lake.close()
    }
    expectAsFullImport(site, lakeDir, 'client-fresh-lake')
    expect(JSON.stringify(byPath(storedDocuments(lakeDir), 'one.md').body)).toContain('lake runs')
  })

  it('syncs only the changed page, and leaves the dataset as a full import into a new one does', async () => {
    const site = join(scratch, 'body-site')
    const lakeDir = join(scratch, 'body-lake')
    const write = writeSite(site)
    const run = importer(site, lakeDir)
    run()
    write(
      'two.md',
      '---\ntitle: Two\nparent: Course\nnav_order: 2\n---\n\nBack to [one](one.md), then [home](index.md).\n',
    )
    const changed = run()
    expect(changed.only, changed.output).toBe(1)
    expect(changed.output).toMatch(/Updated\s+1\b/)
    expect(changed.output).toMatch(/Unchanged\s+5\b/)
    expect(changed.output).toMatch(/4 unchanged since the last import, not converted again/)
    // The converter's version, kept for the next run: the conversion cache's entries name it.
    const manifest = JSON.parse(
      readFileSync(join(lakeDir, 'cache', 'import-production.json'), 'utf8'),
    ) as {site: {converter: string}}
    expect(manifest.site.converter).toBe(await converterVersion())
    expect(run().output).toMatch(/as the last import left it/)

    expectAsFullImport(site, lakeDir, 'body-fresh-lake')
  })

  it('reads no other page again when only a body changed: the page alone comes from the snapshot', () => {
    const site = join(scratch, 'memo-site')
    const lakeDir = join(scratch, 'memo-lake')
    const write = writeSite(site)
    const run = importer(site, lakeDir)
    run()
    write('one.md', body('See [two](two.md) first.'))
    const changed = run()
    expect(changed.only, changed.output).toBe(1)
    expect(changed.output).toMatch(ALONE)
    // Without the snapshot, every page is read, its front matter remembered, not parsed.
    rmSync(join(lakeDir, 'cache', 'site-production.json'))
    write('one.md', body('See [two](two.md) second.'))
    const prepared = run()
    expect(prepared.only, prepared.output).toBe(1)
    expect(prepared.output).toMatch(/Restoring the whole site: the site has no snapshot/)
    expect(prepared.output).toMatch(/front matter: 0 parsed, 5 remembered\)\.\n/)
    write('one.md', `---\ntitle: One\nparent: Course\nnav_order: 1\nowner: Ann\n---\n\nSee two.\n`)
    expect(run().full).toMatch(/navigation, front matter/)
    // The full import that followed left a snapshot, and the front matter it read.
    write('two.md', '---\ntitle: Two\nparent: Course\nnav_order: 2\n---\n\nBack to one.\n')
    expect(run().output).toMatch(ALONE)
    rmSync(join(lakeDir, 'cache', 'site-production.json'))
    write('two.md', '---\ntitle: Two\nparent: Course\nnav_order: 2\n---\n\nBack to one, again.\n')
    expect(run().output).toMatch(/front matter: 0 parsed, 5 remembered\)\.\n/)
    expectAsFullImport(site, lakeDir, 'memo-fresh-lake')
  })

  it('records only the problems a report shows, after a full import and a page-local one', () => {
    const site = join(scratch, 'shown-site')
    const lakeDir = join(scratch, 'shown-lake')
    const write = writeSite(site)
    // A dropped comment and attribute list are info diagnostics; the form is a warning.
    write('one.md', body('See [two](two.md){: .btn } <!-- a note --> <form></form>'))
    write(
      'two.md',
      '---\ntitle: Two\nparent: Course\nnav_order: 2\n---\n\n[One](one.md){: .btn }\n',
    )
    const run = importer(site, lakeDir)
    const recordText = () =>
      ['import-production.json', 'import-production.patches.ndjson']
        .map((name) => {
          try {
            return readFileSync(join(lakeDir, 'cache', name), 'utf8')
          } catch {
            return ''
          }
        })
        .join('\n')
    const first = run()
    const record = recordText()
    expect(record).toContain('"severity":"warning"')
    expect(record).not.toContain('"severity":"info"')
    // The conversions (kept whole in their cache) did find the info ones.
    const conversions = readFileSync(join(lakeDir, 'cache', 'conversions.ndjson'), 'utf8')
    expect(conversions).toContain('"severity":"info"')
    write('one.md', body('See [two](two.md){: .btn } <!-- a note --> <form></form> Again.'))
    const changed = run()
    expect(changed.output).toMatch(ALONE)
    expect(recordText()).not.toContain('"severity":"info"')
    // The same warnings (printed in full: the runs are verbose) as the first import and a
    // full one report, and the same count.
    const shown = (output: string) => [
      ...output
        .split('\n')
        .filter((line) => line.includes(': warning: '))
        .sort(),
      /Problems: .*/.exec(output)?.[0],
    ]
    expect(shown(changed.output)).toEqual(shown(first.output))
    expect(shown(changed.output)).toContain('Problems:   0 errors, 2 warnings')
    const full = importer(site, join(scratch, 'shown-fresh-lake'))()
    expect(shown(full.output)).toEqual(shown(changed.output))
  })

  it('reports the image another page is missing, and fails, as a full import and an unchanged one do', () => {
    const site = join(scratch, 'missing-image-site')
    const write = writeSite(site)
    write('two.md', '---\ntitle: Two\nparent: Course\nnav_order: 2\n---\n\n![A chart](chart.png)\n')
    const run = importer(site, join(scratch, 'missing-image-lake'))
    const missing = /image: two\.md:7: cannot read image chart\.png \(ENOENT\)/
    expect(run(1).output).toMatch(missing)
    write('one.md', body('See [two](two.md), now.'))
    const changed = run(1)
    expect(changed.output).toMatch(ALONE)
    expect(changed.output).toMatch(missing)
    expect(changed.output).toMatch(/Problems: .*; 1 more from the sync/)
    expect(run(1).output).toMatch(missing)
  })

  it("restores a site whose pages' Liquid reads the site, unless a page reads other pages' bodies", () => {
    const site = join(scratch, 'liquid-site')
    const lakeDir = join(scratch, 'liquid-lake')
    const write = writeSite(site)
    // A page that lists the site's pages by title, and one that shows where it is built.
    write(
      'index.md',
      '---\ntitle: Home\nnav_order: 1\n---\n\n{% for p in site.pages %}{% if p.title %}- {{ p.title }}\n{% endif %}{% endfor %}\n',
    )
    write('_data/place.yml', 'room: B12\n')
    write(
      'notes.md',
      '---\ntitle: Notes\nnav_order: 3\n---\n\n{% if site.data.place %}Room {{ site.data.place.room }}.{% endif %}\n',
    )
    const run = importer(site, lakeDir)
    run()
    write('one.md', body('See [two](two.md) first.'))
    const changed = run()
    expect(changed.only, changed.output).toBe(1)
    expect(changed.output).toMatch(ALONE)
    // A page that reads the site changes as any page does.
    write(
      'notes.md',
      '---\ntitle: Notes\nnav_order: 3\n---\n\n{% if site.data.place %}Meet in {{ site.data.place.room }}.{% endif %}\n',
    )
    const reader = run()
    expect(reader.only, reader.output).toBe(1)
    expect(reader.output).toMatch(ALONE)
    expect(JSON.stringify(byPath(storedDocuments(lakeDir), 'notes.md').body)).toContain(
      'Meet in B12.',
    )
    expectAsFullImport(site, lakeDir, 'liquid-fresh-lake')

    // A page that shows other pages' contents changes with their bodies: the full way.
    write(
      'two.md',
      '---\ntitle: Two\nparent: Course\nnav_order: 2\n---\n\n{% for p in site.pages %}{% if p.title == "One" %}{{ p.content }}{% endif %}{% endfor %}\n',
    )
    expect(run().full).toMatch(/Liquid of two\.md reads other pages' bodies/)
    write('one.md', body('See [two](two.md) last.'))
    expect(run().full).toMatch(/Liquid of the page of lesson-\S+ reads other pages' bodies/)
    expect(JSON.stringify(byPath(storedDocuments(lakeDir), 'two.md').body)).toContain('last')
    expectAsFullImport(site, lakeDir, 'liquid-again-lake')
  })

  it('prepares the whole site when its snapshot is damaged, for the right key and shape', () => {
    const site = join(scratch, 'damaged-site')
    const lakeDir = join(scratch, 'damaged-lake')
    const write = writeSite(site)
    const run = importer(site, lakeDir)
    run()
    const file = join(lakeDir, 'cache', 'site-production.json')
    // One JSON value a line: the header, the snapshot but for its plans, the pages read, a row
    // of every plan, then each plan.
    const kept = readFileSync(file, 'utf8').split('\n')
    const damaged: Array<[string[], RegExp, RegExp]> = [
      [
        [kept[0], '{}', ...kept.slice(2)],
        /Restoring the whole site: the site's snapshot is damaged \(/,
        /Preparing the whole site: one\.md is not a page/,
      ],
      [
        [...kept.slice(0, 4), ...kept.slice(4, -1).map(() => '{"id":"one"}'), ''],
        /Restoring the whole site: the site's snapshot is damaged \(/,
        /Preparing the whole site: the site's snapshot is damaged \(/,
      ],
    ]
    for (const [i, [lines, alone, whole]] of damaged.entries()) {
      writeFileSync(file, lines.join('\n'))
      write('one.md', `---\ntitle: One\nparent: Course\nnav_order: 1\n---\n\nEdit ${i}.\n`)
      const again = run()
      expect(again.only, again.output).toBe(1)
      expect(again.output).toMatch(alone)
      expect(again.output).toMatch(whole)
    }
    expectAsFullImport(site, lakeDir, 'damaged-fresh-lake')
  })

  it('syncs only the page whose empty body got its first line', () => {
    const site = join(scratch, 'empty-site')
    const write = writeSite(site)
    write('one.md', '---\ntitle: One\nparent: Course\nnav_order: 1\n---\n')
    const run = importer(site, join(scratch, 'empty-lake'))
    run()
    write('one.md', '---\ntitle: One\nparent: Course\nnav_order: 1\n---\n\nNow with a body.\n')
    const changed = run()
    expect(changed.only, changed.output).toBe(1)
    expect(changed.output).toMatch(/Updated\s+1\b/)
    // The text before its body changed (the blank line joined it): the whole site was prepared,
    // and its snapshot written again, so the next body edit restores the site from it.
    expect(changed.output).toMatch(/Preparing the whole site: the front matter of one\.md changed/)
    write('one.md', '---\ntitle: One\nparent: Course\nnav_order: 1\n---\n\nNow with two lines.\n')
    const again = run()
    expect(again.only, again.output).toBe(1)
    expect(again.output).toMatch(ALONE)
  })

  it('goes the full way when front matter, an include or _config.yml changed, or a page is new or gone', () => {
    const site = join(scratch, 'shape-site')
    const write = writeSite(site)
    const run = importer(site, join(scratch, 'shape-lake'))
    run()
    write(
      'one.md',
      '---\ntitle: One, renamed\nparent: Course\nnav_order: 1\n---\n\nSee [two](two.md).\n',
    )
    expect(run().full).toMatch(/navigation, front matter/)
    write('_includes/tip.md', 'Pair up, then swap.\n')
    expect(run().full).toMatch(/an include changed/)
    const notes = byPath(storedDocuments(join(scratch, 'shape-lake')), 'notes.md')
    expect(JSON.stringify(notes.body)).toContain('Pair up, then swap.')
    write('_config.yml', 'title: Workshop notes\n')
    expect(run().full).toMatch(/_config\.yml or an include changed/)
    write('three.md', '---\ntitle: Three\nparent: Course\nnav_order: 3\n---\n\nThree.\n')
    expect(run().full).toMatch(/three\.md is new/)
    expect(run().output).toMatch(/as the last import left it/)
    rmSync(join(site, 'three.md'))
    expect(run().full).toMatch(/three\.md is gone/)
  })

  it("keeps an editor's edit of another document, and plans the edited one as a full import does", async () => {
    const site = join(scratch, 'editor-site')
    const lakeDir = join(scratch, 'editor-lake')
    const write = writeSite(site)
    const run = importer(site, lakeDir)
    run()
    const notes = byPath(storedDocuments(lakeDir), 'notes.md')._id as string
    await editorSets(lakeDir, notes, {title: 'Notes, as the editor calls them'})
    write(
      'two.md',
      '---\ntitle: Two\nparent: Course\nnav_order: 2\n---\n\nBack to [one](one.md) again.\n',
    )
    const changed = run()
    // The page that changed, and the document the editor changed (planned: unchanged source).
    expect(changed.only, changed.output).toBe(2)
    expect(changed.output).toMatch(/Updated\s+1\b/)
    expect(changed.output).toMatch(/Unchanged\s+5\b/)
    const docs = storedDocuments(lakeDir)
    expect(byPath(docs, 'notes.md').title).toBe('Notes, as the editor calls them')
    // Converted again from its page (read again for it), not from an empty text.
    expect(JSON.stringify(byPath(docs, 'notes.md').body)).toContain('Pair up.')
    expect(JSON.stringify(byPath(docs, 'two.md').body)).toContain('again.')
    expect(run().output).toMatch(/as the last import left it/)
  })

  it("reports a conflict, as a full import does, when an editor changed the changed page's document", async () => {
    const site = join(scratch, 'conflict-site')
    const lakeDir = join(scratch, 'conflict-lake')
    const write = writeSite(site)
    const run = importer(site, lakeDir)
    run()
    const two = byPath(storedDocuments(lakeDir), 'two.md')._id as string
    await editorSets(lakeDir, two, {title: 'Two, as the editor calls it'})
    write(
      'two.md',
      '---\ntitle: Two\nparent: Course\nnav_order: 2\n---\n\nBack to [one](one.md) again.\n',
    )
    const changed = run(1)
    expect(changed.only, changed.output).toBe(1)
    expect(changed.output).toMatch(/Conflicts\s+1\b/)
    expect(byPath(storedDocuments(lakeDir), 'two.md').title).toBe('Two, as the editor calls it')
    // Not recorded: the next run plans the conflict again.
    expect(run(1).output).toMatch(/Conflicts\s+1\b/)
  })
})
