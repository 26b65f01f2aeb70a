import {readdirSync} from 'node:fs'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {
  editedFiles,
  fileText,
  hashedFile,
  readSiteFiles,
  SITE_FIXTURES,
  storedSnapshot,
} from '../../testing/siteFixture.ts'
import {convertBody, type ConvertResult} from '../body/index.ts'
import {shownProblems} from '../report/shown.ts'
import type {Diagnostic, ImportedDocument} from '../types.ts'
import {finishPages, keptPlans, planRows, restorePages, type SnapshotPages} from './pageLocal.ts'
import {pageHead} from './shape.ts'
import {convertJob, finishSite, prepareSite, type PreparedSite} from './stages.ts'
import type {SiteFile} from './types.ts'

/** What a page-local import reads of `prepared`'s snapshot, as it comes back from its file. */
function storedPages(prepared: PreparedSite): SnapshotPages {
  const snapshot = storedSnapshot(prepared)
  const {contextData, config, plans, liquidReaders} = snapshot
  const rows = planRows(snapshot)
  return {contextData, config, liquidReaders, rows, plan: (index) => plans[index]}
}

/** The pages of `changed` restored alone from `snapshot`, as the import restores them. */
async function restoreAlone(snapshot: SnapshotPages, files: SiteFile[], changed: string[]) {
  const plans = await keptPlans(snapshot, changed)
  if ('reason' in plans) return plans
  return restorePages(snapshot, plans, new Map(files.map((file) => [file.path, file])))
}

/** Every page of `prepared` converted, as the import converts it. */
const convertAll = (prepared: PreparedSite) =>
  new Map(prepared.jobs.map((job) => [job.id, convertJob(job, prepared.context, convertBody)]))

/** Diagnostics in one order, whatever order they were found in (the reporter sorts them too). */
const sorted = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.map((d) => JSON.stringify(d)).sort()

/** What validation reads of a document it does not check: its id, type and slug. */
const stub = ({_id, _type, slug}: ImportedDocument) => ({_id, _type, ...(slug ? {slug} : {})})

/** Edits of a page's body: its problems gone, and new ones (unconverted HTML) added. */
const EDITS: Array<[string, (text: string, body: string) => string]> = [
  [
    'replaced by a line of text',
    (text, body) => `${text.slice(0, text.length - body.length)}Changed.\n`,
  ],
  ['with unconverted HTML added', (text) => `${text}\n<form><input></form>\n`],
]

const FIXTURE_SITES = readdirSync(SITE_FIXTURES).filter((name) => name.startsWith('site-'))

/**
 * Requires that each page of `files` changed (each of {@link EDITS}) and imported alone gives its
 * document, and the site's problems and counts, as the whole site finished again does; returns
 * how many were imported alone.
 */
