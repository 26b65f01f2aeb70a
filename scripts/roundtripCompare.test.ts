import {existsSync, readdirSync} from 'node:fs'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {kramdownMissing, readSiteFiles, renderWithKramdown} from '../fidelity/index.ts'
import {jekyllMissing, jekyllReferenceOf} from '../fidelity/jekyll.ts'
import type {SiteFile} from '../importer/index.ts'
import {roundTripSite} from './roundtripCompare.ts'

const ROOT = join(import.meta.dirname, '..')
const FIXTURES = join(ROOT, 'importer/fixtures')
// The shared seed page: beside the repository here and in CI.
const SEED = join(ROOT, '..', 'shared', 'seed-content')
const RUBY = kramdownMissing()
const JEKYLL = RUBY ?? jekyllMissing()

const sites = readdirSync(FIXTURES).filter((name) => name.startsWith('site-'))

describe('round trip: import(export(dataset)) gives the same documents', {timeout: 120_000}, () => {
  for (const name of sites) {
    it(`for the fixture site ${name}`, async () => {
      const {files} = await readSiteFiles(join(FIXTURES, name, 'input'))
      const {pages} = await roundTripSite(files, {
        import: {placeholders: name === 'site-seed-placeholders'},
      })
      expect(pages.length).toBeGreaterThan(0)
      const differing = pages.filter((page) => !page.sameDocument).map((page) => page.documentId)
      expect(differing).toEqual([])
    })
  }

  it('for content/', async () => {
    const {files} = await readSiteFiles(join(ROOT, 'content'))
    const {pages} = await roundTripSite(files)
    expect(pages.map((page) => page.sameDocument)).toEqual([true, true, true])
  })

  it.skipIf(!existsSync(SEED))(
    'for the shared seed page, with and without placeholders',
    async () => {
      const {files} = await readSiteFiles(SEED)
      for (const placeholders of [false, true]) {
        const {pages} = await roundTripSite(files, {import: {placeholders}})
        expect(pages.length).toBeGreaterThan(0)
        expect(pages.every((page) => page.sameDocument)).toBe(true)
      }
    },
  )
})

describe.skipIf(RUBY !== null)(
  'faithful to the source: kramdown output of exported pages',
  {timeout: 120_000},
  () => {
    it('is identical for the seed page and byte-identical for canonical ones', async () => {
      const {files} = await readSiteFiles(join(ROOT, 'content'))
      const {pages} = await roundTripSite(files, {kramdown: renderWithKramdown})
      expect(pages.every((page) => page.sameHtml && page.sameFeatures)).toBe(true)
      expect(pages.filter((page) => page.sameBytes).map((page) => page.file)).toEqual([
        'foundations-of-product-management/introduction-to-product-management/index.md',
      ])
    })
  },
)

describe.skipIf(JEKYLL !== null)(
  'the exported pages as Jekyll renders them',
  {timeout: 120_000},
  () => {
    it('runs the Liquid the export writes back, as for the original pages', async () => {
      // An include whose `{% if %}` shows nothing here: the export writes the tag back.
      const files: SiteFile[] = [
        {path: '_config.yml', text: 'title: Test site\n'},
        {
          path: '_includes/more.html',
          text: '{% if include.link %}<a href="{{ include.link }}">Documentation</a>{% endif %}\n',
        },
        {
          path: 'index.md',
          text: '---\ntitle: Course\nnav_order: 1\n---\n\nIntro.\n\n{% include more.html %}\n\nAfter.\n',
        },
      ]
      const said: string[] = []
      const say = (message: string) => void said.push(message)
      const options = {
        kramdown: renderWithKramdown,
        includes: new Map([['more.html', String(files[1].text)]]),
        jekyll: await jekyllReferenceOf(files, say),
      }
      const [page] = (
        await roundTripSite(files, {
          ...options,
          jekyllExported: (exported) => jekyllReferenceOf(exported, say),
        })
      ).pages
      expect(said).toEqual([])
      expect(page.sameFeatures, page.firstDifference).toBe(true)
      // Without Jekyll on the exported side, the emulation shows what the `{% if %}` hides.
      const [emulated] = (await roundTripSite(files, options)).pages
      expect(emulated.firstDifference).toMatch(/Documentation/)
    })
  },
)
