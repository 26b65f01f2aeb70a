import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {Browser, Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {startLake, type Lake} from '../lake/start.ts'
import {CHROMIUM_TAG, launchChromium} from './chromium.ts'
import {openStudioPage} from './studio.ts'
import {watchStudio, type StudioWatch} from './studioWatch.ts'

/**
 * The watch every Studio browser test ends with (`useStudioBrowser`'s afterEach) is what makes
 * them fail on console errors, error toasts, uncaught errors and the lake's 4xx: here each is
 * provoked on a page the lake serves, and must be reported, unless the test declared it.
 */
describe('the Studio watch', {tags: [CHROMIUM_TAG]}, () => {
  let work = ''
  let lake: Lake
  let browser: Browser
  let page: Page
  let watch: StudioWatch

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'studio-watch-'))
    // A page of the lake's own origin, as the Studio is: no build needed for what is provoked.
    writeFileSync(join(work, 'index.html'), '<!doctype html><title>Watched</title><main></main>')
    lake = await startLake({dir: join(work, 'lake'), studioDir: work, log: () => undefined})
    browser = await launchChromium()
    page = await openStudioPage(browser)
    watch = await watchStudio(page, () => lake)
    await page.goto(lake.studioUrl)
  }, 300_000)

  afterAll(async () => {
    await browser?.close()
    await lake?.close()
    if (work) rmSync(work, {recursive: true, force: true})
  })

  /** Makes the page do what a broken Studio would: an error logged, thrown, toasted and a 404. */
  const misbehave = () =>
    page.evaluate(async () => {
      console.error('Cannot render the lesson')
      setTimeout(() => {
        throw new Error('Unexpected state in the form')
      })
      const toast = document.createElement('div')
      toast.dataset.ui = 'Toast'
      toast.dataset.tone = 'critical'
      toast.textContent = 'Could not save the document'
      document.body.append(toast)
      const note = document.createElement('div')
      note.dataset.ui = 'Toast'
      note.dataset.tone = 'positive'
      note.textContent = 'Published'
      document.body.append(note)
      await fetch('/v2025-02-19/data/no-such-endpoint/production', {credentials: 'include'})
    })

  /**
   * Waits for the watch to report as many problems as `expected`, then takes them: those, in any
   * order, and no more.
   */
  const takeExactly = async (expected: unknown[]) => {
    await expect
      .poll(() => watch.problems().length, {timeout: 30_000})
      .toBeGreaterThanOrEqual(expected.length)
    const problems = watch.take()
    expect(problems).toEqual(expect.arrayContaining(expected))
    expect(problems).toHaveLength(expected.length)
  }

  it('reports a console error, an uncaught error, an error toast, the lake answering 4xx and the unknown endpoint, and nothing else', async () => {
    await misbehave()
    const expected = [
      expect.stringMatching(/^console error: Cannot render the lesson /),
      'uncaught page error: Unexpected state in the form',
      'critical toast: Could not save the document',
      expect.stringMatching(/^lake answered 4\d\d to GET \/v2025-02-19\/data\/no-such-endpoint\//),
      expect.stringMatching(/^unknown endpoint: GET .*no-such-endpoint/),
    ]
    // The positive toast is what an editor should see, and each problem is reported once.
    await takeExactly(expected)
    expect(watch.problems()).toEqual([])
  })

  it('reports nothing the test declared it provokes on purpose', async () => {
    watch.expectConsoleError(/^Cannot render the lesson$/)
    watch.expectToast(/^Could not save the document$/)
    watch.expectFailure({status: 401, path: /no-such-endpoint/}, {status: 404, path: /no-such/})
    await page.reload()
    await misbehave()
    // Reported in order after the declared ones, so once these are seen, those were weighed.
    await page.evaluate(() => {
      console.error('Cannot load the preview')
      const toast = document.createElement('div')
      toast.dataset.ui = 'Toast'
      toast.dataset.tone = 'caution'
      toast.textContent = 'Connection lost'
      document.body.append(toast)
    })
    const expected = [
      // An uncaught error and an unknown endpoint are never declared away.
      'uncaught page error: Unexpected state in the form',
      expect.stringMatching(/^unknown endpoint: GET .*no-such-endpoint/),
      expect.stringMatching(/^console error: Cannot load the preview /),
      'caution toast: Connection lost',
    ]
    await takeExactly(expected)
  })
})
