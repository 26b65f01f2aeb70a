import {describe, expect, it} from 'vitest'

import {convertBody} from './body/index.ts'
import type {ConvertContext} from './body/index.ts'
import {rememberConversions, type ConversionCache} from './cache.ts'
import {importSite} from './site/importSite.ts'
import type {SiteFile} from './site/types.ts'

function memoryCache(): ConversionCache {
  const entries = new Map<string, string>()
  return {get: (key) => entries.get(key), set: (key, json) => void entries.set(key, json)}
}

const page = (path: string, front: string, body: string): SiteFile => ({
  path,
  text: `---\n${front}\n---\n\n${body}\n`,
})

const site = (): SiteFile[] => [
  {path: '_config.yml', text: 'title: Memo\n'},
  page('course.md', 'title: Course', 'The course.'),
  page('a.md', 'title: A\nparent: Course\nnav_order: 1', 'See [B](b.md) next.'),
  page('b.md', 'title: B\nparent: Course\nnav_order: 2', 'B itself.'),
  page('c.md', 'title: C\nparent: Course\nnav_order: 3', 'C *alone*.'),
]

/** Imports with a shared cache and names the pages that were converted (not reused). */
function importer(cache = memoryCache()) {
  return (files: SiteFile[], time?: string) => {
    const converted: string[] = []
    const counting = (markdown: string, ctx: ConvertContext) => {
      converted.push(ctx.file)
      return convertBody(markdown, ctx)
    }
    const result = importSite(files, {
      convertBody: counting,
      cache: {store: cache, version: 'v1'},
      time,
    })
    return {converted: converted.sort(), result}
  }
}

/** The JSON of the document a run of `run` makes whose id ends in `id`, from `files`. */
const documentIn =
  (run: ReturnType<typeof importer>, id: string) =>
  (files: SiteFile[]): string =>
    JSON.stringify(run(files).result.documents.find((doc) => doc._id.endsWith(id)))

const replace = (files: SiteFile[], path: string, next: SiteFile | null) =>
  files.flatMap((file) => (file.path === path ? (next ? [next] : []) : [file]))

