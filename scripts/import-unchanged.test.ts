import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {DatabaseSync} from 'node:sqlite'

import {afterAll, describe, expect, it} from 'vitest'

import {createLakeClient, startLake} from '../lake/index.ts'
import {runImport} from '../testing/importCommand.ts'

const scratch = mkdtempSync(join(tmpdir(), 'import-unchanged-'))
afterAll(() => rmSync(scratch, {recursive: true, force: true}))

/** A 1×1 GIF, and the same with another colour: two real images the lake can measure. */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64')
const OTHER_PIXEL = Buffer.from(PIXEL.map((byte, i) => (i === 13 ? 0x40 : byte)))

const FAST = /as the last import left it/

/** A site whose pages read every kind of input: an image, an include, `_config.yml`. */
function writeSite(dir: string) {
  const write = (path: string, text: string | Buffer) => {
    mkdirSync(join(dir, path, '..'), {recursive: true})
    writeFileSync(join(dir, path), text)
  }
  write('_config.yml', 'title: Workshop\n')
  write('index.md', '---\ntitle: Home\nnav_order: 1\n---\n\nWelcome.\n')
  write('guide.md', '---\ntitle: Guide\nnav_order: 2\n---\n\n![A pixel](pixel.gif)\n')
  write('notes.md', '---\ntitle: Notes\nnav_order: 3\n---\n\n{% include tip.md %}\n')
  write('_includes/tip.md', 'Pair up.\n')
  write('pixel.gif', PIXEL)
  return write
}

function importer(site: string, lakeDir: string, exitCode = 0) {
  return (...args: string[]) => {
    const {status, output} = runImport(site, lakeDir, args)
    expect(status, output).toBe(exitCode)
    const reused = /; (\d+) unchanged since the last import, not converted again/.exec(output)
    return {output, fast: FAST.test(output), reused: Number(reused?.[1])}
  }
}

/** The stored document of the page at `path`, read from the dataset file. */
function storedPage(lakeDir: string, path: string) {
  const db = new DatabaseSync(join(lakeDir, 'data', 'production.sqlite'), {readOnly: true})
  try {
    const rows = db.prepare('SELECT doc FROM documents').all() as {doc: string}[]
    const docs = rows.map((row) => JSON.parse(row.doc) as Record<string, unknown>)
    return docs.find((doc) => (doc.source as {path?: string} | undefined)?.path === path)!
  } finally {
    db.close()
  }
}

