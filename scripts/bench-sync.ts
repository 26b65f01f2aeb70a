/**
 * `npm run bench:sync`: imports the 5,000-lesson synthetic site into a fresh local lake,
 * then imports it again unchanged, and reports both runs' time and request counts.
 * Target: the unchanged re-import at least 20× faster than the first, with zero mutations.
 */
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import type {SiteFile} from '../importer/index.ts'
import type {SyncReport} from '../sync/index.ts'

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(
    'Usage: npm run bench:sync (BENCH_LESSONS=n for another size, default 5000): a first sync of the synthetic site into a fresh local lake, an unchanged re-run and one page changed, with request counts.',
  )
  process.exit(0)
}

// Loaded after the usage check, so `--help` answers at once.
const [{importSite}, {createLakeClient, startLake}, {syncApiFor, syncDocuments}, {scrubber}] =
  await Promise.all([
    import('../importer/index.ts'),
    import('../lake/index.ts'),
    import('../sync/index.ts'),
    import('../sync/scrub.ts'),
  ])
const {syntheticSite} = await import('../sync/testing/syntheticSite.ts')

const lessons = Number(process.env.BENCH_LESSONS ?? 5000)
const lessonsPerModule = 20
const modulesPerCourse = 25
const courses = Math.max(1, Math.ceil(lessons / (lessonsPerModule * modulesPerCourse)))

console.log(`Generating ${courses * modulesPerCourse * lessonsPerModule} lessons…`)
const files = syntheticSite({courses, modulesPerCourse, lessonsPerModule}) as SiteFile[]
let started = performance.now()
const {documents} = importSite(files)
console.log(
  `Converted ${documents.length} documents in ${((performance.now() - started) / 1000).toFixed(1)} s (not part of the figures)`,
)

const dir = mkdtempSync(join(tmpdir(), 'bench-sync-'))
const lake = await startLake({dir, log: () => undefined})
try {
  const api = syncApiFor(createLakeClient(lake, {dataset: 'bench'}))
  const run = async () => {
    const {report} = await syncDocuments(documents, {
      api,
      target: 'local lake',
      scrub: scrubber([lake.token]),
    })
    return report
  }
  const line = (name: string, r: SyncReport) =>
    `${name.padEnd(18)} ${(r.elapsedMs / 1000).toFixed(2).padStart(7)} s  ` +
    `${String(r.requests.mutations).padStart(4)} mutation requests  ${String(r.requests.queries).padStart(3)} queries  ` +
    `created ${r.counts.created}, updated ${r.counts.updated}, unchanged ${r.counts.unchanged}, failed ${r.counts.failed}`
  started = performance.now()
  const first = await run()
  console.log(line('first import', first))
  const second = await run()
  console.log(line('unchanged re-run', second))
  const edited = documents.map((doc, i) =>
    i === documents.length - 1 ? {...doc, title: 'Changed'} : doc,
  )
  const third = (
    await syncDocuments(edited, {api, target: 'local lake', scrub: scrubber([lake.token])})
  ).report
  console.log(line('one page changed', third))
  const ratio = first.elapsedMs / Math.max(1, second.elapsedMs)
  console.log(
    `Unchanged re-run is ${ratio.toFixed(1)}× faster (target ≥ 20×), ${second.requests.mutations} mutations (target 0).`,
  )
  if (ratio < 20 || second.requests.mutations > 0 || first.counts.failed > 0) process.exitCode = 1
} finally {
  await lake.close()
  rmSync(dir, {recursive: true, force: true})
}
