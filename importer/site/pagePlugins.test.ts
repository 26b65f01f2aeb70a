import {describe, expect, it} from 'vitest'

import {roundTrip} from '../../exporter/roundtrip.test-support.ts'
import {DOCUMENT_TYPES} from '../../schemas/constants.ts'
import type {ImportedDocument} from '../types.ts'
import {formatSummary} from '../report/summary.ts'
import {jekyllPluginGems, pagePlugins, readConfig} from './config.ts'
import {importSite} from './importSite.ts'

const GITHUB_PAGES = 'source "https://rubygems.org"\ngem "github-pages", group: :jekyll_plugins\n'

const stubBody = () => ({body: [], documents: [], diagnostics: []})

function site(files: Record<string, string>) {
  const list = Object.entries(files).map(([path, text]) => ({path, text}))
  return importSite(list, {convertBody: stubBody})
}

const titles = (documents: readonly ImportedDocument[]) =>
  documents.filter((doc) => doc._type !== DOCUMENT_TYPES.site).map((doc) => doc.title)

const notAPage = (result: ReturnType<typeof site>) =>
  result.diagnostics.filter((d) => d.code === 'not-a-page').map((d) => d.file)

describe("GitHub Pages' page plugins", () => {
  const pages = {
    '_config.yml': 'title: Docs\n',
    'index.md': '---\ntitle: Home\nnav_order: 1\n---\n\nWelcome.\n',
    'config.md': '---\nnav_order: 2\nhas_children: true\n---\n\n# Configuration\n\nText.\n',
    'config/options.md': '---\nparent: Configuration\n---\n\nOptions\n=======\n\nText.\n',
    'notes.md': '# Notes\n\nA page with no front matter.\n',
    'README.md': '# Read me\n\nNo front matter, and a README.\n',
    'plain.md': '---\nnav_order: 3\n---\n\nNo heading first.\n\n# Late heading\n',
  }

  it('titles a page without `title:` from its first heading, and places its children under it', () => {
    const result = site({...pages, Gemfile: GITHUB_PAGES})
    expect(titles(result.documents)).toEqual(['Home', 'Configuration', 'Options', 'Notes'])
    const config = result.documents.find((doc) => doc.title === 'Configuration')!
    const options = result.documents.find((doc) => doc.title === 'Options')!
    expect(config._type).toBe(DOCUMENT_TYPES.course)
    // A page directly in a course is one of its lessons.
    expect(options._type).toBe(DOCUMENT_TYPES.lesson)
    expect(config.contents).toEqual([expect.objectContaining({_ref: options._id})])
    expect((config.source as {titleFromFile?: boolean}).titleFromFile).toBe(true)
    expect(formatSummary(result.stats, 0)).toContain(
      "Titles:     3 pages titled from their first heading, as GitHub Pages does (the Gemfile's github-pages gem)",
    )
  })

  it('makes a page of a markdown file without front matter, but not of a README', () => {
    const result = site({...pages, Gemfile: GITHUB_PAGES})
    expect(titles(result.documents)).toContain('Notes')
    expect(titles(result.documents)).not.toContain('Read me')
    expect(result.stats).toMatchObject({noFrontMatter: 1})
    // A page whose body does not start with a heading stays untitled, and says why.
    expect(notAPage(result)).toEqual(['plain.md'])
    expect(result.diagnostics.find((d) => d.file === 'plain.md')?.message).toContain(
      'does not start with a heading',
    )
  })

  it("leaves untitled pages out of a site whose build does not run GitHub Pages' plugins", () => {
    const result = site({...pages, Gemfile: 'gem "jekyll"\ngem "just-the-docs"\n'})
    expect(titles(result.documents)).toEqual(['Home'])
    expect(notAPage(result)).toEqual(['config.md', 'config/options.md', 'plain.md'])
  })

  it('turns each plugin off where _config.yml sets its `enabled: false`', () => {
    const off =
      '\ntitles_from_headings:\n  enabled: false\noptional_front_matter:\n  enabled: false\n'
    const result = site({
      ...pages,
      '_config.yml': `title: Docs${off}`,
      Gemfile: GITHUB_PAGES,
    })
    expect(titles(result.documents)).toEqual(['Home'])
  })

  it('runs them for a remote_theme site with no Gemfile, and where _config.yml lists them', () => {
    const remote = site({...pages, '_config.yml': 'remote_theme: just-the-docs/just-the-docs\n'})
    expect(titles(remote.documents)).toContain('Configuration')
    const listed = site({
      ...pages,
      '_config.yml': 'plugins:\n  - jekyll-titles-from-headings\n',
      Gemfile: 'gem "jekyll"\n',
    })
    // Titles from headings, but no pages of files without front matter.
    expect(titles(listed.documents)).toEqual(['Home', 'Configuration', 'Options'])
  })

  it('writes the heading back on export, not a `title:`, and re-imports the same documents', () => {
    const {before, after, exported} = roundTrip({
      Gemfile: GITHUB_PAGES,
      'index.md': '---\ntitle: Home\n---\n\nWelcome.\n',
      'guide.md': '---\nnav_order: 2\n---\n\n# Guide\n\nRead this first.\n',
    })
    expect(before.map((doc) => doc.title)).toContain('Guide')
    expect(exported['guide.md']).not.toMatch(/^title:/m)
    expect(exported['guide.md']).toMatch(/^# Guide$/m)
    expect(after).toEqual(before)
  })
})

describe('pagePlugins', () => {
  it('names why the plugins run', () => {
    expect(pagePlugins({}, GITHUB_PAGES).from).toBe("the Gemfile's github-pages gem")
    expect(pagePlugins({remote_theme: 'a/b'}, null).from).toMatch(/no Gemfile/)
    // Not known whether the site has a Gemfile: nothing is assumed.
    expect(pagePlugins({remote_theme: 'a/b'}).titlesFromHeadings).toBe(false)
    expect(readConfig('title: x\n').config.pagePlugins).toEqual({
      titlesFromHeadings: false,
      titlesInCollections: false,
      optionalFrontMatter: false,
      readmeIndex: false,
      readmeWithFrontMatter: false,
    })
  })

  it('takes titles for collection documents only with `collections: true`', () => {
    const raw = {titles_from_headings: {collections: true}}
    expect(pagePlugins(raw, GITHUB_PAGES).titlesInCollections).toBe(true)
    expect(pagePlugins({}, GITHUB_PAGES).titlesInCollections).toBe(false)
  })
})

describe('jekyllPluginGems', () => {
  it('reads the gems of the jekyll_plugins group, in either form, and not commented ones', () => {
    const gemfile = [
      'source "https://rubygems.org"',
      'gem "jekyll", "~> 4.3"',
      '# gem "github-pages", group: :jekyll_plugins',
      "gem 'jekyll-seo-tag', group: :jekyll_plugins",
      'gem "jekyll-feed", group: [:jekyll_plugins, :test]',
      'group :jekyll_plugins do',
      '  gem "jekyll-titles-from-headings" # titles',
      'end',
      'gem "webrick"',
    ].join('\n')
    expect(jekyllPluginGems(gemfile)).toEqual([
      'jekyll-seo-tag',
      'jekyll-feed',
      'jekyll-titles-from-headings',
    ])
  })
})
