import {posix} from 'node:path'

import {describe, expect, it} from 'vitest'

import {importSite} from '../importer/index.ts'
import {memorySource} from '../queries/memory.ts'
import {fixtureDocuments, fixtureSource, type FixtureName} from '../queries/testing.ts'
import {siteFixtureFiles} from '../testing/siteFixture.ts'
import {buildSite} from './site.tsx'
import {sourceUrl} from './sitePaths.ts'

/** Every relative href of every page, resolved against the page's folder. */
function relativeLinks(files: {path: string; html: string}[]) {
  return files.flatMap((file) =>
    [...file.html.matchAll(/href="([^"]+)"/g)]
      .map((match) => match[1].replace(/&amp;/g, '&'))
      .filter((href) => !/^(?:[a-z]+:|\/|#)/i.test(href))
      .map((href) => ({
        from: file.path,
        href,
        to: posix.join(posix.dirname(file.path), href.replace(/#.*$/, '')),
      })),
  )
}

describe('buildSite', () => {
  it.each<FixtureName>(['seed', 'all-blocks', 'missing-references', 'site-order'])(
    'renders every page of the %s fixture with links that all reach a generated page',
    async (fixture) => {
      const site = await buildSite(fixtureSource(fixture))
      expect(site.missing).toEqual([])
      const paths = new Set(site.files.map((file) => file.path))
      const links = relativeLinks(site.files)
      expect(links.length).toBeGreaterThan(0)
      expect(links.filter((link) => !paths.has(link.to))).toEqual([])
    },
  )

  it('mirrors the outline in folders: course, module, lesson, sub-lesson', async () => {
    const seed = await buildSite(fixtureSource('seed'))
    expect(seed.files.map((file) => file.path).sort()).toEqual([
      'foundations-of-product-management/index.html',
      'foundations-of-product-management/introduction-to-product-management/core-responsibilities-of-a-product-manager/index.html',
      'foundations-of-product-management/introduction-to-product-management/index.html',
      'foundations-of-product-management/introduction-to-product-management/what-is-product-management/index.html',
      'index.html',
    ])
    const blocks = await buildSite(fixtureSource('all-blocks'))
    expect(blocks.files.map((file) => file.path)).toContain(
      'handbook/basics/nested-parent/nested-child/index.html',
    )
  })

  it("points uploaded images on the lake's origin at a copy beside the pages, and lists them", async () => {
    const documents = fixtureDocuments('all-blocks').map((doc) =>
      doc._type === 'sanity.imageAsset'
        ? {...doc, url: '/images/p1/production/abc123-20x10.png'}
        : doc,
    )
    const site = await buildSite(memorySource(documents))
    const page = site.files.find((file) => file.path === 'handbook/every-block/index.html')
    expect(page?.html).toContain('src="../../images/p1/production/abc123-20x10.png"')
    expect(site.assets).toEqual(['/images/p1/production/abc123-20x10.png'])
    // A hosted asset keeps its own address and needs no copy.
    const hosted = await buildSite(fixtureSource('all-blocks'))
    expect(hosted.assets).toEqual([])
    expect(hosted.files.map((file) => file.html).join('')).toContain(
      'src="https://cdn.example.com/images/abc123-20x10.png"',
    )
  })

  it('turns source-site links to known pages into relative links to generated pages', async () => {
    const site = await buildSite(fixtureSource('all-blocks'))
    const page = site.files.find((file) => file.path === 'handbook/every-block/index.html')
    expect(page?.html).toContain(
      '<a href="../basics/nested-parent/index.html#top">sibling page</a>',
    )
    expect(page?.html).toContain(
      '<a href="../basics/nested-parent/index.html#intro">nested parent</a>',
    )
  })

  it("lists the courses on the index page in the site document's order, then the others by title", async () => {
    const site = await buildSite(fixtureSource('site-order'))
    const index = site.files.find((file) => file.path === 'index.html')?.html ?? ''
    expect([...index.matchAll(/href="([^"]+)"/g)].map((match) => match[1])).toEqual([
      'zoology/index.html',
      'biology/index.html',
      'art/index.html',
      'chemistry/index.html',
    ])
  })

  it('lists the courses of each navigation section under its heading, after the site’s own', async () => {
    const {documents} = importSite(siteFixtureFiles('site-collections'))
    const site = await buildSite(memorySource(documents))
    const index = site.files.find((file) => file.path === 'index.html')?.html ?? ''
    const headingsAndLinks = [...index.matchAll(/<h2>([^<]+)<\/h2>|<a href="[^"]+">([^<]+)<\/a>/g)]
    expect(headingsAndLinks.map((match) => match[1] ?? `- ${match[2]}`)).toEqual([
      '- Home',
      'Reference',
      '- API',
      'Guides',
      '- Setup',
      '- Later steps',
    ])
  })

  it('writes only the course index for an empty dataset', async () => {
    const site = await buildSite(fixtureSource('empty'))
    expect(site.files.map((file) => file.path)).toEqual(['index.html'])
  })
})

describe('sourceUrl', () => {
  it('gives the address Jekyll serves a markdown file at', () => {
    expect(sourceUrl('a/b.md')).toBe('/a/b/')
    expect(sourceUrl('a/index.md')).toBe('/a/')
    expect(sourceUrl('index.md')).toBe('/')
  })
})
