import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

import {format, resolveConfig} from 'prettier'
import {beforeAll, describe, expect, it} from 'vitest'

import {fixtureNames, runFixture} from '../importer/body/fixture-runner.ts'
import type {StoredDocument} from '../queries/memory.ts'
import type {PageComparison} from './compare.ts'
import {kramdownMissing, renderWithKramdown} from './kramdown.ts'
import {comparePage, kramdownRequest, type PageSource} from './page.ts'
import {renderBodies} from './render.tsx'
import {siteFidelity} from './site.ts'
import {readSiteFiles} from './siteFiles.ts'

/**
 * The differences each fixture is known to have with kramdown today. Improvements and
 * regressions both change this file; regenerate with `UPDATE_FIDELITY=1 npx vitest run fidelity`
 * and read the diff.
 */
const EXPECTED_FILE = join(import.meta.dirname, 'expected-differences.json')
const root = join(import.meta.dirname, '..')

/** What is recorded per page: the differing features with their first difference, word counts. */
function record(comparison: PageComparison) {
  return {
    differences: comparison.differences.map(
      (d) => `${d.feature} #${d.at}: kramdown «${d.expected}», project «${d.actual}»`,
    ),
    wordsLost: comparison.words.lost,
    wordsAdded: comparison.words.added,
  }
}

type Recorded = ReturnType<typeof record>

const missing = kramdownMissing()
/** Types each compared page uses that `render/components.tsx` has no component for. */
const missingComponents = new Map<string, string[]>()

/** Every body fixture, converted by the importer and rendered, compared with kramdown. */
async function compareFixtures(): Promise<Map<string, Recorded>> {
  const runs = fixtureNames.map((name) => ({name, ...runFixture(name)}))
  const documents = runs.map(({name, result, ctx}): StoredDocument => ({
    _id: `fixture-${name}`,
    _type: 'lesson',
    title: ctx.title,
    source: {titleHeading: result.titleHeading === true},
    body: result.body,
  }))
  const extracted = runs.flatMap(({result}) => result.documents as StoredDocument[])
  // The pages a fixture links to exist on its site; here they are stubs with a title.
  const linked = runs.flatMap(({context}) =>
    Object.values(context.links ?? {}).map((id): StoredDocument => ({
      _id: id,
      _type: 'lesson',
      title: id,
      slug: {current: id},
    })),
  )
  const rendered = await renderBodies(
    [...documents, ...dedupe([...extracted, ...linked])],
    documents.map((d) => d._id),
  )
  const sources = runs.map(({name, ctx, body, context}): PageSource => ({
    file: `importer/body/fixtures/${name}/input.md`,
    title: ctx.title,
    markdown: body,
    page: ctx.page,
    site: ctx.site,
    // A fixture's site resolves `{% link x %}` by file, as `/x` after Jekyll's Liquid.
    resolveLink: (href) =>
      (
        ctx.resolveLink(href, ctx.file) ??
        ctx.resolveLink(`{% link ${href.replace(/^\//, '')} %}`, ctx.file)
      )?._id ?? null,
    include: (file) => context.includes?.[file],
  }))
  const references = await renderWithKramdown(sources.map((s) => kramdownRequest(s).request))
  const results = new Map<string, Recorded>()
  runs.forEach(({name}, index) => {
    const reference = references[index]
    if ('error' in reference) throw new Error(`${sources[index].file}: ${reference.error}`)
    const html = rendered.get(`fixture-${name}`)
    missingComponents.set(`fixture ${name}`, html!.missingComponents)
    results.set(`fixture ${name}`, record(comparePage(sources[index], reference.html, html!.html)))
  })
  return results
}

function dedupe(documents: StoredDocument[]): StoredDocument[] {
  return [...new Map(documents.map((d) => [d._id, d])).values()]
}

/** The seed site (`content/`), imported whole, each page compared. */
async function compareSeedSite(): Promise<Map<string, Recorded>> {
  const {files, includes} = await readSiteFiles(join(root, 'content'))
  const report = await siteFidelity(files, {kramdown: renderWithKramdown, includes})
  const results = new Map<string, Recorded>()
  for (const page of report.pages) {
    if (page.error) throw new Error(`content/${page.file}: ${page.error}`)
    missingComponents.set(`content ${page.file}`, page.missingComponents)
    results.set(`content ${page.file}`, record(page.comparison!))
  }
  return results
}

describe.skipIf(missing !== null)('every body fixture and the seed page against kramdown', () => {
  let actual: Record<string, Recorded>

  beforeAll(async () => {
    const all = new Map([...(await compareFixtures()), ...(await compareSeedSite())])
    actual = Object.fromEntries([...all].sort(([a], [b]) => (a < b ? -1 : 1)))
    if (process.env.UPDATE_FIDELITY) {
      const options = {...(await resolveConfig(EXPECTED_FILE)), filepath: EXPECTED_FILE}
      writeFileSync(EXPECTED_FILE, await format(JSON.stringify(actual, null, 2), options))
    }
  })

  it('differs from kramdown exactly where expected-differences.json says', () => {
    const expected: unknown = existsSync(EXPECTED_FILE)
      ? JSON.parse(readFileSync(EXPECTED_FILE, 'utf8'))
      : {}
    expect(actual).toEqual(expected)
  })

  it('renders every type the importer emits with a component', () => {
    const pages = [...missingComponents].filter(([, types]) => types.length > 0)
    expect(Object.fromEntries(pages)).toEqual({})
  })

  it('compares the seed page and every fixture', () => {
    expect(Object.keys(actual)).toContain(
      'content foundations-of-product-management/introduction-to-product-management/core-responsibilities-of-a-product-manager.md',
    )
    expect(Object.keys(actual).filter((key) => key.startsWith('fixture '))).toHaveLength(
      fixtureNames.length,
    )
  })
})

describe.skipIf(missing === null)('kramdown is not installed', () => {
  it.skip(`${missing}`, () => undefined)
})
