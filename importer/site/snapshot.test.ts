import {execFile} from 'node:child_process'
import {mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {promisify} from 'node:util'

import {describe, expect, it} from 'vitest'

import {
  editedFiles,
  fileText,
  hashedFile,
  readSiteFiles,
  SITE_FIXTURES,
  storedSnapshot,
} from '../../testing/siteFixture.ts'
import type {ConvertResult} from '../body/index.ts'
import {planSlugs} from '../documents/assemble.ts'
import {liquidShape, siteShape} from './shape.ts'
import {restoreSite, snapshotSite, type SiteSnapshot} from './snapshot.ts'
import {finishSite, prepareSite, type PreparedSite} from './stages.ts'
import type {SiteFile} from './types.ts'

/** Every page body converted by a stand-in that keeps what the document needs of it. */
function converted(prepared: PreparedSite): Map<string, ConvertResult> {
  return new Map(
    prepared.jobs.map((job) => [
      job.id,
      {body: [], documents: [], diagnostics: [], titleHeading: job.markdown.startsWith('#')},
    ]),
  )
}

const restore = (snapshot: SiteSnapshot, files: SiteFile[], changed: string[]) =>
  restoreSite(snapshot, new Map(files.map((file) => [file.path, file])), changed)

const FIXTURE_SITES = readdirSync(SITE_FIXTURES).filter((name) => name.startsWith('site-'))

describe('restoreSite', () => {
  it.each(FIXTURE_SITES)(
    '%s: a body changed, it prepares the site as prepareSite does from every file',
    (name) => {
      const files = readSiteFiles(join(SITE_FIXTURES, name, 'input')).map(hashedFile)
      const before = prepareSite(files)
      const snapshot = storedSnapshot(before)
      for (const job of before.jobs) {
        const after = editedFiles(files, job.file, (text) => `${text}\nChanged.\n`)
        const prepared = prepareSite(after)
        const restored = restore(snapshot, after, [job.file])
        if ('reason' in restored) throw new Error(restored.reason)
        expect(siteShape(restored), job.file).toBe(siteShape(prepared))
        expect(restored.jobs.find((j) => j.id === job.id)).toEqual(
          prepared.jobs.find((j) => j.id === job.id),
        )
        expect(restored.contextData).toEqual(prepared.contextData)
        expect(Object.getPrototypeOf(restored.contextData.includes)).toBe(null)
        expect(restored.diagnostics).toEqual(prepared.diagnostics)
        // Its slugs come from the snapshot, not from every title again, and are the same.
        expect(restored.slugs).toEqual(planSlugs(prepared.plans))
        expect(finishSite(restored, converted(prepared))).toEqual(
          finishSite(prepared, converted(prepared)),
        )
        const rest = (site: PreparedSite) => ({
          configText: site.configText,
          unread: site.unread,
          read: {...site.read, pages: site.read.pages.map((page) => page.file)},
          jobs: site.jobs.map((j) => [j.id, j.file, j.title, j.page]),
        })
        expect(rest(restored)).toEqual(rest(prepared))
      }
    },
  )

  const SITE = [
    // A nested mapping: more than the YAML parser's fast path reads, so preparing the site loads
    // the parser.
    {path: '_config.yml', text: 'title: Course\nkramdown:\n  toc_levels: 2..3\n'},
    {path: 'index.md', text: '---\ntitle: Home\nnav_order: 1\n---\n\nWelcome.\n'},
    {path: 'one.md', text: '---\ntitle: One\nparent: Home\n---\n\nOne.\n'},
    {path: 'two.md', text: '---\ntitle: Two\nparent: Home\n---\n\nTwo.\n'},
  ].map(hashedFile)
  const snapshot = storedSnapshot(prepareSite(SITE))

  it('cannot restore a site from a snapshot whose slugs are not one for each plan', () => {
    const files = editedFiles(SITE, 'one.md', (text) => `${text}\nMore.\n`)
    const damaged = {...snapshot, slugs: snapshot.slugs.slice(1)}
    expect(restore(damaged, files, ['one.md'])).toEqual({
      reason: `the snapshot keeps ${snapshot.plans.length - 1} slugs for ${snapshot.plans.length} plans`,
    })
  })

  it('cannot restore a page whose front matter changed, even to the same values', () => {
    const files = editedFiles(SITE, 'one.md', (text) =>
      text.replace('parent: Home', 'parent:  Home'),
    )
    expect(restore(snapshot, files, ['one.md'])).toEqual({
      reason: 'the front matter of one.md changed',
    })
  })

  it('cannot restore a page whose title, taken from its first heading, changed with its body', () => {
    const site = [
      {path: 'Gemfile', text: 'gem "github-pages", group: :jekyll_plugins\n'},
      {path: 'index.md', text: '---\ntitle: Home\n---\n\nWelcome.\n'},
      {path: 'guide.md', text: '---\nnav_order: 2\n---\n\n# Guide\n\nText.\n'},
    ].map(hashedFile)
    const kept = storedSnapshot(prepareSite(site))
    const body = editedFiles(site, 'guide.md', (text) => `${text}\nMore.\n`)
    expect(restore(kept, body, ['guide.md'])).not.toHaveProperty('reason')
    const retitled = editedFiles(site, 'guide.md', (text) => text.replace('# Guide', '# Manual'))
    expect(restore(kept, retitled, ['guide.md'])).toEqual({
      reason: 'the heading that titles guide.md changed',
    })
  })

  it('reads no YAML of a page whose body changed: its front matter is the kept one', () => {
    const files = editedFiles(SITE, 'one.md', (text) => `${text}\nMore.\n`)
    const asked: string[] = []
    const frontMatter = {
      get: (yaml: string) => void asked.push(yaml),
      set: (yaml: string) => void asked.push(yaml),
    }
    const restored = restoreSite(
      snapshot,
      new Map(files.map((file) => [file.path, file])),
      ['one.md'],
      {frontMatter},
    )
    if ('reason' in restored) throw new Error(restored.reason)
    expect(asked).toEqual([])
    expect(restored.read.pages.find((page) => page.file === 'one.md')).toEqual(
      prepareSite(files).read.pages.find((page) => page.file === 'one.md'),
    )
  })

  it('loads no YAML reader to restore a site whose page body changed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'snapshot-yaml-'))
    try {
      const input = join(dir, 'site.json')
      const files = editedFiles(SITE, 'two.md', (text) => `${text}\nMore.\n`).map((file) => ({
        path: file.path,
        text: fileText(file),
        sha256: file.sha256,
      }))
      writeFileSync(input, JSON.stringify({snapshot, files, changed: 'two.md'}))
      // Node's own type stripping, as the import command runs: tsx loads required modules its own way.
      const {stdout} = await promisify(execFile)(
        process.execPath,
        [join(import.meta.dirname, 'yaml-probe.test-support.ts'), input],
        {cwd: join(import.meta.dirname, '..', '..')},
      )
      expect(JSON.parse(stdout)).toEqual({restored: true, afterRestore: false, afterPrepare: true})
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  }, 120_000)

  it('cannot restore a page that is no longer one, that starts reading the Liquid site of a site without one, or that includes a file', () => {
    const none = editedFiles(SITE, 'one.md', (text) => text.replace(/^---[\s\S]*?---\n/, ''))
    expect(restore(snapshot, none, ['one.md'])).toEqual({reason: 'one.md is not a page'})
    const READS = {reason: 'two.md changed whether a page reads the Liquid site'}
    const liquid = editedFiles(SITE, 'two.md', (text) => `${text}{% if site.title %}x{% endif %}\n`)
    expect(restore(snapshot, liquid, ['two.md'])).toEqual(READS)
    // An output of what only the Liquid site holds reads it too, without control flow.
    const output = editedFiles(SITE, 'two.md', (text) => `${text}{{ site.pages | size }} pages\n`)
    expect(restore(snapshot, output, ['two.md'])).toEqual(READS)
    const relative = editedFiles(SITE, 'two.md', (text) => `${text}{% include_relative one.md %}\n`)
    expect(restore(snapshot, relative, ['two.md'])).toEqual({
      reason: 'two.md uses {% include_relative %}',
    })
  })

  it("keeps the Liquid site without its bodies, restored with the import's time as prepareSite makes it", () => {
    const lists = (text: string) => `${text}{% for p in site.pages %}{{ p.title }}{% endfor %}\n`
    const liquid = editedFiles(
      [...SITE, hashedFile({path: '_data/room.yml', text: 'name: B12\n'})],
      'two.md',
      lists,
    )
    const kept = storedSnapshot(prepareSite(liquid, {time: '2026-12-01T00:00:00Z'}))
    expect(kept.liquidReaders).toEqual(['two.md'])
    expect(JSON.stringify(kept.contextData.liquid)).not.toContain('One.')
    for (const path of ['one.md', 'two.md']) {
      const after = editedFiles(liquid, path, (text) => `${text}\nChanged.\n`)
      const prepared = prepareSite(after, {time: '2026-12-02T00:00:00Z'})
      const restored = restoreSite(kept, new Map(after.map((file) => [file.path, file])), [path], {
        time: '2026-12-02T00:00:00Z',
      })
      if ('reason' in restored) throw new Error(restored.reason)
      expect(siteShape(restored), path).toBe(siteShape(prepared))
      const site = restored.contextData.liquid!
      // Bodies empty: no page's conversion of this site reads another's (see readsBodies).
      expect(site).toEqual({
        ...liquidShape(prepared.contextData.liquid!),
        time: '2026-12-02T00:00:00Z',
      })
      for (const names of [site.data, site.layouts, site.collections])
        expect(Object.getPrototypeOf(names)).toBe(null)
    }
    // Its only reader stops reading it: a site prepared from its files would have none.
    const stops = editedFiles(
      liquid,
      'two.md',
      () => '---\ntitle: Two\nparent: Home\n---\n\nTwo.\n',
    )
    expect(restore(kept, stops, ['two.md'])).toEqual({
      reason: 'two.md changed whether a page reads the Liquid site',
    })
    const relative = editedFiles(SITE, 'two.md', (text) => `${text}{% include_relative one.md %}\n`)
    expect(snapshotSite(prepareSite(relative))).toEqual({
      reason: 'a page uses {% include_relative %}',
    })
  })
})
