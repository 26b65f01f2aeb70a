import type {Page, Response} from 'playwright-core'
import {beforeAll, describe, expect, it, onTestFailed} from 'vitest'

import {createLakeClient} from '../lake/client.ts'
import type {Lake} from '../lake/start.ts'
import {DOCUMENT_LIMITS} from '../lake/store/document-rules.ts'
import {CHROMIUM_TAG} from '../testing/chromium.ts'
import {oneParagraphLesson, useDocumentForm} from '../testing/studio.ts'

const LESSON = 'lesson-too-large'
const TITLE = 'A lesson that grows too large'
const FIXED = `${TITLE} (short)`

const lesson = oneParagraphLesson(LESSON, TITLE, 'Some words. '.repeat(100))

const isSave = (response: Response) => /\/data\/actions\//.test(new URL(response.url()).pathname)

describe('a save the lake refuses outright', {tags: [CHROMIUM_TAG]}, () => {
  const studio = useDocumentForm(lesson, 'studio-refused-outright')
  let page: Page
  let lake: Lake
  beforeAll(() => {
    page = studio.page
    lake = studio.lake
  })

  it("says the change is not saved and why, keeps it in the form, and saves the editor's fix", async () => {
    onTestFailed(() => studio.shot('failed').then(() => undefined))
    const client = createLakeClient(lake, {dataset: 'production'})
    const draftTitle = () =>
      client.fetch<string | null>('*[_id == $id][0].title', {id: `drafts.${LESSON}`})
    const title = page.locator('[data-testid="field-title"] input').first()
    await expect.poll(() => title.inputValue()).toBe(TITLE)

    // The lake's size limit, lowered to just above the lesson (32 MB would take minutes to
    // type): the real check refuses the draft a long paste makes, with its real answer (400).
    const stored = await client.getDocument(LESSON)
    const limit = Buffer.byteLength(JSON.stringify(stored)) + 300
    const documentLimit = DOCUMENT_LIMITS.maxBytes
    DOCUMENT_LIMITS.maxBytes = limit
    studio.watch.expectFailure({status: 400, path: /\/data\/actions\//})
    studio.watch.expectToast(/^Your changes are not saved yet/, /^Saving is taking longer/)
    try {
      const paste = ` ${'and a long pasted text '.repeat(40)}`
      const refused = page.waitForResponse(
        (response) => response.status() === 400 && isSave(response),
        {timeout: 60_000},
      )
      await title.click()
      await page.keyboard.press('End')
      await page.keyboard.insertText(paste)
      const answer = (await (await refused).json()) as {error: {items: unknown[]}}
      expect(JSON.stringify(answer.error.items)).toMatch(/over Sanity's limit of \d+ bytes/)

      // The editor reads that the change is not saved, the lake's reason, and what to do.
      const toast = page.locator('[data-ui="Toast"]', {hasText: 'Your changes are not saved yet'})
      await toast.waitFor({timeout: 30_000})
      const told = await toast.innerText()
      expect(told).toContain(`Cannot store document "drafts.${LESSON}"`)
      expect(told).toContain(`over Sanity's limit of ${limit} bytes`)
      expect(told).toMatch(/change what the lake refuses/)
      // The change stays in the form through the next refused try, and nothing reached the lake.
      await page.waitForResponse((response) => response.status() === 400 && isSave(response), {
        timeout: 60_000,
      })
      expect(await title.inputValue()).toBe(`${TITLE}${paste}`)
      expect([null, TITLE]).toContain(await draftTitle())
      await studio.shot('1-refused-outright')

      // The editor replaces the paste with a short change: that is what gets saved.
      await page.keyboard.press('ControlOrMeta+A')
      await page.keyboard.type(FIXED)
      await expect.poll(draftTitle, {timeout: 60_000, interval: 250}).toBe(FIXED)
      await toast.waitFor({state: 'detached', timeout: 30_000})
      expect(await title.inputValue()).toBe(FIXED)
      await studio.shot('2-fix-saved')
    } finally {
      DOCUMENT_LIMITS.maxBytes = documentLimit
    }
  }, 240_000)
})
