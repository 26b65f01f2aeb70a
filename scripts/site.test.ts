import {execFile} from 'node:child_process'
import {readFile, rm} from 'node:fs/promises'
import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import {extname, join, normalize, sep} from 'node:path'
import {promisify} from 'node:util'

import type {Browser} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {ARTIFACTS, scratchDir} from '../testing/artifacts.ts'
import {CHROMIUM_TAG, launchChromium} from '../testing/chromium.ts'

const root = join(import.meta.dirname, '..')
const LESSON =
  'foundations-of-product-management/introduction-to-product-management/core-responsibilities-of-a-product-manager/index.html'
const run = promisify(execFile)
/** Runs a command's entry as `npm run` does: plain node, which loads tsx only where it must. */
const command = (script: string, ...args: string[]) =>
  run(process.execPath, [script, ...args], {cwd: root})

/** Serves `dir` on 127.0.0.1 at a free port. */
async function serve(dir: string): Promise<{server: Server; origin: string}> {
  const types: Record<string, string> = {'.html': 'text/html; charset=utf-8', '.png': 'image/png'}
  const server = createServer((request, response) => {
    const path = normalize(
      join(dir, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)),
    )
    const file = path.endsWith(sep) ? join(path, 'index.html') : path
    if (!file.startsWith(dir)) return void response.writeHead(403).end()
    readFile(file).then(
      (body) =>
        response
          .writeHead(200, {'content-type': types[extname(file)] ?? 'application/octet-stream'})
          .end(body),
      () => response.writeHead(404).end(),
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`}
}

describe('npm run site in Chromium', {tags: [CHROMIUM_TAG]}, () => {
  let dir: string
  let server: Server | undefined
  let origin: string
  let browser: Browser | undefined

  beforeAll(async () => {
    dir = await scratchDir('site-')
    const dataset = join(dir, 'seed.ndjson')
    await command('scripts/import.ts', '--out', dataset)
    await command('scripts/site.ts', '--dataset', dataset, '--out', join(dir, 'site-dist'))
    ;({server, origin} = await serve(join(dir, 'site-dist')))
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)))
    await rm(dir, {recursive: true, force: true})
  })

  it('shows all 12 responsibilities and 12 tools on the seed lesson page', async () => {
    const page = await browser!.newPage({viewport: {width: 1000, height: 800}})
    // Nothing but the local server: the page must not need the network.
    await page.route('**/*', (route) =>
      route.request().url().startsWith(origin) ? route.continue() : route.abort(),
    )
    await page.goto(`${origin}/${LESSON}`)
    const responsibilities = page.locator('li.responsibility')
    const tools = page.locator('.tool-table .tool')
    await expect.poll(() => responsibilities.count()).toBe(12)
    expect(await tools.count()).toBe(12)
    for (const item of [...(await responsibilities.all()), ...(await tools.all())]) {
      expect(await item.isVisible()).toBe(true)
    }
    expect(await responsibilities.nth(1).innerText()).toMatch(/^Roadmapping: Develop/)
    expect(await tools.allInnerTexts()).toContain('Microsoft Teams')
    await page.screenshot({path: join(ARTIFACTS, 'seed-lesson.png'), fullPage: true})
    await page.close()
  })

  it('reaches the lesson from the course index by following links', async () => {
    const page = await browser!.newPage()
    await page.goto(`${origin}/index.html`)
    await page.getByRole('link', {name: /Foundations of Product Management/}).click()
    await page.getByRole('link', {name: /Core Responsibilities of a Product Manager/}).click()
    expect(page.url()).toBe(`${origin}/${LESSON}`)
    await page.getByRole('link', {name: /Introduction to Product Management/}).click()
    expect(await page.locator('h1').innerText()).toBe('Introduction to Product Management')
    await page.close()
  })
})