describe('remembered conversions', () => {
  it('converts nothing again when no input changed, and gives the same documents', () => {
    const run = importer()
    const first = run(site())
    expect(first.converted).toEqual(['a.md', 'b.md', 'c.md', 'course.md'])
    const second = run(site())
    expect(second.converted).toEqual([])
    expect(second.result.documents).toEqual(first.result.documents)
    expect(second.result.diagnostics).toEqual(first.result.diagnostics)
    expect(second.result.stats.reused).toBe(4)
  })

  it('converts exactly the page whose body or front matter changed', () => {
    const run = importer()
    run(site())
    const body = replace(
      site(),
      'c.md',
      page('c.md', 'title: C\nparent: Course\nnav_order: 3', 'C **changed**.'),
    )
    expect(run(body).converted).toEqual(['c.md'])
    const title = replace(
      site(),
      'b.md',
      page('b.md', 'title: Bee\nparent: Course\nnav_order: 2', 'B itself.'),
    )
    expect(run(title).converted).toEqual(['b.md'])
  })

  it('converts a page again when a page it links to moves, and leaves the others', () => {
    const run = importer()
    run(site())
    const moved = replace(
      site(),
      'b.md',
      page('bee.md', 'title: B\nparent: Course\nnav_order: 2', 'B itself.'),
    )
    // a.md links to b.md, which no longer resolves; bee.md is new; c.md and course.md read no link.
    expect(run(moved).converted).toEqual(['a.md', 'bee.md'])
  })

  it('converts every page again when _config.yml or the converter changes', () => {
    const cache = memoryCache()
    const run = importer(cache)
    run(site())
    const config = replace(site(), '_config.yml', {path: '_config.yml', text: 'title: Memo 2\n'})
    expect(run(config).converted).toHaveLength(4)
    const newer = importSite(site(), {cache: {store: cache, version: 'v2'}})
    expect(newer.stats.reused).toBe(0)
  })

  it('converts again only the pages that read an include that changed', () => {
    const cache = memoryCache()
    const calls: string[] = []
    const convert = rememberConversions(
      (markdown, ctx) => {
        calls.push(ctx.file)
        const includes = (ctx as {includes?: Record<string, string>}).includes ?? {}
        const text = ctx.file === 'uses.md' ? (includes['note.html'] ?? '') : ''
        return {body: [], documents: [], diagnostics: [], ...(text ? {emoji: text} : {})}
      },
      cache,
      'v1',
    )
    const ctx = (file: string, note: string) =>
      ({
        file,
        title: file,
        lineOffset: 0,
        page: {},
        site: {},
        resolveLink: () => null,
        includes: {'note.html': note},
      }) as ConvertContext
    convert('x', ctx('uses.md', 'one'))
    convert('x', ctx('other.md', 'one'))
    calls.length = 0
    convert('x', ctx('uses.md', 'two'))
    convert('x', ctx('other.md', 'two'))
    expect(calls).toEqual(['uses.md'])
  })

  it('converts again a page whose Liquid control flow includes a file when that file changes, not when another include does', () => {
    const run = importer()
    const include = (name: string, text: string): SiteFile => ({path: `_includes/${name}`, text})
    const flow = page(
      'flow.md',
      'title: Flow\nparent: Course\nnav_order: 4',
      '{% if page.title == "Flow" %}{% include note.html %}{% endif %}',
    )
    const shown = documentIn(run, 'flow')
    const files = [
      ...site(),
      include('note.html', 'A note.'),
      include('other.html', 'Other.'),
      flow,
    ]
    expect(shown(files)).toContain('A note.')
    const other = replace(files, '_includes/other.html', include('other.html', 'Changed.'))
    expect(run(other).converted).toEqual([])
    const note = replace(other, '_includes/note.html', include('note.html', 'A new note.'))
    expect(run(note).converted).toEqual(['flow.md'])
    expect(shown(note)).toContain('A new note.')
  })

  it("converts again a page whose Liquid lists the site's pages when a title changes, not when a body does", () => {
    const run = importer()
    const listing = page(
      'pages.md',
      'title: Pages\nparent: Course\nnav_order: 4',
      'All:{% for p in site.pages %} {{ p.title }};{% endfor %}',
    )
    const listed = documentIn(run, 'pages')
    const files = [...site(), listing]
    expect(listed(files)).toContain('B;')
    const renamed = replace(
      files,
      'b.md',
      page('b.md', 'title: Bee\nparent: Course\nnav_order: 2', 'B itself.'),
    )
    expect(run(renamed).converted).toEqual(['b.md', 'pages.md'])
    expect(listed(renamed)).toContain('Bee;')
    expect(run(renamed).converted).toEqual([])
    const body = replace(
      renamed,
      'c.md',
      page('c.md', 'title: C\nparent: Course\nnav_order: 3', 'C **changed**.'),
    )
    expect(run(body).converted).toEqual(['c.md'])
  })

  it("converts again a page whose Liquid shows other pages' contents whenever one of them changes", () => {
    const run = importer()
    const showing = page(
      'contents.md',
      'title: Contents\nparent: Course\nnav_order: 4',
      '{% for p in site.pages %}{% if p.title == "C" %}Shown: {{ p.content }}{% endif %}{% endfor %}',
    )
    const shown = documentIn(run, 'contents')
    const files = [...site(), showing]
    expect(shown(files)).toContain('alone')
    const body = replace(
      files,
      'c.md',
      page('c.md', 'title: C\nparent: Course\nnav_order: 3', 'C **changed**.'),
    )
    expect(run(body).converted).toEqual(['c.md', 'contents.md'])
    expect(shown(body)).toContain('changed')
    expect(run(body).converted).toEqual([])
  })

  it("keeps a page whose Liquid reads site.time and other pages' contents when only the import's time differs", () => {
    const run = importer()
    const dated = page(
      'news.md',
      'title: News\nparent: Course\nnav_order: 4',
      '{% assign today = site.time | date: "%Y-%m-%d" %}{% for p in site.pages %}{% if p.title == "C" %}{{ p.content }} as of {{ today }}{% endif %}{% endfor %}',
    )
    const files = [...site(), dated]
    expect(run(files, '2024-09-02T08:00:00Z').converted).toContain('news.md')
    const again = run(files, '2024-09-09T08:00:00Z')
    expect(again.converted).toEqual([])
    // What it remembered is what it made at the first import's time.
    const news = again.result.documents.find((doc) => doc._id.endsWith('news'))
    expect(JSON.stringify(news)).toContain('as of 2024-09-02')
  })

  it('converts again a page whose {% include_relative %} file changed, and only it', () => {
    const run = importer()
    const including = page(
      'with-snippet.md',
      'title: With snippet\nparent: Course\nnav_order: 4',
      '{% include_relative snippet.txt %}',
    )
    const files = [...site(), including, {path: 'snippet.txt', text: 'First words.\n'}]
    const first = run(files)
    expect(JSON.stringify(first.result.documents)).toContain('First words.')
    const changed = replace(files, 'snippet.txt', {path: 'snippet.txt', text: 'Other words.\n'})
    const second = run(changed)
    expect(second.converted).toEqual(['with-snippet.md'])
    expect(JSON.stringify(second.result.documents)).toContain('Other words.')
  })

  it('keeps what it remembered when a caller changes a result it was given', () => {
    const run = importer()
    const first = run(site()).result.documents.map((doc) => JSON.stringify(doc))
    for (const doc of run(site()).result.documents) (doc as {body?: unknown[]}).body?.splice(0)
    const third = run(site())
    expect(third.converted).toEqual([])
    expect(third.result.documents.map((doc) => JSON.stringify(doc))).toEqual(first)
  })

  it('converts a page again when its remembered text is damaged', () => {
    const entries = new Map<string, string>()
    const cache: ConversionCache = {
      get: (key) => entries.get(key),
      set: (key, json) => void entries.set(key, json),
    }
    const run = importer(cache)
    run(site())
    for (const [key, json] of entries) entries.set(key, json.slice(0, -1))
    expect(run(site()).converted).toEqual(['a.md', 'b.md', 'c.md', 'course.md'])
  })
})