async function compareEachPage(files: SiteFile[]): Promise<number> {
  const before = prepareSite(files)
  if (before.contextData.relativeIncludes) return 0
  const snapshot = storedPages(before)
  const convertedBefore = convertAll(before)
  const finished = finishSite(before, convertedBefore)
  const heads = Object.fromEntries(
    [...convertedBefore].map(([id, result]) => [id, JSON.parse(JSON.stringify(pageHead(result)))]),
  )
  const last = JSON.parse(
    // As the record keeps them: the problems a report shows.
    JSON.stringify({diagnostics: shownProblems(finished.diagnostics), stats: finished.stats}),
  ) as Pick<typeof finished, 'diagnostics' | 'stats'>
  let compared = 0
  for (const job of before.jobs) {
    for (const [edit, change] of EDITS) {
      const text = fileText(files.find((file) => file.path === job.file)!)
      const after = editedFiles(files, job.file, (text) => change(text, job.markdown))
      const now = await restoreAlone(snapshot, after, [job.file])
      if ('reason' in now) {
        // Only a change that gives the site a Liquid site, or takes its own away.
        expect(now.reason).toMatch(/changed whether a page reads the Liquid site$/)
        expect(text.includes('{%') || text.includes('{{'), now.reason).toBe(true)
        continue
      }
      const prepared = prepareSite(after)
      const page = prepared.jobs.find((j) => j.id === job.id)!
      expect(now.jobs, `${job.file} ${edit}`).toEqual([page])
      const fresh = new Map([[job.id, convertJob(now.jobs[0], now.context, convertBody)]])
      // The same conversion as with the whole site's context: the links resolve alike.
      expect(fresh.get(job.id)).toEqual(convertJob(page, prepared.context, convertBody))
      const local = finishPages(now, fresh, {...last, heads})
      const converted = new Map<string, ConvertResult>([...convertedBefore, ...fresh])
      const reused = before.jobs.length - 1
      const whole = finishSite(prepared, converted, reused, new Set([job.id]))
      if ('reason' in local) {
        // A page whose items are documents of their own (shared with other pages).
        expect(local.reason).toBe(`${job.file} extracts documents that other pages may share`)
        expect(heads[job.id].documents.length + fresh.get(job.id)!.documents.length).not.toBe(0)
        continue
      }
      const where = `${job.file} ${edit}`
      expect(
        local.documents.find((doc) => doc._id === job.id),
        where,
      ).toEqual(whole.documents.find((doc) => doc._id === job.id))
      expect(local.documents.map(stub), where).toEqual(whole.documents.map(stub))
      expect(sorted(local.diagnostics), where).toEqual(sorted(shownProblems(whole.diagnostics)))
      expect(local.stats, where).toEqual(whole.stats)
      expect(local.failedFiles, where).toEqual(whole.failedFiles)
      expect(local.addresses, where).toEqual(whole.addresses)
      expect(local.origins[job.id], where).toEqual(whole.origins[job.id])
      expect(local.blockLines[job.id], where).toEqual(whole.blockLines[job.id])
      compared++
    }
  }
  // Every site with a page that extracts no documents has pages imported alone.
  const alone = before.jobs.filter((job) => heads[job.id].documents.length === 0)
  if (alone.length > 0) expect(compared).toBeGreaterThan(0)
  return compared
}

