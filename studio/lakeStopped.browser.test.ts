import type {Route} from 'playwright-core'
import {describe, expect, it, onTestFailed} from 'vitest'

import {createLakeClient} from '../lake/client.ts'
import {startLake} from '../lake/start.ts'
import {CHROMIUM_TAG} from '../testing/chromium.ts'
import {oneParagraphLesson, sameOriginStudio, useDocumentForm} from '../testing/studio.ts'

const LESSON = 'lesson-as-the-lake-stops'
const TITLE = 'A lesson edited as the lake stops'
const SAVES = /\/data\/(actions|mutate)\//

const lesson = oneParagraphLesson(LESSON, TITLE)

describe('the lake stopping while the editor is editing', {tags: [CHROMIUM_TAG]}, () => {
  const studio = useDocumentForm(lesson, 'studio-lake-stopped')
  const draftTitle = () =>
    createLakeClient(studio.lake, {dataset: 'production'}).fetch<string | null>(
      '*[_id == $id][0].title',
      {id: `drafts.${LESSON}`},
    )

  it('says the lake does not answer and how to start it, keeps the edit, and saves it once the lake is back', async () => {
    const {page, watch} = studio
    onTestFailed(() => studio.shot('failed').then(() => undefined))
    const title = page.locator('[data-testid="field-title"] input').first()
    const type = async (text: string) => {
      await title.click()
      await page.keyboard.press('End')
      await page.keyboard.type(text)
    }

    // The editor is at work: a first change is saved, so the lesson has a draft.
    await type(' (revised)')
    await expect.poll(draftTitle, {timeout: 60_000, interval: 250}).toBe(`${TITLE} (revised)`)

    // The next change is typed while the form is editable; its save is held on its way until the
    // lake has stopped, so it is the save that meets the stopped lake (typed after the stop, a
    // change may meet a form Sanity already made read-only while its listener reconnects).
    let held = false
    const save = new Promise<Route>((resolve) => {
      void page.route(SAVES, (route) => {
        // A request the page gave up on meanwhile cannot be continued: nothing to do then.
        if (held) return route.continue().catch(() => undefined)
        held = true
        resolve(route)
      })
    })
    await type(' while the lake stops')
    const route = await save

    // What a stopped lake causes, on purpose: refused connections, broken streams, the notices.
    watch.expectConsoleError(
      /^Failed to load resource: net::ERR_(INCOMPLETE_CHUNKED_ENCODING|CONNECTION_REFUSED|EMPTY_RESPONSE)$/,
      /^WebSocket connection to '[^']*\/socket\/production[^']*' failed: .*net::ERR_CONNECTION_REFUSED$/,
    )
    watch.expectToast(
      /^Your changes are not saved yet/,
      // Sanity's own notices while it reconnects and retries (the last if the stop lasts long).
      /^Trying to connect/,
      /^Saving your changes/,
      /^Your changes still aren't saving/,
    )
    const {dir, port} = studio.lake
    await studio.lake.close()
    await route.continue().catch(() => undefined)

    const toast = page.locator('[data-ui="Toast"]', {hasText: 'Your changes are not saved yet'})
    await toast.waitFor({timeout: 60_000})
    const told = await toast.innerText()
    expect(told).toMatch(/The lake does not answer/)
    expect(told).toMatch(/npm run studio/)
    expect(told).toMatch(/Start it again/)
    expect(await title.inputValue()).toBe(`${TITLE} (revised) while the lake stops`)
    await studio.shot('1-lake-stopped')

    // The lake starts again from the same folder on the same port (the page's origin): the
    // Studio's next attempt saves the edit, and the notice goes.
    await page.unroute(SAVES)
    studio.lake = await startLake({
      dir,
      port,
      studioDir: await sameOriginStudio(),
      log: () => undefined,
    })
    await expect
      .poll(draftTitle, {timeout: 120_000, interval: 500})
      .toBe(`${TITLE} (revised) while the lake stops`)
    await toast.waitFor({state: 'detached', timeout: 60_000})
    expect(await title.inputValue()).toBe(`${TITLE} (revised) while the lake stops`)
    await studio.shot('2-lake-back-saved')
  }, 240_000)
})
