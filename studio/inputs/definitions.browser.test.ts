import {mkdirSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import type {Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {convertBody} from '../../importer/body/convert.ts'
import {createLakeClient} from '../../lake/client.ts'
import {startLake, type Lake} from '../../lake/start.ts'
import {CHROMIUM_TAG} from '../../testing/chromium.ts'
import {logIn, sameOriginStudio, useStudioBrowser} from '../../testing/studio.ts'

const ARTIFACTS = resolve('.artifacts/studio-definitions')
const LESSON = 'lesson-with-definitions'

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
].join('\n')

describe(
  'a definition list whose definitions hold blocks, in the Studio',
  {tags: [CHROMIUM_TAG]},
  () => {
    let work = ''
    let lake: Lake
    let page: Page
    const shot = (name: string) => page.screenshot({path: join(ARTIFACTS, `${name}.png`)})

    beforeAll(async () => {
      work = mkdtempSync(join(tmpdir(), 'studio-definitions-'))
      mkdirSync(ARTIFACTS, {recursive: true})
      const {body, diagnostics} = convertBody(MARKDOWN, {
        file: 'glossary.md',
        title: 'Glossary',
        lineOffset: 0,
        page: {},
        site: {},
        resolveLink: () => null,
      })
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([])
      const lesson = {
        _id: LESSON,
        _type: 'lesson',
        title: 'Glossary',
        slug: {_type: 'slug', current: 'glossary'},
        body,
      }
      const studioDir = await sameOriginStudio()
      lake = await startLake({dir: join(work, 'lake'), studioDir, log: () => undefined})
      await createLakeClient(lake, {dataset: 'production'}).createOrReplace(lesson)
    }, 300_000)

    afterAll(async () => {
      await lake?.close()
      if (work) rmSync(work, {recursive: true, force: true})
    })

    const studio = useStudioBrowser(() => lake)

    beforeAll(async () => {
      page = studio.page
      await logIn(page, lake)
      await page.goto(`${lake.studioUrl}/structure/intent/edit/id=${LESSON};type=lesson/`)
      await page.locator('[data-testid="field-body"]').first().waitFor({timeout: 60_000})
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
  },
)
