// @vitest-environment jsdom
import {execFile} from 'node:child_process'
import {mkdtemp, readFile, rm} from 'node:fs/promises'
import {join} from 'node:path'
import {promisify} from 'node:util'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {resolveExtraction} from '../importer/extract/config.ts'
import {markdownPlainText} from '../importer/body/fidelity.ts'
import {fixtureNames, runFixture} from '../importer/body/fixture-runner.ts'
import {evaluateLiquid} from '../importer/body/liquid.ts'
import {createState} from '../importer/body/state.ts'
import {lessonPageQuery, lessonPreviewQuery} from '../queries/lessonPage.ts'
import {memorySource, parseNdjson, type StoredDocument} from '../queries/memory.ts'
import {sitePagesQuery} from '../queries/sitePages.ts'
import type {QuerySource} from '../queries/source.ts'
import {fixtureSource} from '../queries/testing.ts'
import type {SitePagesQueryResult} from '../sanity.types.ts'
import {BodyText} from './BodyText.tsx'
import {htmlShape, markdownShape, normaliseWhitespace, parseMarkdownBody} from './fidelity.ts'
import {LessonPage} from './pages/LessonPage.tsx'
import {renderDocument, renderFragment} from './server.tsx'
import {sourceUrl} from './sitePaths.ts'
import type {LessonPage as LessonPageData} from './types.ts'

const root = join(import.meta.dirname, '..')
const SEED_PATH =
  'foundations-of-product-management/introduction-to-product-management/core-responsibilities-of-a-product-manager.md'
const SEED_SLUG = 'core-responsibilities-of-a-product-manager'

/** Renders a lesson with internal links pointing at their source-site addresses. */
async function renderSourceAddressed(source: QuerySource, slug: string) {
  const options = {perspective: 'published' as const}
  const pages = await source.fetch<SitePagesQueryResult>(sitePagesQuery, {}, options)
  const addresses = new Map(
    pages.flatMap((page) => (page.sourcePath ? [[page._id, sourceUrl(page.sourcePath)]] : [])),
  )
  const page = await source.fetch<LessonPageData>(lessonPageQuery, {slug}, options)
  const missing: string[] = []
  const html = renderDocument(
    page.title,
    <LessonPage
      page={page}
      options={{
        pageHref: (target) => addresses.get(target._id) ?? `/missing/${target._id}/`,
        onMissingComponent: (_message, {type}) => missing.push(type),
      }}
    />,
  )
  return {html, missing}
}

describe('the seed lesson rendered from imported content', () => {
  let dir: string
  let source: QuerySource

  beforeAll(async () => {
    dir = await mkdtemp(join(root, '.artifacts', 'fidelity-'))
    const out = join(dir, 'seed.ndjson')
    await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'scripts/import.ts', '--out', out],
      {
        cwd: root,
      },
    )
    source = memorySource(parseNdjson(await readFile(out, 'utf8'), out))
  })

  afterAll(async () => {
    await rm(dir, {recursive: true, force: true})
  })

  it('has the text and structure of the markdown source as remark reads it', async () => {
    const markdown = await readFile(join(root, 'content', SEED_PATH), 'utf8')
    const {html, missing} = await renderSourceAddressed(source, SEED_SLUG)
    expect(missing).toEqual([])
    const expected = markdownShape(parseMarkdownBody(markdown), sourceUrl(SEED_PATH))
    const actual = htmlShape(html, {base: sourceUrl(SEED_PATH)})
    expect(actual).toEqual(expected)
    expect(actual.headings).toHaveLength(7)
    expect(actual.tables[0]).toHaveLength(5)
  })
})

describe('the hand-written seed fixture', () => {
  it('has the text and structure of the markdown source', async () => {
    const markdown = await readFile(join(root, 'content', SEED_PATH), 'utf8')
    const {html, missing} = await renderSourceAddressed(fixtureSource('seed'), SEED_SLUG)
    expect(missing).toEqual([])
    expect(htmlShape(html, {base: sourceUrl(SEED_PATH)})).toEqual(
      markdownShape(parseMarkdownBody(markdown), sourceUrl(SEED_PATH)),
    )
  })
})

/**
 * Differences Portable Text makes on purpose, where a list's shape cannot follow markdown;
 * the text still has to match exactly.
 */
const LIST_SHAPE_DIFFERS: Record<string, string> = {
  'lists-and-tasks':
    'a list item holds one block, so its second paragraph becomes an item of its own, and task and bullet items next to each other become two lists',
}

describe.each(fixtureNames)('the importer body fixture %s, rendered', (name) => {
  it('shows the text of its markdown, with its heading levels, list nesting and table cells', async (test) => {
    const {result, ctx, body, context} = runFixture(name)
    if (context.skipFidelity) return test.skip()
    const state = createState(ctx, resolveExtraction(undefined))
    const source = evaluateLiquid(body, state)
    // The converted body as a lesson, its references resolved the way the site resolves them.
    const lesson = {_id: 'lesson-fixture', _type: 'lesson', title: ctx.title, body: result.body}
    const documents = [lesson, ...result.documents] as StoredDocument[]
    const page = await memorySource(documents).fetch<LessonPageData>(
      lessonPreviewQuery,
      {lesson},
      {perspective: 'published'},
    )
    const missing: string[] = []
    const html = renderFragment(
      <article>
        <BodyText
          value={page.body}
          options={{onMissingComponent: (_message, {type}) => missing.push(type)}}
        />
      </article>,
    )
    expect(missing).toEqual([])
    const rendered = htmlShape(html)
    expect(rendered.text).toBe(normaliseWhitespace(markdownPlainText(source, ctx.title)))
    const markdown = markdownShape(parseMarkdownBody(source))
    // The H1 repeating the title is the title; a body has no h1 style, so other H1s become h2.
    const headings = markdown.headings
      .filter((heading) => !heading.startsWith('h1 ') || !heading.includes(ctx.title))
      .map((heading) => heading.replace(/^h1 /, 'h2 '))
    expect(rendered.headings).toEqual(headings)
    if (!LIST_SHAPE_DIFFERS[name]) expect(rendered.lists).toEqual(markdown.lists)
    expect(rendered.tables).toEqual(markdown.tables)
  })
})
