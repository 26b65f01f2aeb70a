/**
 * `npm run bench:studio`: how long the Studio the lake serves (`npm run studio`) takes to be ready
 * in Chromium, from the start of a navigation to the structure, or to a lesson's form with its
 * body editable, on screen: the first visit with an empty cache, then reloads. The content is the
 * project's own course (`content/`, imported as `npm run import` does) and the lesson is its
 * longest. The browser context is a plain one, as an editor's: no request interception (which
 * would switch Chromium's cache off); offline, the Studio's calls to public hosts fail at once.
 * `--readme` writes the run's medians and ranges into lake/README.md's bench:studio section.
 */
import {spawn} from 'node:child_process'
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import {availableParallelism, loadavg, tmpdir} from 'node:os'
import {join, resolve} from 'node:path'

import {defineCommand, runMain} from 'citty'
import type {Page} from 'playwright-core'

import {createLakeClient, seedNdjson, startLake} from '../lake/index.ts'
import {launchChromium} from '../testing/chromium.ts'
import {median} from './bench-measure.ts'
import {isoDay, writeReadmeSection} from './benchReadme.ts'
import {studioSummary} from './benchStudioTable.ts'
import {ensureStudioBuild} from './studioBuild.ts'

const README = join(import.meta.dirname, '..', 'lake', 'README.md')

const STRUCTURE = 'text=Courses'
/** The form is usable when its body, what an editor works on, takes typing. */
const FORM = '[data-testid="field-body"] [contenteditable="true"]'

/** Imports a site folder to an NDJSON file with `scripts/import.ts`, its cache kept in `dir`. */
function importSite(site: string, out: string, dir: string): Promise<void> {
  const args = ['--import', 'tsx', 'scripts/import.ts', site, '--out', out]
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {...process.env, LAKE_DIR: dir},
    })
    // The import's report (its warnings included) is shown only when it fails.
    const report: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => report.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => report.push(chunk))
    child.on('exit', (code) => {
      if (code === 0) return done()
      process.stderr.write(Buffer.concat(report))
      fail(new Error(`Cannot import ${site} for the benchmark: the import exited with ${code}`))
    })
  })
}

/**
 * CPU milliseconds (user + system) used so far by this process's descendants (Chromium's
 * processes) and by the main threads of its renderers, from Linux's /proc; null elsewhere. Unlike
 * wall time, it barely depends on what else the machine runs.
 */
function chromiumCpu(): {all: number; rendererMain: number; gpu: number} | null {
  if (!existsSync('/proc/self/stat')) return null
  const ticks = (stat: string) => {
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return {parent: Number(fields[1]), cpu: Number(fields[11]) + Number(fields[12])}
  }
  const processes = new Map<number, {parent: number; cpu: number}>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      processes.set(Number(name), ticks(readFileSync(`/proc/${name}/stat`, 'utf8')))
    } catch {
      // The process ended meanwhile.
    }
  }
  const isOurs = (pid: number) => {
    for (let at = processes.get(pid)?.parent ?? 0; at > 1; at = processes.get(at)?.parent ?? 0)
      if (at === process.pid) return true
    return false
  }
  let all = 0
  let rendererMain = 0
  let gpu = 0
  for (const [pid, {cpu}] of processes) {
    if (!isOurs(pid)) continue
    all += cpu
    try {
      const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
      if (commandLine.includes('--type=renderer'))
        rendererMain += ticks(readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8')).cpu
      // With --disable-gpu, the GPU process composites the frames in software.
      if (commandLine.includes('--type=gpu-process')) gpu += cpu
    } catch {
      // The process ended meanwhile.
    }
  }
  // Clock ticks are 1/100 s on Linux.
  return {all: all * 10, rendererMain: rendererMain * 10, gpu: gpu * 10}
}

const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' ')

/** Milliseconds from starting `navigate` to `ready` on screen. */
async function timed(page: Page, navigate: () => Promise<unknown>, ready: string) {
  const started = performance.now()
  await navigate()
  await page.locator(ready).first().waitFor({timeout: 120_000})
  return Math.round(performance.now() - started)
}

