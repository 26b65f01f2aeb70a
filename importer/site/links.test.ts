import {describe, expect, it} from 'vitest'

import {readConfig} from './config.ts'
import {createLinkResolver, pageUrl} from './links.ts'
import type {SourcePage} from './types.ts'

function page(file: string, data: Record<string, unknown> = {}): SourcePage {
  return {file, index: 0, data, title: file, body: '', lineOffset: 0, text: ''}
}

const pages = [
  page('index.md'),
  page('docs/intro.md'),
  page('docs/guide/index.md'),
  page('docs/setup.md', {permalink: '/start-here/'}),
  page('docs/release/2026Q1 - 核心优化.md'),
]
const targets = pages.map((p) => ({
  page: p,
  target: {_id: `lesson-${p.file.replace(/\W/g, '-')}`, _type: 'lesson' as const},
}))

describe('createLinkResolver', () => {
  const {config} = readConfig('baseurl: /site\n')
  const resolve = createLinkResolver(targets, config)

  it('makes no page’s URL until a link needs one: a link to a .md file needs none', () => {
    const read: string[] = []
    const watched = pages.map((p) => ({
      page: {
        file: p.file,
        get data() {
          read.push(p.file)
          return p.data
        },
      },
      target: {_id: p.file, _type: 'lesson' as const},
    }))
    const lazy = createLinkResolver(watched, config)
    expect(lazy('intro.md', 'docs/setup.md')?._id).toBe('docs/intro.md')
    expect(read).toEqual([])
    expect(lazy('/start-here/', 'index.md')?._id).toBe('docs/setup.md')
    expect(read).toEqual(pages.map((p) => p.file))
    expect(lazy('intro.html', 'docs/setup.md')?._id).toBe('docs/intro.md')
    expect(read).toHaveLength(pages.length)
  })

  it('resolves a relative .md link from the linking file’s folder', () => {
    expect(resolve('intro.md', 'docs/setup.md')?._id).toBe('lesson-docs-intro-md')
    expect(resolve('../intro.md#part', 'docs/guide/index.md')?._id).toBe('lesson-docs-intro-md')
  })

  it('resolves .html, extension-less and folder links to the same page', () => {
    expect(resolve('intro.html', 'docs/setup.md')?._id).toBe('lesson-docs-intro-md')
    expect(resolve('intro', 'docs/setup.md')?._id).toBe('lesson-docs-intro-md')
    expect(resolve('guide/', 'docs/setup.md')?._id).toBe('lesson-docs-guide-index-md')
  })

  it('resolves site-absolute paths, with or without the baseurl, and permalinks', () => {
    expect(resolve('/docs/intro/', 'index.md')?._id).toBe('lesson-docs-intro-md')
    expect(resolve('/site/docs/intro.html', 'index.md')?._id).toBe('lesson-docs-intro-md')
    expect(resolve('/site//docs/intro.html', 'index.md')?._id).toBe('lesson-docs-intro-md')
    expect(resolve('/start-here/', 'index.md')?._id).toBe('lesson-docs-setup-md')
    expect(resolve('/', 'docs/intro.md')?._id).toBe('lesson-index-md')
  })

  it('resolves {% link %} tags from the site root', () => {
    expect(resolve('{% link docs/intro.md %}', 'docs/guide/index.md')?._id).toBe(
      'lesson-docs-intro-md',
    )
  })

  it('resolves a {% link %} path with spaces, as Jekyll reads the tag’s whole text', () => {
    // CSM-Wiki's release notes: `{% link docs/release/2026Q1 - 核心优化与插件增强.md %}`.
    expect(resolve('{% link docs/release/2026Q1 - 核心优化.md %}', 'docs/release.md')?._id).toBe(
      targets.at(-1)!.target._id,
    )
    expect(resolve('{%- link  docs/release/2026Q1 - 核心优化.md  -%}', 'index.md')).not.toBeNull()
  })

  it('returns null for external, anchor-only, unknown and out-of-site links', () => {
    for (const href of [
      'https://example.com/docs/intro',
      'mailto:a@b.c',
      '#top',
      'missing.md',
      '../../x.md',
      '//cdn/x',
    ]) {
      expect(resolve(href, 'docs/intro.md')).toBeNull()
    }
  })
})

describe('createLinkResolver with pretty permalinks and collections', () => {
  const {config} = readConfig(
    [
      'permalink: pretty',
      'collections_dir: collections',
      'collections:',
      '  guides: {output: true}',
      '  reference: {output: true, permalink: "/ref/:path/"}',
    ].join('\n'),
  )
  const site = [
    page('index.md'),
    page('docs/a.md'),
    page('docs/b.md'),
    page('collections/_guides/setup/index.md'),
    page('collections/_guides/setup/install.md'),
    page('collections/_reference/api.md'),
  ].map((p) => ({page: p, target: {_id: p.file, _type: 'lesson' as const}}))
  const resolve = createLinkResolver(site, config)

  it('resolves a folder-style link against the page’s address, as the reader’s browser does', () => {
    // docs/a.md is served at /docs/a/, so `../b/` is /docs/b/.
    expect(resolve('../b/', 'docs/a.md')?._id).toBe('docs/b.md')
    expect(resolve('../install/', 'collections/_guides/setup/index.md')?._id).toBe(
      'collections/_guides/setup/install.md',
    )
  })

  it('gives a collection’s documents the collection’s addresses', () => {
    expect(resolve('/guides/setup/install/', 'index.md')?._id).toBe(
      'collections/_guides/setup/install.md',
    )
    expect(resolve('/ref/api/', 'index.md')?._id).toBe('collections/_reference/api.md')
    expect(resolve('../../../ref/api/', 'collections/_guides/setup/index.md')?._id).toBe(
      'collections/_reference/api.md',
    )
  })

  it('resolves {% link %} to a collection document by its path below collections_dir', () => {
    expect(resolve('{% link _guides/setup/install.md %}', 'index.md')?._id).toBe(
      'collections/_guides/setup/install.md',
    )
    expect(resolve('{% link collections/_reference/api.md %}', 'index.md')?._id).toBe(
      'collections/_reference/api.md',
    )
  })

  it('leaves a link to an address no page has unresolved', () => {
    expect(resolve('../c/', 'docs/a.md')).toBeNull()
  })
})

