// @vitest-environment jsdom
import {execFile} from 'node:child_process'
import {mkdtemp, readFile, rm} from 'node:fs/promises'
import {join} from 'node:path'
import {promisify} from 'node:util'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {lessonPageQuery} from '../queries/lessonPage.ts'
import {memorySource, parseNdjson} from '../queries/memory.ts'
import {sitePagesQuery} from '../queries/sitePages.ts'
import type {QuerySource} from '../queries/source.ts'
import {fixtureSource} from '../queries/testing.ts'
import type {SitePagesQueryResult} from '../sanity.types.ts'
import {htmlShape, markdownShape, parseMarkdownBody} from './fidelity.ts'
import {LessonPage} from './pages/LessonPage.tsx'
import {renderDocument} from './server.tsx'
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