// Each step starts the import command: slow on a busy machine.
describe('an unchanged re-import', {timeout: 300_000}, () => {
  it('is answered from the manifest, and a change to any input imports again, converting only the pages it affects', () => {
    const site = join(scratch, 'inputs-site')
    const lakeDir = join(scratch, 'inputs-lake')
    const write = writeSite(site)
    const run = importer(site, lakeDir)

    const first = run()
    expect(first.output).toMatch(/Created\s+\d+/)
    const again = run()
    expect(again.fast, again.output).toBe(true)
    expect(again.output).toMatch(/Unchanged\s+4\b/)
    expect(again.output).toMatch(/0 queries, 0 mutation requests/)

    write('guide.md', '---\ntitle: Guide\nnav_order: 2\n---\n\n![A pixel](pixel.gif)\n\nMore.\n')
    const page = run()
    expect(page.output).toMatch(/Importing again: guide\.md changed/)
    expect(page.reused).toBe(2)
    expect(run().fast).toBe(true)

    write('_includes/tip.md', 'Pair up, then swap.\n')
    const include = run()
    expect(include.output).toMatch(/Importing again: _includes\/tip\.md changed/)
    expect(include.reused).toBe(2)
    expect(JSON.stringify(storedPage(lakeDir, 'notes.md'))).toContain('Pair up, then swap.')
    expect(run().fast).toBe(true)

    const assetBefore = JSON.stringify(storedPage(lakeDir, 'guide.md')).match(/image-\w+/)?.[0]
    write('pixel.gif', OTHER_PIXEL)
    const image = run()
    expect(image.output).toMatch(/Importing again: the image .*pixel\.gif changed/)
    expect(image.reused).toBe(3)
    const assetAfter = JSON.stringify(storedPage(lakeDir, 'guide.md')).match(/image-\w+/)?.[0]
    expect(assetAfter).toBeDefined()
    expect(assetAfter).not.toBe(assetBefore)
    expect(run().fast).toBe(true)

    write('_config.yml', 'title: Workshop notes\n')
    const config = run()
    expect(config.output).toMatch(/Importing again: _config\.yml changed/)
    expect(run().fast).toBe(true)

    write('new.md', '---\ntitle: New\nnav_order: 4\n---\n\nNew page.\n')
    const added = run()
    expect(added.output).toMatch(/Importing again: new\.md is new/)
    expect(added.reused).toBe(3)

    const flag = run('--placeholders')
    expect(flag.output).toMatch(/Importing again: the code, the site folder or a flag changed/)
    expect(run('--placeholders').fast).toBe(true)
  })

  it("imports again when a file it does not read is added, converting only the page whose Liquid lists the site's files", () => {
    const site = join(scratch, 'static-site')
    const lakeDir = join(scratch, 'static-lake')
    const write = writeSite(site)
    write(
      'handouts.md',
      '---\ntitle: Handouts\nnav_order: 4\n---\n\n' +
        '{% for file in site.static_files %}- [{{ file.name }}]({{ file.path }})\n{% endfor %}',
    )
    const run = importer(site, lakeDir)
    run()
    expect(run().fast).toBe(true)

    write('files/week1.pdf', '%PDF-1.4\n')
    const added = run()
    expect(added.output).toMatch(/Importing again: files\/week1\.pdf is new/)
    expect(added.reused).toBe(3)
    expect(JSON.stringify(storedPage(lakeDir, 'handouts.md'))).toContain('week1.pdf')
    expect(run().fast).toBe(true)
  })

  it('repeats what the full run reported: its problems, warnings and exit code', () => {
    const site = join(scratch, 'problems-site')
    const write = writeSite(site)
    write('guide.md', '---\ntitle: Guide\nnav_order: 2\n---\n\n![Gone](missing.gif)\n')
    const run = importer(site, join(scratch, 'problems-lake'), 1)
    const full = run()
    expect(full.fast).toBe(false)
    const again = run()
    expect(again.fast, again.output).toBe(true)
    expect(again.output).toMatch(/image: guide\.md:6: cannot read image missing\.gif/)
    expect(again.output).toMatch(/Unchanged\s+4\b/)
    const warnings = (text: string) => /Problems: +(.*)/.exec(text)?.[1]
    expect(warnings(again.output)).toBe(warnings(full.output))
  })

  it("repeats what the Studio's rules found, and a one-page re-import keeps it for the pages it leaves", () => {
    const site = join(scratch, 'schema-site')
    const lakeDir = join(scratch, 'schema-lake')
    const write = writeSite(site)
    const run = importer(site, lakeDir)
    run()
    // What the last import's validation found, as it records it: every rule the importer
    // cannot break restates one of its own warnings, so the finding is written in here.
    const file = join(lakeDir, 'cache', 'import-production.json')
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as {
      outcome: {schema?: object[]}
    }
    expect(manifest.outcome.schema).toEqual([])
    const finding = (page: string) => ({
      severity: 'warning',
      code: 'schema',
      file: page,
      documentId: storedPage(lakeDir, page)._id,
      message: `A rule found something in ${page}`,
    })
    manifest.outcome.schema = [finding('notes.md'), finding('guide.md')]
    writeFileSync(file, JSON.stringify(manifest))

    const again = run()
    expect(again.fast, again.output).toBe(true)
    expect(again.output).toMatch(/notes\.md: warning: A rule found something in notes\.md/)
    expect(again.output).toMatch(/guide\.md: warning: A rule found something in guide\.md/)

    // guide.md's document is checked again (and passes); notes.md's finding still stands.
    write('guide.md', '---\ntitle: Guide\nnav_order: 2\n---\n\n![A pixel](pixel.gif)\n\nMore.\n')
    const page = run()
    expect(page.output).toMatch(/Importing only what changed/)
    expect(page.output).toMatch(/A rule found something in notes\.md/)
    expect(page.output).not.toMatch(/A rule found something in guide\.md/)
    const after = run()
    expect(after.fast).toBe(true)
    expect(after.output).toMatch(/A rule found something in notes\.md/)
    expect(after.output).not.toMatch(/A rule found something in guide\.md/)
  })

  it("sees an editor's change in the dataset: the import plans that document again and keeps the edit", async () => {
    const site = join(scratch, 'editor-site')
    const lakeDir = join(scratch, 'editor-lake')
    writeSite(site)
    const run = importer(site, lakeDir)
    run()
    expect(run().fast).toBe(true)

    const id = storedPage(lakeDir, 'notes.md')._id as string
    const lake = await startLake({dir: lakeDir, port: 0, log: () => undefined})
    try {
      const client = createLakeClient(lake, {dataset: 'production'})
      await client.patch(id).set({title: 'Notes, as the editor calls them'}).commit()
    } finally {
      await lake.close()
    }

    const after = run()
    expect(after.output).toMatch(/Importing again: the dataset changed since the last import/)
    expect(after.output).toMatch(/Unchanged\s+4\b/)
    expect(storedPage(lakeDir, 'notes.md').title).toBe('Notes, as the editor calls them')
    expect(run().fast).toBe(true)
  })
})
