import {spawn} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {createServer, type Server} from 'node:http'
import {tmpdir} from 'node:os'
import {extname, join, resolve} from 'node:path'

import type {Browser, Locator, Page} from 'playwright-core'
import {afterAll, afterEach, beforeAll, expect} from 'vitest'

import {createLakeClient} from '../lake/client.ts'
import {startLake, type Lake} from '../lake/start.ts'
import {ensureStudioBuild, type StudioTarget} from '../scripts/studioBuild.ts'
import {launchChromium} from './chromium.ts'
import {watchStudio, type StudioWatch, type WatchedLake} from './studioWatch.ts'

const MIME: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
}

/** Serves a built Studio folder on 127.0.0.1, answering unknown paths with index.html. */
export function serveStudio(dir: string): Promise<{server: Server; url: string}> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    let file = join(dir, decodeURIComponent(path))
    if (!file.startsWith(dir) || !existsSync(file) || path.endsWith('/'))
      file = join(dir, 'index.html')
    res.setHeader('content-type', MIME[extname(file)] ?? 'application/octet-stream')
    res.end(readFileSync(file))
  })
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () =>
      done({server, url: `http://localhost:${(server.address() as {port: number}).port}`}),
    ),
  )
}

/** Runs a command to completion, rejecting with its exit code when it fails. */
export function run(command: string, args: string[], env: Record<string, string> = {}) {
  return new Promise<void>((done, fail) => {
    const child = spawn(command, args, {
      env: {...process.env, ...env},
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    child.on('exit', (code) =>
      code === 0 ? done() : fail(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    )
  })
}

/** Builds the Studio into `outDir`, pointed at a lake's API host, project and dataset. */
export function buildStudio(
  outDir: string,
  lake: {apiHost: string; projectId: string},
  dataset: string,
): Promise<void> {
  return run('npx', ['sanity', 'build', outDir, '--yes'], {
    DO_NOT_TRACK: '1',
    SANITY_STUDIO_API_HOST: lake.apiHost,
    SANITY_STUDIO_PROJECT_ID: lake.projectId,
    SANITY_STUDIO_DATASET: dataset,
  })
}

/**
 * How long a navigation may take before it fails: a bound for a hang, as vitest.config.ts's
 * timeouts are, not a guess about the machine's speed. Playwright's default, 30 s, was passed
 * once on a loaded machine: the Studio's page, opened while other browser tests ran, did not
 * finish loading in time (CI, studio/session/sessionRevoked.browser.test.ts).
 */
const NAVIGATION_TIMEOUT_MS = 120_000

/**
 * A page in a new browser context as the Studio tests need it: a fresh profile that trusts no
 * certificate (the Studio and the lake are plain HTTP on `localhost` names), a desktop viewport,
 * a closed network where only loopback names answer (the Studio's calls to public hosts fail
 * at once, as they would offline), and navigations bounded by {@link NAVIGATION_TIMEOUT_MS}.
 */
export async function openStudioPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({viewport: {width: 1400, height: 900}})
  context.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS)
  await context.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname
    return host === 'localhost' || host.endsWith('.localhost') || host === '127.0.0.1'
      ? route.continue()
      : route.abort()
  })
  return context.newPage()
}

/** Where tests keep the Studio build the lake serves; rebuilt only when its inputs change. */
export const SAME_ORIGIN_STUDIO = resolve('.artifacts/studio-same-origin')

/**
 * A Studio build for the lake to serve itself (`startLake({studioDir})`), shared by every test
 * and every run: built once, then again only when the Studio's code, schema or dependencies
 * change (scripts/studioBuild.ts).
 */
export async function sameOriginStudio(
  target: StudioTarget = {projectId: 'local', dataset: 'production'},
): Promise<string> {
  await ensureStudioBuild(SAME_ORIGIN_STUDIO, target)
  return SAME_ORIGIN_STUDIO
}

/** The browser, page and watch a Studio browser test drives, set once `beforeAll` has run. */
export type StudioBrowser = {browser: Browser; page: Page; watch: StudioWatch}

/**
 * The steps every Studio browser test shares, registered as vitest hooks in the calling `describe`
 * after its own `beforeAll` (which starts the lake): Chromium and a page from
 * {@link openStudioPage}, watched from its first request by {@link watchStudio} against `lake()`
 * (read again after a test restarts the lake); after each test, nothing the watch saw; after all,
 * Chromium closed (before the test's own `afterAll` stops the lake).
 */
export function useStudioBrowser(lake: () => WatchedLake): StudioBrowser {
  const session = {} as StudioBrowser
  beforeAll(async () => {
    session.browser = await launchChromium()
    session.page = await openStudioPage(session.browser)
    session.watch = await watchStudio(session.page, lake)
  })
  afterEach(() => {
    expect(session.watch.take()).toEqual([])
  })
  afterAll(async () => {
    await session.browser?.close()
  })
  return session
}

/** A document's form in the Studio, as `useDocumentForm` sets it up. */
export type DocumentForm = StudioBrowser & {
  lake: Lake
  /** Saves a screenshot of the page as `<name>.png` in the test's artifacts folder. */
  shot: (name: string) => Promise<Buffer>
}

/** A lesson of one paragraph (`text`), slugged by its id: what a Studio test edits. */
export function oneParagraphLesson(id: string, title: string, text = 'Some words.') {
  return {
    _id: id,
    _type: 'lesson',
    title,
    slug: {_type: 'slug', current: id},
    body: [
      {
        _type: 'block',
        _key: 'p',
        style: 'normal',
        markDefs: [],
        children: [{_type: 'span', _key: 's', text, marks: []}],
      },
    ],
  }
}

/**
 * For the tests of the calling `describe`: a lake serving the built Studio with `document` (and
 * the documents it refers to, `related`) stored in it, a browser logged in, and the document's
 * form open with its body field drawn. Screenshots go to `.artifacts/<artifacts>/`; the lake and
 * its folder are removed after.
 */
export function useDocumentForm(
  document: {_id: string; _type: string},
  artifacts: string,
  related: Array<{_id: string; _type: string}> = [],
): DocumentForm {
  const form = {} as DocumentForm
  const folder = resolve('.artifacts', artifacts)
  let work = ''
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), `${artifacts}-`))
    mkdirSync(folder, {recursive: true})
    const studioDir = await sameOriginStudio()
    form.lake = await startLake({dir: join(work, 'lake'), studioDir, log: () => undefined})
    const transaction = createLakeClient(form.lake, {dataset: 'production'}).transaction()
    for (const stored of [...related, document]) transaction.createOrReplace(stored)
    await transaction.commit()
  }, 300_000)
  afterAll(async () => {
    await form.lake?.close()
    if (work) rmSync(work, {recursive: true, force: true})
  })
  const studio = useStudioBrowser(() => form.lake)
  beforeAll(async () => {
    Object.assign(form, studio)
    await logIn(form.page, form.lake)
    await form.page.goto(
      `${form.lake.studioUrl}/structure/intent/edit/id=${document._id};type=${document._type}/`,
    )
    await form.page.locator('[data-testid="field-body"]').first().waitFor({timeout: 60_000})
  })
  form.shot = (name) => form.page.screenshot({path: join(folder, `${name}.png`)})
  return form
}

/**
 * Logs `page` in with the lake's one-time link and waits for the Studio's structure; returns its
 * "Courses" item.
 */
export async function logIn(page: Page, lake: {loginUrl: () => string}): Promise<Locator> {
  await page.goto(lake.loginUrl())
  const courses = page.getByText('Courses', {exact: true}).first()
  await courses.waitFor({timeout: 60_000})
  return courses
}
