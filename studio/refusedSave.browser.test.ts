import type {Page, Response} from 'playwright-core'
import {beforeAll, describe, expect, it, onTestFailed} from 'vitest'

import {createLakeClient} from '../lake/client.ts'
import type {Lake} from '../lake/start.ts'
import {CHROMIUM_TAG} from '../testing/chromium.ts'
import {useDocumentForm} from '../testing/studio.ts'

const LESSON = 'lesson-on-a-full-disk'
const TITLE = 'A lesson saved on a full disk'
const EDITED = `${TITLE} (revised) again`

/**
 * A lesson whose body is long enough (about 20 KB) that every revision the lake stores needs new
 * pages in its database file, so a file that may not grow refuses the first save.
 */
const lesson = {
  _id: LESSON,
  _type: 'lesson',
  title: TITLE,
  slug: {_type: 'slug', current: 'a-lesson-saved-on-a-full-disk'},
  body: [
    {
      _type: 'block',
      _key: 'long',
      style: 'normal',
      markDefs: [],
      children: [{_type: 'span', _key: 'text', text: 'Some words. '.repeat(1700), marks: []}],
    },
  ],
}

const isSave = (response: Response) =>
  /\/data\/(actions|mutate)\//.test(new URL(response.url()).pathname)

describe('a save the lake refuses', {tags: [CHROMIUM_TAG]}, () => {
  const studio = useDocumentForm(lesson, 'studio-refused-save')
  let page: Page
  let lake: Lake
  beforeAll(() => {
    page = studio.page
    lake = studio.lake
  })

  /**
   * Fills the disk: SQLite's page cap makes the dataset's file full exactly as a full disk does,
   * and the watch is told of the refused saves and the notices that follow. Returns the dataset,
   * whose cap the test lifts again (`max_page_count = 1073741823`).
   */
  const fillTheDisk = () => {
    const dataset = lake.state.registry.get('production')
    const pages = (dataset.db.prepare('PRAGMA page_count').get() as {page_count: number}).page_count
    studio.watch.expectFailure({status: 507, path: /\/data\/(actions|mutate)\//})
    studio.watch.expectToast(
      /^Your changes are not saved yet/,
      // Sanity's own notices while it retries, if the refusal lasts long enough on a slow machine.
      /^Saving your changes/,
      /^Your changes still aren't saving/,
      /^Saving is taking longer than expected/,
    )
    dataset.pragmaForWrites(`max_page_count = ${pages}`)
    return dataset
  }

  /** A published lesson of its own (`id`), opened in the form: its title field and draft title. */
  const openPublishedLesson = async (id: string) => {
    const client = createLakeClient(lake, {dataset: 'production'})
    await client.createOrReplace({...lesson, _id: id, slug: {_type: 'slug', current: id}})
    const draftTitle = () =>
      client.fetch<string | null>('*[_id == $id][0].title', {id: `drafts.${id}`})
    await page.goto(`${lake.studioUrl}/structure/intent/edit/id=${id};type=lesson/`)
    const title = page.locator('[data-testid="field-title"] input').first()
    await title.waitFor({timeout: 60_000})
    await expect.poll(() => title.inputValue()).toBe(TITLE)
    return {draftTitle, title}
  }

  /** Counts the saves the full disk refuses (507) from now until `stop()`. */
  const countRefusals = () => {
    let refusals = 0
    const count507 = (response: Response) => {
      if (response.status() === 507 && isSave(response)) refusals += 1
    }
    page.on('response', count507)
    return {count: () => refusals, stop: () => void page.off('response', count507)}
  }

  it('says the disk is full and what to do, keeps the edit in the form, and saves it once there is room', async () => {
    onTestFailed(() => studio.shot('failed').then(() => undefined))
    const client = createLakeClient(lake, {dataset: 'production'})
    const draftTitle = () =>
      client.fetch<string | null>('*[_id == $id][0].title', {id: `drafts.${LESSON}`})
    const title = page.locator('[data-testid="field-title"] input').first()
    const type = async (text: string) => {
      await title.click()
      await page.keyboard.press('End')
      await page.keyboard.type(text)
    }

    // The editor is at work: a first change is saved, so the lesson has a draft.
    await type(' (revised)')
    await expect.poll(draftTitle, {timeout: 60_000, interval: 250}).toBe(`${TITLE} (revised)`)

    // Then the disk fills up.
    const dataset = fillTheDisk()
    const refused = page.waitForResponse(
      (response) => response.status() === 507 && isSave(response),
      {timeout: 60_000},
    )
    await type(' again')
    expect((await (await refused).json()).error.description).toMatch(/is full/)

    // The editor is told what happened and what to do, in the lake's words, and keeps the edit.
    const toast = page.locator('[data-ui="Toast"]', {hasText: 'Your changes are not saved yet'})
    await toast.waitFor({timeout: 30_000})
    const told = await toast.innerText()
    expect(told).toMatch(/the disk holding .*production\.sqlite is full/)
    expect(told).toMatch(/Free disk space/)
    expect(told).toMatch(/kept in this tab/)
    // Sanity retries: after another refusal the edit is still in the form, and not in the lake.
    await page.waitForResponse((response) => response.status() === 507 && isSave(response), {
      timeout: 60_000,
    })
    expect(await title.inputValue()).toBe(EDITED)
    expect(await draftTitle()).toBe(`${TITLE} (revised)`)
    await studio.shot('1-refused')

    // Room again: the Studio's next attempt saves the edit, and the notice goes.
    dataset.pragmaForWrites('max_page_count = 1073741823')
    await expect.poll(draftTitle, {timeout: 120_000, interval: 500}).toBe(EDITED)
    await toast.waitFor({state: 'detached', timeout: 30_000})
    expect(await title.inputValue()).toBe(EDITED)
    await studio.shot('2-saved')
  }, 240_000)

  it('keeps the first change to a published lesson, which would create its draft, and saves it once there is room', async () => {
    onTestFailed(() => studio.shot('failed-first-change').then(() => undefined))
    const {draftTitle, title} = await openPublishedLesson('lesson-first-change')
    const dataset = fillTheDisk()
    const refused = countRefusals()
    try {
      // The whole change at once (the next test types key by key across the refusal).
      await title.fill(`${TITLE} (first change)`)
      const toast = page.locator('[data-ui="Toast"]', {hasText: 'Your changes are not saved yet'})
      await toast.waitFor({timeout: 60_000})
      expect(await toast.innerText()).toMatch(/is full/)
      // The Studio keeps the change and tries again, more than once while the disk is full.
      await expect.poll(refused.count, {timeout: 60_000, interval: 250}).toBeGreaterThan(2)
      expect(await draftTitle()).toBeNull()
      await studio.shot('3-first-change-refused')

      dataset.pragmaForWrites('max_page_count = 1073741823')
      await expect
        .poll(draftTitle, {timeout: 120_000, interval: 500})
        .toBe(`${TITLE} (first change)`)
      await toast.waitFor({state: 'detached', timeout: 30_000})
      await expect.poll(() => title.inputValue()).toBe(`${TITLE} (first change)`)
      await studio.shot('4-first-change-saved')
    } finally {
      refused.stop()
    }
  }, 240_000)
  it('shows and keeps every key typed while the save that would create the draft is refused, and saves them all once there is room', async () => {
    onTestFailed(() => studio.shot('failed-typing').then(() => undefined))
    const {draftTitle, title} = await openPublishedLesson('lesson-typed-through-a-refusal')
    const dataset = fillTheDisk()
    const refused = countRefusals()
    try {
      // Key after key, across the refusal of the first save (which would create the draft) and
      // 20 keys beyond it: after each, the form shows everything typed.
      await title.click()
      await page.keyboard.press('End')
      const letters = 'abcdefghijklmnopqrstuvwxyz'
      let typed = ''
      let afterRefusal = 0
      for (let index = 0; afterRefusal < 20; index += 1) {
        if (index === 600) throw new Error('Expected a refused save within 600 keys, saw none')
        const wasRefused = refused.count() > 0
        await page.keyboard.type(letters[index % letters.length])
        typed += letters[index % letters.length]
        if (wasRefused) afterRefusal += 1
        expect(await title.inputValue()).toBe(`${TITLE}${typed}`)
      }
      const toast = page.locator('[data-ui="Toast"]', {hasText: 'Your changes are not saved yet'})
      await toast.waitFor({timeout: 60_000})
      expect(await toast.innerText()).toMatch(/is full/)
      // A try after the last key is refused too: the form still shows every key, the lake none.
      const seen = refused.count()
      await expect.poll(refused.count, {timeout: 60_000, interval: 100}).toBeGreaterThan(seen)
      expect(await title.inputValue()).toBe(`${TITLE}${typed}`)
      expect(await draftTitle()).toBeNull()
      await studio.shot('5-typed-through-refusal')

      dataset.pragmaForWrites('max_page_count = 1073741823')
      await expect.poll(draftTitle, {timeout: 120_000, interval: 500}).toBe(`${TITLE}${typed}`)
      await toast.waitFor({state: 'detached', timeout: 30_000})
      expect(await title.inputValue()).toBe(`${TITLE}${typed}`)
      await studio.shot('6-typed-through-saved')
    } finally {
      refused.stop()
    }
  }, 240_000)
})
