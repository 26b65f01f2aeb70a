import {existsSync, readdirSync} from 'node:fs'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {kramdownMissing, readSiteFiles, renderWithKramdown} from '../fidelity/index.ts'
import {roundTripSite} from './roundtripCompare.ts'

const ROOT = join(import.meta.dirname, '..')
const FIXTURES = join(ROOT, 'importer/fixtures')
// The shared seed page: beside the repository here and in CI.
const SEED = join(ROOT, '..', 'shared', 'seed-content')
const RUBY = kramdownMissing()

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
