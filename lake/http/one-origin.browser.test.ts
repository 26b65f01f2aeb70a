import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {createServer} from 'node:net'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import type {Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {CHROMIUM_TAG} from '../../testing/chromium.ts'
import {png} from '../../testing/png.ts'
import {logIn, sameOriginStudio, useStudioBrowser} from '../../testing/studio.ts'
import type {StudioWatch} from '../../testing/studioWatch.ts'
import {createLakeClient} from '../client.ts'
import {seedNdjson} from '../seed.ts'
import {startLake, type Lake} from '../start.ts'

const ARTIFACTS = resolve('.artifacts/one-origin')
const LESSON = 'lesson-with-an-image'
const ALT = 'A red test diagram'

/** The lesson the editor uploads an image into: a paragraph and an image block without a file. */
const lessonWithImage = {
  _id: LESSON,
  _type: 'lesson',
  title: 'A lesson with an image',
  slug: {_type: 'slug', current: 'a-lesson-with-an-image'},
  body: [
    {
      _type: 'block',
      _key: 'intro',
      style: 'normal',
      markDefs: [],
      children: [{_type: 'span', _key: 'text', text: 'Before the image.', marks: []}],
    },
    {_type: 'image', _key: 'diagram', alt: ALT, src: 'diagram.png'},
  ],
}

/** Resolves once something listens on `port`, holding it until `release()`. */
async function holdPort(port: number) {
  const blocker = createServer()
  await new Promise<void>((done) => blocker.listen(port, '127.0.0.1', done))
  return () => new Promise<void>((done) => blocker.close(() => done()))
}

/** The widths of the page's loaded `<img>`s whose address starts with `prefix` (0: not loaded). */
function loadedImages(page: Page, prefix: string) {
  return page.locator('img').evaluateAll(
    (images, start) =>
      images
        .map((image) => image as HTMLImageElement)
        .filter((image) => image.src.startsWith(start) && image.complete)
        .map((image) => image.naturalWidth),
    prefix,
  )
}

describe(
  'one origin: the Studio, its API and its images at http://localhost:<port>',
  {tags: [CHROMIUM_TAG]},
  () => {
    let work = ''
    let studioDir = ''
    let lake: Lake
    let page: Page
    let watch: StudioWatch
    const requests: URL[] = []
    const lakeLog: string[] = []
    /** Event streams open right now, and the most open at once (per host and in all). */
    const streams = new Map<unknown, string>()
    const peak = {all: 0, perHost: 0}
    const start = (port = 0) =>
      startLake({dir: join(work, 'lake'), port, studioDir, log: (line) => lakeLog.push(line)})
    const shot = (name: string) => page.screenshot({path: join(ARTIFACTS, `${name}.png`)})
    const openLesson = async (id: string) => {
      await page.goto(`${lake.studioUrl}/intent/edit/id=${id};type=lesson/`)
      await page.locator('[data-testid="field-title"] input').first().waitFor({timeout: 60_000})
    }

    beforeAll(async () => {
      work = mkdtempSync(join(tmpdir(), 'one-origin-'))
      mkdirSync(ARTIFACTS, {recursive: true})
      studioDir = await sameOriginStudio()
      lake = await start()
      const client = createLakeClient(lake, {dataset: 'production'})
      await seedNdjson(client, 'lake/fixtures/course.ndjson')
      await client.createOrReplace(lessonWithImage)
    }, 300_000)

    afterAll(async () => {
      await lake?.close()
      if (work) rmSync(work, {recursive: true, force: true})
    })

    const studio = useStudioBrowser(() => lake)

    beforeAll(() => {
      ;({page, watch} = studio)
      page.on('request', (request) => {
        const url = new URL(request.url())
        requests.push(url)
        if (!url.pathname.includes('/data/listen/')) return
        streams.set(request, url.host)
        const hosts = [...streams.values()]
        peak.all = Math.max(peak.all, hosts.length)
        peak.perHost = Math.max(peak.perHost, hosts.filter((host) => host === url.host).length)
      })
      const ended = (request: unknown) => streams.delete(request)
      page.on('requestfinished', ended)
      page.on('requestfailed', ended)
    })

    it('shows the Studio first at one plain-HTTP URL on a fresh profile, and opens course → module → lesson with every event stream on a host name of its own', async () => {
      await (await logIn(page, lake)).click()
      // Logged in by the link, on the URL the editor opened: no certificate page, no other origin.
      expect(new URL(page.url()).origin).toBe(lake.studioUrl)
      await shot('1-studio-first')
      await page.getByText('Product Management Basics').first().click({timeout: 30_000})
      await page.getByText('Foundations', {exact: true}).first().click({timeout: 30_000})
      await page.getByText('Core responsibilities of a product manager').first().click()
      await page.locator('[data-testid="field-title"] input').first().waitFor({timeout: 60_000})
      await shot('2-course-module-lesson')
      // Chromium opens six HTTP/1.1 connections per host name; with more streams than that on one
      // name the Studio would wait for a free connection ("Loading…") for as long as they stay open.
      expect(peak.perHost).toBe(1)
      const lakeRequests = requests.filter(
        (url) => url.hostname === 'localhost' || url.hostname.endsWith('.localhost'),
      )
      expect(lakeRequests.length).toBeGreaterThan(0)
      expect(
        lakeRequests.filter((url) => url.protocol !== 'http:' || url.port !== String(lake.port)),
      ).toEqual([])
      writeFileSync(join(ARTIFACTS, 'event-streams.json'), JSON.stringify(peak, null, 2))
      expect(lake.unknownEndpoints.map((e) => `${e.method} ${e.path}`)).toEqual([])
    })

    it('uploads an image in the Studio and still shows it, from the Studio and the API, after the lake restarts on another port', async () => {
      const file = join(work, 'diagram.png')
      const bytes = png(120, 80, [200, 40, 40])
      writeFileSync(file, bytes)
      await openLesson(LESSON)
      await page.getByText(ALT).first().dblclick()
      await page.locator('input[type=file]').first().setInputFiles(file)
      const imagesAt = (origin: string) => `${origin}/images/${lake.projectId}/production/`
      await expect.poll(() => loadedImages(page, imagesAt(lake.studioUrl))).toContain(120)
      await shot('3-uploaded')
      const client = createLakeClient(lake, {dataset: 'production'})
      // The Studio saves the draft a moment after the upload shows.
      const assetOfDraft = () =>
        client.fetch<{url: string; path: string} | null>(
          '*[_id == $id][0].body[_type == "image"][0].asset->{url, path}',
          {id: `drafts.${LESSON}`},
        )
      await expect.poll(assetOfDraft).not.toBeNull()
      const asset = (await assetOfDraft())!
      // Stored without scheme, host or port: whichever port the lake runs on next, it answers it.
      expect(asset.url).toBe(`/${asset.path}`)

      const firstPort = lake.port
      // The open event streams and the presence socket break while the lake is down: on purpose.
      // A request sent to the old port while this test holds it fails as not connected (seen in
      // CI on e8826b1); one the lake took as it closed gets no answer at all (a Studio query, seen
      // in CI on d4cb9ee).
      watch.expectConsoleError(
        /^Failed to load resource: net::ERR_(INCOMPLETE_CHUNKED_ENCODING|CONNECTION_RESET|CONNECTION_REFUSED|SOCKET_NOT_CONNECTED|EMPTY_RESPONSE)$/,
        /^WebSocket connection to .* failed/,
        // React reports it through a format string: "%o\n\n%s\n\n%s\n\n WebSocketError: …".
        /WebSocketError: WebSocket connection error/,
        // The presence socket sends into the connection the restart closed.
        /^WebSocket is already in CLOSING or CLOSED state\./,
      )
      await lake.close()
      // The old port stays taken while the lake restarts, so it must come back on another one.
      const release = await holdPort(firstPort)
      lake = await start().finally(release)
      expect(lake.port).not.toBe(firstPort)
      // A new port is a new origin, whose storage has no session yet: the new link logs in again.
      await logIn(page, lake)
      await openLesson(LESSON)
      await page.getByText(ALT).first().dblclick()
      await expect.poll(() => loadedImages(page, imagesAt(lake.studioUrl))).toContain(120)
      await shot('4-after-restart-on-another-port')
      // The Preview renders the stored asset URL itself (`asset->url`), not one the Studio derives.
      await page.keyboard.press('Escape')
      await page.getByRole('tab', {name: 'Preview'}).first().click()
      const preview = page.locator('.course-page-preview img')
      await preview.first().waitFor({timeout: 30_000})
      await expect
        .poll(() =>
          preview.evaluateAll((images) =>
            images.map((image) => (image as HTMLImageElement).naturalWidth),
          ),
        )
        .toContain(120)
      await shot('5-preview-after-restart')
      for (const base of [lake.studioUrl, lake.httpUrl]) {
        const served = await fetch(`${base}${asset.url}`)
        expect(served.status).toBe(200)
        expect(Buffer.from(await served.arrayBuffer())).toEqual(bytes)
      }
      expect(lake.unknownEndpoints.map((e) => `${e.method} ${e.path}`)).toEqual([])
    })
  },
)
