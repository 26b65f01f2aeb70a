import type {Page} from 'playwright-core'
import {beforeAll, describe, expect, it} from 'vitest'

import {convertBody} from '../../importer/body/convert.ts'
import {CHROMIUM_TAG} from '../../testing/chromium.ts'
import {useDocumentForm} from '../../testing/studio.ts'

// A glossary whose definitions hold blocks, as kramdown reads them: a code block, a paragraph
// and a definition list of their own.
const MARKDOWN = [
  'Shell',
  ': ```sh',
  '  npm run import',
  '  ```',
  '',
  '  Runs the import from a terminal.',
  '',
  '  Inner term',
  '  : Inner definition.',
  '',
  // A third list down, deeper than the preview query's projections reach.
  '    Deepest term',
  '    : Back to [the glossary](glossary.md).',
  '',
].join('\n')

/** The glossary as a lesson, its body as the importer converts it. */
function glossary() {
  const {body, diagnostics} = convertBody(MARKDOWN, {
    file: 'glossary.md',
    title: 'Glossary',
    lineOffset: 0,
    page: {},
    site: {},
    resolveLink: (href) =>
      href === 'glossary.md' ? {_id: 'lesson-with-definitions', _type: 'lesson'} : null,
  })
  const errors = diagnostics.filter((d) => d.severity === 'error')
  if (errors.length > 0) throw new Error(`The glossary did not convert: ${JSON.stringify(errors)}`)
  return {
    _id: 'lesson-with-definitions',
    _type: 'lesson',
    title: 'Glossary',
    slug: {_type: 'slug', current: 'glossary'},
    body,
  }
}

describe(
  'a definition list whose definitions hold blocks, in the Studio',
  {tags: [CHROMIUM_TAG]},
  () => {
    const studio = useDocumentForm(glossary(), 'studio-definitions')
    const shot = studio.shot
    let page: Page
    beforeAll(() => {
      page = studio.page
    })

    it('opens a term in the form with its definition’s code block and nested term', async () => {
      const body = page.locator('[data-testid="field-body"]').first()
      await body.getByText('Shell', {exact: true}).first().dblclick()
      // The list's dialog lists its terms; a term opens its own dialog with the definition.
      const terms = page.locator('[data-testid^="field-body"][data-testid$=".items"]').last()
      await terms.waitFor({timeout: 30_000})
      await terms.getByText('Shell', {exact: true}).first().click()
      const definition = page
        .locator('[data-testid^="field-body"][data-testid$=".definition"]')
        .last()
      await definition.waitFor({timeout: 30_000})
      await definition.getByText('npm run import').first().waitFor({timeout: 30_000})
      await definition.getByText('Inner term').first().waitFor({timeout: 30_000})
      await shot('1-definition-in-form')
      await page.keyboard.press('Escape')
      await page.keyboard.press('Escape')
    })

    it('shows the definition’s code block and nested list in the Preview', async () => {
      await page.getByRole('tab', {name: 'Preview'}).first().click()
      const preview = page.locator('.course-page-preview')
      await preview.locator('dl > dt', {hasText: 'Shell'}).first().waitFor({timeout: 30_000})
      await expect
        .poll(() => preview.locator('dl > dd pre').first().innerText(), {timeout: 30_000})
        .toContain('npm run import')
      await expect
        .poll(() => preview.locator('dl > dd dl > dt').first().innerText(), {timeout: 30_000})
        .toBe('Inner term')
      await shot('2-definition-in-preview')
    })

    it('links the page from a definition three lists down, not as a page not found', async () => {
      const preview = page.locator('.course-page-preview')
      const link = preview.locator('dl dl dl dd a', {hasText: 'the glossary'})
      await link.waitFor({timeout: 30_000})
      expect(await link.getAttribute('href')).toBe('/lesson/glossary/')
      expect(await preview.locator('.link-unavailable').count()).toBe(0)
    })
  },
)