describe('a page-local import', () => {
  it.each(FIXTURE_SITES)(
    '%s: one page changed, its document, problems and counts are those of the whole site finished again',
    async (name) => {
      await compareEachPage(readSiteFiles(join(SITE_FIXTURES, name, 'input')).map(hashedFile))
    },
  )

  it("resolves links by the other pages' permalinks and collection slugs, kept in the snapshot's rows", async () => {
    const files = [
      {
        path: '_config.yml',
        text: 'title: Course\npermalink: pretty\ncollections:\n  labs:\n    output: true\n    permalink: /labs/:slug/\n',
      },
      {path: 'index.md', text: '---\ntitle: Home\nnav_order: 1\n---\n\nSee [about](/about-us/).\n'},
      {path: 'about.md', text: '---\ntitle: About\npermalink: /about-us/\n---\n\nAbout.\n'},
      {
        path: 'one.md',
        text: '---\ntitle: One\nparent: Home\n---\n\n[About](/about-us/), [lab](/labs/first/), [two](../two/).\n',
      },
      {path: 'two.md', text: '---\ntitle: Two\nparent: Home\n---\n\nBack to [one](../one/).\n'},
      {path: '_labs/lab-1.md', text: '---\ntitle: Lab\nslug: first\n---\n\n[One](/one/).\n'},
    ].map(hashedFile)
    const prepared = prepareSite(files)
    const one = prepared.jobs.find((job) => job.file === 'one.md')!
    const links = JSON.stringify(convertJob(one, prepared.context, convertBody).body)
    // The links resolve to documents (not kept as addresses), so the rows must resolve them too.
    for (const file of ['about.md', '_labs/lab-1.md', 'two.md']) {
      const target = prepared.jobs.find((job) => job.file === file)!
      expect(links).toContain(`"_ref":"${target.id}"`)
    }
    expect(await compareEachPage(files)).toBe(prepared.jobs.length * EDITS.length)
  })

  it("keeps no info diagnostic in the record, and gives a page's shown problems as the whole site finished again", async () => {
    // Comments and span attribute lists are dropped with an info diagnostic, which no report shows.
    const files = [
      {path: '_config.yml', text: 'title: Course\n'},
      {path: 'index.md', text: '---\ntitle: Home\nnav_order: 1\n---\n\nWelcome. <!-- a note -->\n'},
      {
        path: 'one.md',
        text: '---\ntitle: One\nparent: Home\n---\n\n[Go](/){: .btn } <form></form>\n',
      },
      {path: 'two.md', text: '---\ntitle: Two\nparent: Home\n---\n\n[Back](/){: .btn }\n'},
    ].map(hashedFile)
    const prepared = prepareSite(files)
    const converted = convertAll(prepared)
    for (const result of converted.values()) {
      expect(result.diagnostics.map((d) => d.severity)).toContain('info')
      expect(pageHead(result).diagnostics).toEqual(shownProblems(result.diagnostics))
    }
    expect(shownProblems(finishSite(prepared, converted).diagnostics)).not.toEqual([])
    expect(await compareEachPage(files)).toBe(prepared.jobs.length * EDITS.length)
  })

  const SITE = [
    {path: '_config.yml', text: 'title: Course\n'},
    {path: 'index.md', text: '---\ntitle: Home\nnav_order: 1\n---\n\nWelcome.\n'},
    {path: 'one.md', text: '---\ntitle: One\nparent: Home\n---\n\nOne <form></form>\n'},
    {path: 'two.md', text: '---\ntitle: Two\nparent: Home\n---\n\nTwo.\n'},
  ].map(hashedFile)

  it('imports a page of a site with a Liquid site alone, as the whole site finished again', async () => {
    const files = [
      {path: '_config.yml', text: 'title: Course\n'},
      {path: '_data/place.yml', text: 'room: B12\n'},
      {path: '_includes/constructor.md', text: 'Built here.\n'},
      {
        path: 'index.md',
        text: '---\ntitle: Home\nnav_order: 1\n---\n\n{% for p in site.pages %}{% if p.title %}- {{ p.title }}\n{% endif %}{% endfor %}\n',
      },
      {
        path: 'one.md',
        text: '---\ntitle: One\nparent: Home\n---\n\nRoom {{ site.data.place.room }}. {% include constructor.md %}\n',
      },
      {path: 'two.md', text: '---\ntitle: Two\nparent: Home\n---\n\nTwo.\n'},
    ].map(hashedFile)
    const prepared = prepareSite(files)
    expect(prepared.contextData.liquid).toBeDefined()
    // Every page: those that read the Liquid site, and one that does not.
    expect(await compareEachPage(files)).toBe(prepared.jobs.length * EDITS.length)
    const after = editedFiles(files, 'two.md', (text) => `${text}\nMore.\n`)
    const now = await restoreAlone(storedPages(prepared), after, ['two.md'])
    if ('reason' in now) throw new Error(now.reason)
    // An include named `constructor` is that include, not an object's constructor.
    expect(Object.getPrototypeOf(now.contextData.includes)).toBe(null)
    // The last page that reads it stops: the site loses its Liquid site, and is restored in full.
    const none = editedFiles(files, 'index.md', (text) => text.replace(/\{%.*%\}/, 'Pages.'))
    const both = editedFiles(none, 'one.md', (text) => text.replace(/Room.*/, 'Room.'))
    expect(await restoreAlone(storedPages(prepared), both, ['index.md', 'one.md'])).toEqual({
      reason: 'one.md changed whether a page reads the Liquid site',
    })
  })

  it("puts a changed page's problems where its old ones were, the others in their order", async () => {
    const site = [
      ...SITE.filter((file) => file.path !== 'index.md'),
      {path: 'index.md', text: '---\ntitle: Home\nnav_order: 1\n---\n\n<form></form>\n'},
      {path: 'three.md', text: '---\ntitle: Three\nparent: Home\n---\n\n<form></form>\n'},
    ].map(hashedFile)
    const before = prepareSite(site)
    const convertedBefore = convertAll(before)
    const finished = finishSite(before, convertedBefore)
    const heads = Object.fromEntries([...convertedBefore].map(([id, r]) => [id, pageHead(r)]))
    const after = editedFiles(site, 'one.md', (text) => `${text}\n<form></form>\n`)
    const now = await restoreAlone(storedPages(before), after, ['one.md'])
    if ('reason' in now) throw new Error(now.reason)
    const fresh = new Map([[now.jobs[0].id, convertJob(now.jobs[0], now.context, convertBody)]])
    const local = finishPages(now, fresh, {...finished, heads})
    if ('reason' in local) throw new Error(local.reason)
    // The site has only shown problems, so `finished` stands for the record as it is written.
    expect(finished.diagnostics).toEqual(shownProblems(finished.diagnostics))
    const ofOne = (list: Diagnostic[]) => list.flatMap((d, i) => (d.file === 'one.md' ? [i] : []))
    // The first of them was not first in the list: the others before it stay before it.
    expect(ofOne(finished.diagnostics)[0]).toBeGreaterThan(0)
    expect(ofOne(local.diagnostics).length).toBeGreaterThan(ofOne(finished.diagnostics).length)
    expect(ofOne(local.diagnostics)[0]).toBe(ofOne(finished.diagnostics)[0])
    const others = (list: Diagnostic[]) => list.filter((d) => d.file !== 'one.md')
    expect(others(local.diagnostics)).toEqual(others(finished.diagnostics))
    expect(others(finished.diagnostics).map((d) => d.file)).toContain('three.md')
  })

  it("cannot import a page alone when the snapshot's plan at its row is another page's", async () => {
    const snapshot = storedPages(prepareSite(SITE))
    const one = snapshot.rows.findIndex((row) => row.page?.file === 'one.md')
    const two = snapshot.rows.findIndex((row) => row.page?.file === 'two.md')
    const swapped = {...snapshot, plan: (i: number) => snapshot.plan(i === one ? two : i)}
    expect(await keptPlans(swapped, ['one.md'])).toEqual({reason: "the snapshot's plans of one.md"})
    expect(await keptPlans(snapshot, ['three.md'])).toEqual({
      reason: 'three.md is a page no plan has',
    })
  })

  it('cannot import a page alone when its front matter changed, or the last problems lack its old ones', async () => {
    const before = prepareSite(SITE)
    const snapshot = storedPages(before)
    const front = editedFiles(SITE, 'one.md', (text) =>
      text.replace('parent: Home', 'parent:  Home'),
    )
    expect(await restoreAlone(snapshot, front, ['one.md'])).toEqual({
      reason: 'the front matter of one.md changed',
    })
    const body = editedFiles(SITE, 'one.md', (text) => `${text}\nMore.\n`)
    const now = await restoreAlone(snapshot, body, ['one.md'])
    if ('reason' in now) throw new Error(now.reason)
    const convertedBefore = convertAll(before)
    const finished = finishSite(before, convertedBefore)
    const heads = Object.fromEntries([...convertedBefore].map(([id, r]) => [id, pageHead(r)]))
    const fresh = new Map([[now.jobs[0].id, convertJob(now.jobs[0], now.context, convertBody)]])
    const oldOnes = heads[now.jobs[0].id].diagnostics
    expect(oldOnes.length).toBeGreaterThan(0)
    // A record that no longer holds the page's old problems: the whole site is restored.
    const lost = finished.diagnostics.filter((d) => d.file !== 'one.md')
    expect(finishPages(now, fresh, {diagnostics: lost, stats: finished.stats, heads})).toEqual({
      reason: "the last import's problems do not hold the changed pages' old ones",
    })
  })
})