const command = defineCommand({
  meta: {name: 'bench:studio', description: 'Time from navigation to Studio ready, in Chromium.'},
  args: {
    rounds: {type: 'string', description: 'Reloads of each page', default: '5'},
    site: {
      type: 'string',
      description: 'Site folder to import and open (its longest lesson is reloaded)',
      default: 'content',
    },
    seed: {
      type: 'string',
      description: 'NDJSON documents to open instead of importing --site',
    },
    readme: {
      type: 'boolean',
      description: "Write the run's medians and ranges into lake/README.md's bench:studio section",
      default: false,
    },
  },
  async run({args}) {
    const studioDir = resolve('.artifacts/studio-same-origin')
    const build = await ensureStudioBuild(studioDir, {projectId: 'local', dataset: 'production'})
    console.log(build.built ? 'Built the Studio.' : 'Studio build is current (inputs unchanged).')
    const dir = mkdtempSync(join(tmpdir(), 'bench-studio-'))
    const seed = args.seed ?? join(dir, 'seed.ndjson')
    if (!args.seed)
      await importSite(args.site, seed, join(dir, 'import')).catch((error: unknown) => {
        rmSync(dir, {recursive: true, force: true})
        throw error
      })
    const lake = await startLake({dir: join(dir, 'lake'), studioDir, log: () => undefined})
    const browser = await launchChromium()
    try {
      const client = createLakeClient(lake, {dataset: 'production'})
      await seedNdjson(client, seed)
      const lesson = await client.fetch<{_id: string; title: string; blocks: number} | null>(
        '*[_type == "lesson"] | order(count(body) desc)[0]{_id, title, "blocks": count(body)}',
      )
      const loadBefore = load()
      console.log(`Load average before: ${loadBefore} (${availableParallelism()} cores)`)
      const page = await (
        await browser.newContext({viewport: {width: 1400, height: 900}})
      ).newPage()
      const first = await timed(page, () => page.goto(lake.loginUrl()), STRUCTURE)
      const structure: number[] = []
      const form: number[] = []
      const formCpu: number[] = []
      const formMainCpu: number[] = []
      const formGpuCpu: number[] = []
      for (let round = 0; round < Number(args.rounds); round++)
        structure.push(await timed(page, () => page.reload(), STRUCTURE))
      if (lesson) {
        await timed(page, () => page.goto(`${lake.studioUrl}/intent/edit/id=${lesson._id}/`), FORM)
        for (let round = 0; round < Number(args.rounds); round++) {
          const before = chromiumCpu()
          form.push(await timed(page, () => page.reload(), FORM))
          const after = chromiumCpu()
          if (before && after) {
            formCpu.push(after.all - before.all)
            formMainCpu.push(after.rendererMain - before.rendererMain)
            formGpuCpu.push(after.gpu - before.gpu)
          }
        }
      }
      console.log(`First visit (empty cache) to the structure: ${first} ms`)
      console.log(
        `Reload to the structure: median ${median(structure)} ms, max ${Math.max(...structure)} ms (${structure.join(', ')})`,
      )
      if (form.length)
        console.log(
          `Reload of a lesson ("${lesson?.title}", ${lesson?.blocks ?? 0} body blocks) to its form with the body editable: median ${median(form)} ms, max ${Math.max(...form)} ms (${form.join(', ')})`,
        )
      if (formCpu.length)
        console.log(
          `Chromium CPU per lesson reload: median ${median(formCpu)} ms (${formCpu.join(', ')}), of which the page's main thread ${median(formMainCpu)} ms (${formMainCpu.join(', ')}) and the GPU process (compositing) ${median(formGpuCpu)} ms (${formGpuCpu.join(', ')})`,
        )
      const loadAfter = load()
      console.log(`Load average after: ${loadAfter}`)
      if (args.readme) {
        const summary = studioSummary(
          {
            firstMs: first,
            structureMs: structure,
            lesson: lesson && {title: lesson.title, blocks: lesson.blocks ?? 0},
            formMs: form,
            cpu: {all: formCpu, rendererMain: formMainCpu, gpu: formGpuCpu},
          },
          {
            rounds: Number(args.rounds),
            source: args.seed ? {seed: args.seed} : {site: args.site},
            cores: availableParallelism(),
            load: {before: loadBefore, after: loadAfter},
            date: isoDay(),
          },
        )
        writeReadmeSection(README, 'bench:studio', summary)
        console.log(`Wrote the table into ${README}.`)
      }
    } finally {
      await browser.close()
      await lake.close()
      rmSync(dir, {recursive: true, force: true})
    }
  },
})

void runMain(command)