describe('pageUrl of a collection document with a permalink pattern', () => {
  const {config} = readConfig(
    [
      'collections:',
      '  pages: {output: true, permalink: "/:name"}',
      '  notes: {output: true, permalink: "/:collection/:title/"}',
      '  posts: {output: true, permalink: "/p/:slug:output_ext"}',
    ].join('\n'),
  )

  it('fills :name, :title and :slug as Jekyll does (values from Jekyll::Utils.slugify)', () => {
    // 6.112's `_pages/project/phase_1.md` is served at /phase-1, where its links point.
    expect(pageUrl(page('_pages/project/phase_1.md'), config)).toBe('/phase-1')
    expect(pageUrl(page('_notes/Week 1: Intro (draft).md'), config)).toBe(
      '/notes/Week-1-Intro-(draft)/',
    )
    expect(pageUrl(page('_notes/x.md', {slug: 'Custom Slug!'}), config)).toBe(
      '/notes/Custom-Slug!/',
    )
    expect(pageUrl(page('_posts/-_Edge_-.md'), config)).toBe('/p/edge.html')
    expect(pageUrl(page('_posts/x.md', {slug: 'Custom Slug!'}), config)).toBe('/p/custom-slug.html')
  })
})

describe('pageUrl of a page with a permalink', () => {
  const {config} = readConfig('')

  it("writes it as Jekyll does: a / first, no // (mom's `permalink: daily-update`)", () => {
    expect(pageUrl(page('posts.md', {permalink: 'daily-update'}), config)).toBe('/daily-update')
    expect(pageUrl(page('a.md', {permalink: 'docs/redirecting/'}), config)).toBe(
      '/docs/redirecting/',
    )
    expect(pageUrl(page('b.md', {permalink: '/x//y/'}), config)).toBe('/x/y/')
    expect(pageUrl(page('c.md', {permalink: '/c/'}), config)).toBe('/c/')
  })
})

describe('createLinkResolver in a collection Jekyll writes no page for', () => {
  const {config} = readConfig('collections:\n  modules:\n  notes: {output: true}\n')
  const site = [page('lecture/lec01.md'), page('_modules/week-01.md'), page('_notes/n.md')].map(
    (p) => ({page: p, target: {_id: p.file, _type: 'lesson' as const}}),
  )
  const resolve = createLinkResolver(site, config)

  it('resolves a relative link from the site root, where a page lists the document', () => {
    // DS-100's `_modules/week-01.md` links `lecture/lec01`; the home page lists the module.
    expect(resolve('lecture/lec01', '_modules/week-01.md')?._id).toBe('lecture/lec01.md')
    // A document with a page of its own resolves from its own address only.
    expect(resolve('lecture/lec01', '_notes/n.md')).toBeNull()
  })
})

describe('createLinkResolver on the reader’s side of an address', () => {
  const site = [
    page('python/Box.md'),
    page('java/tutorial.md', {redirect_from: '/tutorial'}),
    page('java/queries.md', {redirect_from: ['/queries', 'old/queries.html']}),
    page('goql.md', {redirect_from: ['/java/tutorial']}),
  ].map((p) => ({page: p, target: {_id: p.file, _type: 'lesson' as const}}))

  it('reads a backslash in a link’s path as a slash, as a browser does', () => {
    const {config} = readConfig('permalink: /:title\n')
    const resolve = createLinkResolver(site, config)
    expect(resolve('/python\\Box#Box_buffer', 'goql.md')?._id).toBe('python/Box.md')
    expect(resolve('..\\python\\Box.md', 'java/tutorial.md')?._id).toBe('python/Box.md')
  })

  it('resolves an address a redirect_from names to its page when the site runs jekyll-redirect-from', () => {
    const {config} = readConfig('plugins: [jekyll-redirect-from]\n')
    const resolve = createLinkResolver(site, config)
    expect(resolve('tutorial', 'java.md')?._id).toBe('java/tutorial.md')
    expect(resolve('/queries', 'index.md')?._id).toBe('java/queries.md')
    expect(resolve('/old/queries.html', 'index.md')?._id).toBe('java/queries.md')
    // A page of its own at the address is the one readers reach.
    expect(resolve('/java/tutorial', 'index.md')?._id).toBe('java/tutorial.md')
  })

  it('leaves a redirect_from address unresolved when the site does not run the plugin', () => {
    const resolve = createLinkResolver(site, readConfig('title: x\n').config)
    expect(resolve('/tutorial', 'index.md')).toBeNull()
    const fromGemfile = readConfig('title: x\n', {
      gemfile: 'group :jekyll_plugins do\n  gem "jekyll-redirect-from"\nend\n',
    }).config
    expect(createLinkResolver(site, fromGemfile)('/tutorial', 'index.md')?._id).toBe(
      'java/tutorial.md',
    )
  })
})
