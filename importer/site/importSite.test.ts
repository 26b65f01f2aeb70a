import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {DOCUMENT_TYPES} from '../../schemas/constants.ts'
import {importSite} from './importSite.ts'
import type {SiteFile} from './types.ts'

const SEED =
  'foundations-of-product-management/introduction-to-product-management/core-responsibilities-of-a-product-manager.md'
const seedFile: SiteFile = {
  path: SEED,
  bytes: readFileSync(join(import.meta.dirname, '..', '..', 'content', SEED)),
}
const stubBody = () => ({body: [], documents: [], diagnostics: []})
const page = (path: string, front: string, body = 'Text.\n'): SiteFile => ({
  path,
  text: `---\n${front}\n---\n\n${body}`,
})

/** The body of the page titled Home, as JSON. */
const homeBody = (result: ReturnType<typeof importSite>) =>
  JSON.stringify(result.documents.find((doc) => doc.title === 'Home')?.body)

/** A conversion cache's store kept in memory. */
function memoryStore() {
  const entries = new Map<string, string>()
  return {get: (key: string) => entries.get(key), set: entries.set.bind(entries)}
}

describe('importSite', () => {
  it("warns once, at its configuration, when the folder is another generator's site and not Jekyll's", () => {
    const docs = [page('docs/index.md', 'title: Home')]
    const mkdocs = {path: 'mkdocs.yml', text: 'site_name: Course\n'}
    const warned = (files: SiteFile[], otherFiles: string[] = []) =>
      importSite(files, {convertBody: stubBody, otherFiles}).diagnostics.filter(
        (d) => d.code === 'site-not-jekyll',
      )
    expect(warned(docs, ['mkdocs.yml'])).toEqual([
      expect.objectContaining({severity: 'warning', file: 'mkdocs.yml', line: 1}),
    ])
    expect(warned(docs, ['mkdocs.yml'])[0].message).toMatch(/built by MkDocs .*not by Jekyll/)
    expect(warned(docs, ['_quarto.yml'])[0].message).toMatch(/Quarto/)
    // A Jekyll site that keeps an MkDocs file beside it, and a folder naming no generator.
    const config = {path: '_config.yml', text: 'title: Course\n'}
    expect(warned([...docs, config], ['mkdocs.yml'])).toEqual([])
    expect(warned(docs, ['docs/mkdocs.yml'])).toEqual([])
    // Found among the files read as well as those only listed.
    expect(warned([...docs, mkdocs])).toHaveLength(1)
  })

  it('warns once, at its configuration, when the folder holds a Jekyll site in a folder of its own', () => {
    const docs = [page('docs/index.md', 'title: Home')]
    const warned = (files: SiteFile[], otherFiles: string[] = []) =>
      importSite(files, {convertBody: stubBody, otherFiles}).diagnostics.filter(
        (d) => d.code === 'site-in-folder',
      )
    const inDocs = {path: 'docs/_config.yml', text: 'baseurl: /course\n'}
    expect(warned([...docs, inDocs])).toEqual([
      expect.objectContaining({severity: 'warning', file: 'docs/_config.yml', line: 1}),
    ])
    expect(warned([...docs, inDocs])[0].message).toMatch(/the Jekyll site is docs\//)
    // The shallowest of several, found among the files only listed as well.
    expect(warned(docs, ['site/docs/_config.yml', 'site/_config.yml'])[0].file).toBe(
      'site/_config.yml',
    )
    // Not a site's: an installed theme's own, and none at all once the folder has its own.
    expect(warned(docs, ['vendor/bundle/gems/just-the-docs/_config.yml'])).toEqual([])
    expect(warned([...docs, inDocs, {path: '_config.yml', text: 'title: Course\n'}])).toEqual([])
  })

  it('counts the markdown files it skips for having no front matter, and only those', () => {
    const files = [
      page('index.md', 'title: Home'),
      {path: 'README.md', text: '# Notes\n\nNo front matter.\n'},
      {path: 'guide.md', text: '# Guide\n'},
      page('draft.md', 'title: Draft\npublished: false'),
      page('untitled.md', 'nav_order: 2'),
    ]
    const {stats} = importSite(files, {convertBody: stubBody})
    expect(stats).toMatchObject({files: 5, pages: 1, skipped: 4, noFrontMatter: 2})
    expect(importSite([files[0]], {convertBody: stubBody}).stats).not.toHaveProperty(
      'noFrontMatter',
    )
  })

  it("takes a page's hash from the caller instead of hashing its text again", () => {
    const encode = (text: string) => new TextEncoder().encode(text)
    const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
    const files = [
      {path: 'index.md', bytes: encode('---\ntitle: Home\n---\n\nWelcome.\n')},
      {path: 'a.md', bytes: encode('---\ntitle: A\nparent: Home\n---\n\nÄ text.\n')},
    ]
    const hashes = (result: ReturnType<typeof importSite>) =>
      result.documents.map((doc) => (doc.source as {contentHash?: string}).contentHash)
    const computed = importSite(files, {convertBody: stubBody})
    // A stand-in the caller gives is what the documents carry: it is not hashed again (the site
    // document has no _config.yml to hash).
    const given = files.map((file) => ({...file, sha256: `given ${file.path}`}))
    expect(hashes(importSite(given, {convertBody: stubBody}))).toEqual([
      'given index.md',
      'given a.md',
      undefined,
    ])
    // The real hashes are the text's: the same documents as hashing the text.
    const real = files.map((file) => ({...file, sha256: sha256(file.bytes)}))
    expect(importSite(real, {convertBody: stubBody}).documents).toEqual(computed.documents)
    expect(hashes(computed)).toEqual([sha256(files[0].bytes), sha256(files[1].bytes), undefined])
  })

  it("keeps the text of a course's and a module's own page in their body", () => {
    const result = importSite([
      page('index.md', 'title: Home', 'Welcome to the course.\n'),
      page('intro.md', 'title: Intro\nparent: Home', 'Module overview.\n'),
      page('intro/first.md', 'title: First\nparent: Intro\ngrand_parent: Home'),
    ])
    const text = (type: string) =>
      JSON.stringify(result.documents.find((doc) => doc._type === type)?.body)
    expect(text(DOCUMENT_TYPES.course)).toContain('Welcome to the course.')
    expect(text(DOCUMENT_TYPES.module)).toContain('Module overview.')
    expect(result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([])
  })

  it('imports the lone seed page as not in the navigation, its course and module not invented', () => {
    const result = importSite([seedFile])
    expect(result.stats.documents).toMatchObject({lesson: 1})
    expect(result.stats.documents.course).toBeUndefined()
    const lesson = result.documents.find((doc) => doc._type === DOCUMENT_TYPES.lesson)
    expect(lesson?.source).toMatchObject({
      path: SEED,
      notInNavigation: 'no page is titled "Introduction to Product Management"',
    })
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({code: 'parent-not-found', file: SEED, line: 3}),
    )
  })

  it('imports the seed page as a lesson in a placeholder module and course with --placeholders', () => {
    const result = importSite([seedFile], {placeholders: true})
    const [course, module, lesson] = result.documents
    expect(course).toMatchObject({
      _type: DOCUMENT_TYPES.course,
      title: 'Foundations of Product Management',
      source: {hasSourcePage: false},
    })
    expect(module).toMatchObject({
      _type: DOCUMENT_TYPES.module,
      title: 'Introduction to Product Management',
      source: {hasSourcePage: false},
    })
    expect(lesson).toMatchObject({
      _type: DOCUMENT_TYPES.lesson,
      source: {path: SEED, hasSourcePage: true, navOrder: '2'},
    })
    expect(course.contents).toEqual([expect.objectContaining({_ref: module._id})])
    expect(module.lessons).toEqual([expect.objectContaining({_ref: lesson._id})])
    expect(result.stats.documents).toMatchObject({course: 1, module: 1, lesson: 1})
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  })

  it('keeps every existing id when pages are added and reordered', () => {
    const before = importSite(
      [page('a.md', 'title: A'), page('a/one.md', 'title: One\nparent: A\nnav_order: 1'), seedFile],
      {convertBody: stubBody},
    )
    const after = importSite(
      [
        page('0.md', 'title: Zero\nnav_order: 0'),
        page('a/two.md', 'title: Two\nparent: A\nnav_order: 1'),
        page('a/one.md', 'title: One\nparent: A\nnav_order: 5'),
        page('a.md', 'title: A'),
        seedFile,
      ],
      {convertBody: stubBody},
    )
    const ids = after.documents.map((doc) => doc._id)
    for (const doc of before.documents) expect(ids).toContain(doc._id)
  })

  it('dedupes documents extracted from several pages by _id, keeping the first', () => {
    const tool = {_id: 'tool-jira', _type: DOCUMENT_TYPES.tool, name: 'Jira'}
    const result = importSite([page('a.md', 'title: A'), page('b.md', 'title: B')], {
      convertBody: () => ({body: [], documents: [tool], diagnostics: []}),
    })
    expect(result.documents.filter((doc) => doc._id === 'tool-jira')).toHaveLength(1)
    expect(result.diagnostics.filter((d) => d.code === 'extracted-conflict')).toEqual([])
  })

  it('reports a body converter crash as an error for that page and imports the rest', () => {
    const result = importSite([page('a.md', 'title: A'), page('b.md', 'title: B')], {
      convertBody: (_markdown, ctx) => {
        if (ctx.file === 'b.md') throw new Error('boom')
        return stubBody()
      },
    })
    expect(result.documents.map((doc) => doc._id)).toEqual(['course-a', 'course-b', 'site'])
    expect(result.failedFiles).toEqual(['b.md'])
    expect(result.diagnostics).toMatchObject([
      // Line 5 is the body's first line: Jekyll's closing `---` takes the blank line after it.
      {severity: 'error', code: 'body-failed', file: 'b.md', line: 5},
    ])
  })

  it("lists the courses in the site document in the theme's top-level order, no hidden page among them", () => {
    const result = importSite(
      [
        {path: '_config.yml', text: 'title: Handbook\n'},
        page('zeta.md', 'title: Zeta\nnav_order: 1'),
        page('alpha.md', 'title: Alpha\nnav_order: 2'),
        page('hidden.md', 'title: Hidden\nnav_exclude: true'),
        page('beta.md', 'title: Beta'),
        page('orphan.md', 'title: Orphan\nparent: Ghost'),
      ],
      {convertBody: stubBody},
    )
    const site = result.documents.find((doc) => doc._type === DOCUMENT_TYPES.site)
    const titleOf = (id: string) => result.documents.find((doc) => doc._id === id)?.title
    expect(site).toMatchObject({
      _id: 'site',
      title: 'Handbook',
      source: {path: '_config.yml', hasSourcePage: true},
    })
    expect((site?.courses as Array<{_ref: string}>).map((ref) => titleOf(ref._ref))).toEqual([
      'Zeta',
      'Alpha',
      'Beta',
    ])
    expect(result.documents.find((doc) => doc.title === 'Orphan')?.source).toMatchObject({
      notInNavigation: 'no page is titled "Ghost"',
    })
    expect(result.origins.site).toBe('_config.yml')
    expect(result.diagnostics.filter((d) => d.code === 'site-title-missing')).toEqual([])
  })

  it('reads every extension Jekyll reads as markdown, .mkdown too, in any case', () => {
    const names = ['a.md', 'b.markdown', 'c.mkdown', 'd.mkdn', 'e.mkd', 'F.MD']
    const {documents, stats} = importSite(
      [...names.map((path) => page(path, `title: ${path}`)), page('g.txt', 'title: g')],
      {convertBody: stubBody},
    )
    const titles = documents.filter((doc) => doc._type !== DOCUMENT_TYPES.site).map((d) => d.title)
    expect(titles.sort()).toEqual([...names].sort())
    expect(stats).toMatchObject({files: 6, pages: 6})
  })

  it('imports the pages of a folder `include:` names, whose children stay in the navigation', () => {
    // FEAST's site keeps its section pages in `_pages/` (`include: [_pages]`); without them,
    // every page under a section lost its parent and left the navigation.
    const files = (config: string) => [
      {path: '_config.yml', text: `title: FEAST\n${config}`},
      page('_pages/usage.md', 'title: Usage\npermalink: /usage/\nhas_children: true'),
      page('usage/faqs.md', 'title: FAQs\nparent: Usage'),
      page('_drafts/idea.md', 'title: Idea'),
    ]
    const result = importSite(files('include:\n  - _pages\n'), {convertBody: stubBody})
    const usage = result.documents.find((doc) => doc.title === 'Usage')
    const faqs = result.documents.find((doc) => doc.title === 'FAQs')
    expect(usage?._type).toBe(DOCUMENT_TYPES.course)
    expect(usage?.contents).toEqual([expect.objectContaining({_ref: faqs?._id})])
    expect(result.origins[usage!._id]).toBe('_pages/usage.md')
    expect(result.documents.some((doc) => doc.title === 'Idea')).toBe(false)
    expect(result.stats).toMatchObject({pages: 2, skipped: 1})
    expect(result.diagnostics.map((d) => d.code)).not.toContain('parent-not-found')

    const without = importSite(files(''), {convertBody: stubBody})
    expect(without.documents.some((doc) => doc.title === 'Usage')).toBe(false)
    expect(without.diagnostics.map((d) => d.code)).toContain('parent-not-found')
  })

  it('imports an .html page with front matter and a title: in the navigation with its children, its Liquid rendered, its body read as HTML', () => {
    // tni-unofficial-docs' calculator and manuale-libero's exercises were left out without a
    // word, and a page under one of them lost its parent.
    const files = [
      page('index.md', 'title: Home'),
      page(
        'tools/index.html',
        'title: Tools\nhas_children: true',
        '<h1>Tools</h1>\n<p>The *{{ page.title }}* page.</p>\n\n<p>Second</p>\nloose <b>text</b>\n',
      ),
      page('tools/calc.md', 'title: Calculator\nparent: Tools'),
      page('search.html', 'layout: default', '<p>Search</p>\n'),
      {path: 'fragment.html', text: '<p>Loaded by a script.</p>\n'},
      page('_layouts/default.html', 'layout: base', '{{ content }}\n'),
      {path: '_includes/nav.html', text: '---\ntitle: Nav\n---\n'},
    ]
    const result = importSite(files)
    const tools = result.documents.find((doc) => doc.title === 'Tools')
    const calc = result.documents.find((doc) => doc.title === 'Calculator')
    expect(tools?._type).toBe(DOCUMENT_TYPES.course)
    expect(tools?.contents).toEqual([expect.objectContaining({_ref: calc?._id})])
    expect(result.origins[tools!._id]).toBe('tools/index.html')
    const text = (tools!.body as Array<{children?: Array<{text: string}>}>).map((block) =>
      block.children?.map((child) => child.text).join(''),
    )
    // The H1 repeating the title is the title; markdown stays text, as no converter reads it.
    expect(text).toEqual(['The *Tools* page.', 'Second', 'loose text'])
    expect((tools!.source as {titleHeading?: boolean}).titleHeading).toBe(true)
    expect(result.documents.map((doc) => doc.title).sort()).toEqual(
      ['Calculator', 'Home', 'Tools', 'Untitled site'].sort(),
    )
    // An HTML page without a title (a search or 404 page) is a template of the site: no warning.
    expect(result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([])
    expect(result.stats).toMatchObject({pages: 3})
  })

  it("imports a folder's README without front matter as its index page on a GitHub Pages site, unless the folder has one", () => {
    // GitHub Pages' jekyll-readme-index: cs324's assignments/p1 and two sites' home pages are READMEs.
    const files = (config: string) => [
      {
        path: '_config.yml',
        text: `title: Guide\nremote_theme: just-the-docs/just-the-docs\n${config}`,
      },
      page('index.md', 'title: Home'),
      {path: 'README.md', text: '# Repository\n'},
      {path: 'guides/README.md', text: '# Guides\n\nRead these first.\n'},
      {path: 'docs/README.md', text: '# Docs notes\n'},
      page('docs/setup.md', 'title: Setup'),
      {path: 'api/README.md', text: '# API\n'},
      page('api/reference.md', 'title: Reference\npermalink: /api/'),
      // A permalink without its leading slash is the folder's address all the same.
      {path: 'more/README.md', text: '# More\n'},
      page('more/intro.md', 'title: Intro\npermalink: more/'),
      // Front matter after a byte-order mark is text to Jekyll: a README without front matter.
      {path: 'notes/README.md', text: '\ufeff---\ntitle: Notes\n---\n\n# Notes\n'},
    ]
    const titles = (result: ReturnType<typeof importSite>) =>
      result.documents.filter((doc) => doc._type !== DOCUMENT_TYPES.site).map((doc) => doc.title)
    const result = importSite(files(''), {convertBody: stubBody, otherFiles: ['docs/index.html']})
    expect(titles(result).sort()).toEqual(['Guides', 'Home', 'Intro', 'Reference', 'Setup'])
    // Read again once its folder is known to have no index: its problems are reported once.
    const notes = result.diagnostics.filter((d) => d.file === 'notes/README.md')
    expect(notes.length).toBeGreaterThan(0)
    expect(new Set(notes.map((d) => d.code)).size).toBe(notes.length)
    const guides = result.documents.find((doc) => doc.title === 'Guides')!
    expect(result.origins[guides._id]).toBe('guides/README.md')
    expect(result.stats).toMatchObject({pages: 5, skipped: 5, noFrontMatter: 4})
    const off = importSite(files('readme_index:\n  enabled: false\n'), {
      convertBody: stubBody,
      otherFiles: ['docs/index.html'],
    })
    expect(titles(off)).not.toContain('Guides')
  })

  it("gives a README with front matter its folder's address with readme_index.with_frontmatter, where nothing else has it", () => {
    // AcademySoftwareFoundation/tac: `{% link engagement/README.md %}` gives `/engagement/`.
    const files = (config: string) => [
      {
        path: '_config.yml',
        text: `title: TAC\nremote_theme: just-the-docs/just-the-docs\n${config}`,
      },
      page('index.md', 'title: Home'),
      page('engagement/README.md', 'title: Getting Involved'),
      page('docs/README.md', 'title: Docs notes'),
      page('docs/index.md', 'title: Docs'),
      page('moved/README.md', 'title: Moved\npermalink: /moved-here/'),
    ]
    const on = importSite(files('readme_index:\n  with_frontmatter: true\n'), {
      convertBody: stubBody,
    })
    expect(on.addresses['engagement/README.md']).toBe('/engagement/')
    expect(on.addresses['docs/README.md']).toBe('/docs/README.html')
    // Its permalink's folder is the site's top, which the home page has.
    expect(on.addresses['moved/README.md']).toBe('/moved-here/')
    const off = importSite(files(''), {convertBody: stubBody})
    expect(off.addresses['engagement/README.md']).toBe('/engagement/README.html')
  })

  it('names an untitled site "Untitled site", with a warning when _config.yml leaves out the title', () => {
    const titled = (files: SiteFile[]) => {
      const result = importSite(files, {convertBody: stubBody})
      const site = result.documents.find((doc) => doc._type === DOCUMENT_TYPES.site)
      return {title: site?.title, codes: result.diagnostics.map((d) => d.code)}
    }
    expect(titled([page('a.md', 'title: A')])).toEqual({title: 'Untitled site', codes: []})
    expect(titled([{path: '_config.yml', text: 'theme: just-the-docs\n'}])).toEqual({
      title: 'Untitled site',
      codes: ['site-title-missing'],
    })
  })

  it('reads a 5 MB page (decoding, front matter, hashing) and hands its whole body on', () => {
    const paragraph = 'A **bold** claim with a [link](other.md) and `code`.\n\n'
    const body = `# Big\n\n${paragraph.repeat(Math.ceil(5_000_000 / paragraph.length))}`
    const bytes = new TextEncoder().encode(`---\ntitle: Big\n---\n${body}`)
    let received = 0
    const result = importSite([{path: 'big.md', bytes}], {
      convertBody: (markdown) => {
        received = markdown.length
        return stubBody()
      },
    })
    expect(result.stats.errors).toBe(0)
    expect(received).toBe(body.length)
    expect(result.documents[0].source).toMatchObject({
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    })
  })

  it('passes line offsets, page data, site config and a link resolver to the body stage', () => {
    const seen: unknown[] = []
    importSite(
      [
        {path: '_config.yml', text: 'title: Site\n'},
        page('a.md', 'title: A\nx: 1'),
        page('b.md', 'title: B'),
      ],
      {
        convertBody: (_markdown, ctx) => {
          seen.push([
            ctx.file,
            ctx.lineOffset,
            ctx.page.x,
            ctx.site.title,
            ctx.resolveLink('b.md', ctx.file)?._id,
          ])
          return stubBody()
        },
      },
    )
    expect(seen[0]).toEqual(['a.md', 5, 1, 'Site', 'course-b'])
  })

  it('reports a billion-laughs front matter at its file and line and imports the other pages', () => {
    const levels = 'abcdefghi'.split('').map((name, i) =>
      i === 0
        ? `${name}: &${name} [${Array(9).fill('"lol"').join(', ')}]`
        : `${name}: &${name} [${Array(9)
            .fill(`*${'abcdefghi'[i - 1]}`)
            .join(', ')}]`,
    )
    const result = importSite(
      [
        page('index.md', 'title: Home'),
        page('laughs.md', ['title: Laughs', 'parent: Home', ...levels].join('\n')),
        page('lesson.md', 'title: Lesson\nparent: Home'),
      ],
      {convertBody: stubBody},
    )
    expect(result.failedFiles).toEqual(['laughs.md'])
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([
      expect.objectContaining({
        code: 'front-matter-invalid',
        file: 'laughs.md',
        line: expect.any(Number),
        column: expect.any(Number),
        message: expect.stringContaining('after expanding aliases'),
      }),
    ])
    const titles = result.documents.map((doc) => doc.title)
    expect(titles).toEqual(expect.arrayContaining(['Home', 'Lesson']))
    expect(titles).not.toContain('Laughs')
  })

  it('fills {% include %} from _includes/: an HTML include with parameters and a markdown include', () => {
    const result = importSite([
      page('index.md', 'title: Home'),
      page(
        'lesson.md',
        'title: Lesson\nparent: Home\nowner: Ana',
        'Intro.\n\n{% include badge.html label="Beta" by=page.owner %}\n\n{% include checklist.md %}\n\n{% include gone.html %}\n\n[Run](javascript:run)\n',
      ),
      {
        path: '_includes/badge.html',
        text: '<p><strong>{{ include.label }}</strong> by {{ include.by }}</p>\n',
      },
      {
        path: '_includes/checklist.md',
        text: '- [ ] Read the brief\n- [ ] Ask one question\n\n1. Then start\n',
      },
    ])
    const lesson = result.documents.find((doc) => doc.title === 'Lesson')
    const body = JSON.stringify(lesson?.body)
    expect(body).toContain('"text":"Beta","marks":["strong"]')
    expect(body).toContain('by Ana')
    expect(body).toContain('Read the brief')
    expect(body).toContain('{% include gone.html %}')
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'liquid-include',
        file: 'lesson.md',
        line: 13,
        message: expect.stringContaining('_includes/gone.html is not in the site'),
      }),
    )
    // After lines the includes inserted, the page's own lines are still named.
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({code: 'unsafe-link', file: 'lesson.md', line: 15, column: 1}),
    )
  })

  it("writes out the collection document a page's only Liquid names, {{ site.modules.last }}", () => {
    const result = importSite([
      {path: '_config.yml', text: 'title: Course\ncollections:\n  modules:\n    output: true\n'},
      page('index.md', 'title: Home', 'This week:\n\n{{ site.modules.last }}\n'),
      page('_modules/week-01.md', 'title: Week 1', 'Vectors.\n'),
      page('_modules/week-02.md', 'title: Week 2', 'Matrices *and* maps.\n'),
    ])
    const home = result.documents.find((doc) => doc.title === 'Home')
    const body = JSON.stringify(home?.body)
    expect(body).toContain('"text":"and","marks":["em"]')
    expect(body).not.toContain('Vectors')
    expect(body).not.toContain('site.modules')
    expect(result.diagnostics.filter((d) => d.code === 'liquid-undefined')).toEqual([])
  })

  it("reads the site's posts for site.posts as Jekyll does: newest first, dated and titled from their names, published only, found by path", () => {
    // What `jekyll build` writes for these files (checked with Jekyll 4.3).
    const result = importSite([
      {path: '_config.yml', text: 'title: Course\npermalink: pretty\n'},
      page(
        'index.md',
        'title: Home',
        [
          "{% assign slides = site.posts | where: 'path', '_posts/2023-07-03-hello-world.md' | first %}",
          '[Slides]({{ slides.redirect_to }})',
          '',
          '{% for post in site.posts %}',
          "- {{ post.date | date: '%b %-d' }} {{ post.title }} {{ post.url }} {{ post.slug }}",
          '{% endfor %}',
          '',
        ].join('\n'),
      ),
      page('_posts/2023-07-03-hello-world.md', 'redirect_to: https://example.org/slides', 'Hi\n'),
      page('_posts/2023-07-10-second-week.md', 'title: Week Two', 'Two\n'),
      page('_posts/2023-07-05-draft.md', 'published: false', 'Draft\n'),
    ])
    const home = result.documents.find((doc) => doc.title === 'Home')
    const body = home?.body as Array<{children?: Array<{text?: string}>; markDefs?: unknown[]}>
    const lines = body.map((block) => block.children?.map((child) => child.text).join(''))
    expect(lines).toEqual([
      'Slides',
      'Jul 10 Week Two /2023/07/10/second-week/ second-week',
      'Jul 3 Hello World /2023/07/03/hello-world/ hello-world',
    ])
    expect(body[0]?.markDefs).toMatchObject([{href: 'https://example.org/slides'}])
    expect(result.diagnostics.filter((d) => d.code.startsWith('liquid-posts'))).toEqual([])
    expect(result.documents.map((doc) => doc.title)).not.toContain('Week Two')
  })

  it('converts a page again when an _includes/ file it uses changes, even with the conversion cache', () => {
    const store = memoryStore()
    const files = (note: string): SiteFile[] => [
      page('index.md', 'title: Home', '{% include note.md %}\n'),
      page('other.md', 'title: Other', 'No includes.\n'),
      {path: '_includes/note.md', text: note},
    ]
    const cache = {store, version: 'test'}
    expect(homeBody(importSite(files('First note.\n'), {cache}))).toContain('First note.')
    const second = importSite(files('Second note.\n'), {cache})
    expect(homeBody(second)).toContain('Second note.')
    expect(second.stats.reused).toBe(1)
  })

  it('converts a page again when a post its Liquid reads changes, and only that page, even with the conversion cache', () => {
    const store = memoryStore()
    const files = (address: string): SiteFile[] => [
      page(
        'index.md',
        'title: Home',
        "{% assign p = site.posts | where: 'path', '_posts/2023-07-03-code.md' | first %}[Code]({{ p.redirect_to }})\n",
      ),
      page('other.md', 'title: Other', 'No Liquid.\n'),
      page('_posts/2023-07-03-code.md', `redirect_to: ${address}`, 'Code.\n'),
    ]
    const cache = {store, version: 'test'}
    expect(homeBody(importSite(files('https://example.org/one'), {cache}))).toContain('/one')
    const second = importSite(files('https://example.org/two'), {cache})
    expect(homeBody(second)).toContain('/two')
    expect(second.stats.reused).toBe(1)
  })

  it('imports a site saved with Windows line endings as the same site saved with Unix ones', () => {
    const site = (newline: string): SiteFile[] =>
      [
        {path: '_config.yml', text: 'title: Course\ncollections:\n  modules:\n'},
        {
          path: 'index.md',
          text: [
            '---',
            'title: Home',
            '---',
            '',
            'Week one',
            ': **Lecture 1** [Intro](https://example.com/)',
            ': Lab 1',
            '',
            '```python',
            'x = 1',
            'y = 2',
            '```',
            '',
            '{% for module in site.modules %}',
            '{{ module }}',
            '{% endfor %}',
            '',
          ].join('\n'),
        },
        {path: '_modules/week-1.md', text: '---\ntitle: Week 1\n---\n\nMon\n: Lecture\n: Lab\n'},
      ].map((file) => ({...file, text: file.text.replaceAll('\n', newline)}))
    const documents = (files: SiteFile[]) =>
      importSite(files).documents.map((doc) => ({...doc, source: undefined}))
    const unix = documents(site('\n'))
    expect(JSON.stringify(unix)).toContain('"code":"x = 1\\ny = 2"')
    expect(JSON.stringify(unix).match(/definitionList"/g)).toHaveLength(3)
    expect(documents(site('\r\n'))).toEqual(unix)
  })
})
