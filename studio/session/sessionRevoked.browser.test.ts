import {rmSync} from 'node:fs'
import {join} from 'node:path'

import type {Route} from 'playwright-core'
import {describe, expect, it, onTestFailed} from 'vitest'

import {createLakeClient} from '../../lake/client.ts'
import {startLake} from '../../lake/start.ts'
import {CHROMIUM_TAG} from '../../testing/chromium.ts'
import {logIn, oneParagraphLesson, sameOriginStudio, useDocumentForm} from '../../testing/studio.ts'

const LESSON = 'lesson-of-a-revoked-session'
const TITLE = 'A lesson edited as the session ends'
const SAVES = /\/data\/(actions|mutate)\//

const lesson = oneParagraphLesson(LESSON, TITLE)

describe('a session the lake revokes while the editor is editing', {tags: [CHROMIUM_TAG]}, () => {
  const studio = useDocumentForm(lesson, 'studio-session-revoked')
  const client = () => createLakeClient(studio.lake, {dataset: 'production'})
  const draftTitle = () =>
    client().fetch<string | null>('*[_id == $id][0].title', {id: `drafts.${LESSON}`})
  const titleInput = () => studio.page.locator('[data-testid="field-title"] input').first()
  const keptKeys = () =>
    studio.page.evaluate(() =>
      Object.keys(localStorage).filter((key) => key.startsWith('course-lake:kept-edits:')),
    )

  /** Types `text` at the end of the title and waits until the lake's draft holds `expected`. */
  const typeSaved = async (text: string, expected: string) => {
    await titleInput().click()
    await studio.page.keyboard.press('End')
    await studio.page.keyboard.type(text)
    await expect.poll(draftTitle, {timeout: 60_000, interval: 250}).toBe(expected)
  }

  /**
   * Types `text` at the end of the title while its save is held on its way to the lake; then the
   * lake restarts from the same folder with a new token file (every session it gave is revoked),
   * and the save goes on to it: the lake answers 401 SIO-401-ANF and the Studio logs out.
   */
  const typeAsTheSessionEnds = async (text: string) => {
    const {page, watch} = studio
    let held = false
    const save = new Promise<Route>((resolve) => {
      void page.route(SAVES, (route) => {
        // A request the page gave up on meanwhile cannot be continued: nothing to do then.
        if (held) return route.continue().catch(() => undefined)
        held = true
        resolve(route)
      })
    })
    await titleInput().click()
    await page.keyboard.press('End')
    await page.keyboard.type(text)
    const route = await save
    // The open streams break, the Studio's token is refused: both on purpose.
    watch.expectFailure({status: 401, path: /^\/v[\w-]+\//})
    watch.expectConsoleError(
      /^Failed to load resource: net::ERR_(INCOMPLETE_CHUNKED_ENCODING|CONNECTION_REFUSED|EMPTY_RESPONSE)$/,
      /^WebSocket connection to '[^']*\/socket\/production[^']*' failed: .*net::ERR_CONNECTION_REFUSED$/,
    )
    watch.expectToast(
      /^You've been logged out/,
      // Sanity's own, while the held save and the restart last (on a busy machine).
      /^Trying to connect/,
      /^Your changes aren't saving/,
    )
    const {dir, port} = studio.lake
    await studio.lake.close()
    rmSync(join(dir, 'token'))
    studio.lake = await startLake({
      dir,
      port,
      studioDir: await sameOriginStudio(),
      log: () => undefined,
    })
    await route.continue().catch(() => undefined)
    await page.unroute(SAVES)
  }

  it('says the session ended and how to log in, keeps the refused edit in the browser, and saves it after the new login', async () => {
    const {page} = studio
    onTestFailed(() => studio.shot('failed').then(() => undefined))
    await typeSaved(' (first)', `${TITLE} (first)`)

    await typeAsTheSessionEnds(' and second')
    await page.getByText("You've been logged out").waitFor({timeout: 60_000})
    await page.getByText('Log in with the npm run studio link').waitFor()
    expect(await draftTitle()).toBe(`${TITLE} (first)`)
    expect(await keptKeys()).toEqual([`course-lake:kept-edits:local.production:${LESSON}`])
    await studio.shot('1-logged-out-edit-kept')

    // The link `npm run studio` prints at its next start: the page reloads, the edit comes back.
    await logIn(page, studio.lake)
    await expect
      .poll(draftTitle, {timeout: 60_000, interval: 250})
      .toBe(`${TITLE} (first) and second`)
    await page.getByText('Your unsaved changes are saved').waitFor({timeout: 30_000})
    expect(await keptKeys()).toEqual([])
    await studio.shot('2-logged-in-edit-saved')
    await page.goto(`${studio.lake.studioUrl}/structure/intent/edit/id=${LESSON};type=lesson/`)
    await expect.poll(() => titleInput().inputValue()).toBe(`${TITLE} (first) and second`)
  }, 240_000)

  it('does not put an edit back over a document that changed meanwhile, and says so', async () => {
    const {page, watch} = studio
    onTestFailed(() => studio.shot('failed-changed').then(() => undefined))
    // Whatever the title is now (the test before this one changed it, when it ran).
    await titleInput().waitFor({timeout: 60_000})
    const before = await titleInput().inputValue()
    await typeSaved(' and third', `${before} and third`)

    await typeAsTheSessionEnds(' and mine')
    await page.getByText("You've been logged out").waitFor({timeout: 60_000})
    expect(await keptKeys()).toHaveLength(1)
    // While the editor is logged out, someone else changes the draft.
    await client()
      .patch(`drafts.${LESSON}`)
      .set({title: `${before} and theirs`})
      .commit()

    watch.expectToast(/^Your unsaved changes to “.*” were not put back/)
    await logIn(page, studio.lake)
    const notice = page.locator('[data-ui="Toast"]', {hasText: 'were not put back'})
    await notice.waitFor({timeout: 60_000})
    expect(await notice.innerText()).toMatch(/changed in the lake/)
    expect(await draftTitle()).toBe(`${before} and theirs`)
    expect(await keptKeys()).toHaveLength(1)
    await studio.shot('3-changed-meanwhile-offered')

    // The editor chooses their own version: it goes back over the other change.
    await notice.getByRole('button', {name: 'Put my version back'}).click()
    await expect
      .poll(draftTitle, {timeout: 60_000, interval: 250})
      .toBe(`${before} and third and mine`)
    expect(await keptKeys()).toEqual([])
    await expect.poll(() => titleInput().inputValue()).toBe(`${before} and third and mine`)
    await studio.shot('4-mine-put-back')
  }, 240_000)
})
