/**
 * `npm run bench:studio`: how long the Studio the lake serves (`npm run studio`) takes to be ready
 * in Chromium, from the start of a navigation to the structure (or a lesson's form) on screen: the
 * first visit with an empty cache, then reloads. The browser context is a plain one, as an
 * editor's: no request interception (which would switch Chromium's cache off); offline, the
 * Studio's calls to public hosts fail at once.
 */
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'

import {defineCommand, runMain} from 'citty'
import type {Page} from 'playwright-core'

import {createLakeClient, seedNdjson, startLake} from '../lake/index.ts'
import {launchChromium} from '../testing/chromium.ts'
import {ensureStudioBuild} from './studioBuild.ts'

const STRUCTURE = 'text=Courses'
const FORM = '[data-testid="field-title"] input'

/** Milliseconds from starting `navigate` to `ready` on screen. */
async function timed(page: Page, navigate: () => Promise<unknown>, ready: string) {
  const started = performance.now()
  await navigate()
  await page.locator(ready).first().waitFor({timeout: 120_000})
  return Math.round(performance.now() - started)
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]

const command = defineCommand({
  meta: {name: 'bench:studio', description: 'Time from navigation to Studio ready, in Chromium.'},
  args: {
    rounds: {type: 'string', description: 'Reloads of each page', default: '5'},
    seed: {
      type: 'string',
      description: 'NDJSON documents to open',
      default: 'lake/fixtures/course.ndjson',
    },
  },
  async run({args}) {
    const studioDir = resolve('.artifacts/studio-same-origin')
    const build = await ensureStudioBuild(studioDir, {projectId: 'local', dataset: 'production'})
    console.log(build.built ? 'Built the Studio.' : 'Studio build is current (inputs unchanged).')
    const dir = mkdtempSync(join(tmpdir(), 'bench-studio-'))
    const lake = await startLake({dir, studioDir, log: () => undefined})
    const browser = await launchChromium()
    try {
      const client = createLakeClient(lake, {dataset: 'production'})
      await seedNdjson(client, args.seed)
      const lesson = await client.fetch<string | null>('*[_type == "lesson"][0]._id')
      const page = await (
        await browser.newContext({viewport: {width: 1400, height: 900}})
      ).newPage()
      const first = await timed(page, () => page.goto(lake.loginUrl()), STRUCTURE)
      const structure: number[] = []
      const form: number[] = []
      for (let round = 0; round < Number(args.rounds); round++)
        structure.push(await timed(page, () => page.reload(), STRUCTURE))
      if (lesson) {
        await timed(page, () => page.goto(`${lake.studioUrl}/intent/edit/id=${lesson}/`), FORM)
        for (let round = 0; round < Number(args.rounds); round++)
          form.push(await timed(page, () => page.reload(), FORM))
      }
      console.log(`First visit (empty cache) to the structure: ${first} ms`)
      console.log(
        `Reload to the structure: median ${median(structure)} ms, max ${Math.max(...structure)} ms (${structure.join(', ')})`,
      )
      if (form.length)
        console.log(
          `Reload of a lesson to its form: median ${median(form)} ms, max ${Math.max(...form)} ms (${form.join(', ')})`,
        )
    } finally {
      await browser.close()
      await lake.close()
      rmSync(dir, {recursive: true, force: true})
    }
  },
})

void runMain(command)
