/**
 * `npm run bench`: times three conversions of one synthetic site (default 5,000 lessons), each
 * in its own process so peak memory is per phase: bare remark-parse + remark-gfm (the floor),
 * the full import (`importSite`), and @portabletext/markdown (the peer). Target: import ≤ 1.5×.
 * A fourth phase adds the Studio's validation of every document, which a first import (or
 * `--out`) pays once; re-imports validate only the documents they write.
 */
import {execFileSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'

import {markdownToPortableText} from '@portabletext/markdown'
import {defineCommand, runMain} from 'citty'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

import {importSite, type SiteFile} from '../importer/index.ts'
import {generateSite} from './bench-site.ts'

const PHASES = {
  floor: 'unified + remark-parse + remark-gfm, parse only',
  import: 'full import (importSite: front matter, tree, body, extraction, documents)',
  peer: '@portabletext/markdown markdownToPortableText',
  validated:
    'full import plus the Studio validation of every document, on worker threads (first import, --out)',
} as const
type Phase = keyof typeof PHASES
const TARGET = 1.5

interface Measurement {
  ms: number
  wallMs: number
  peakMb: number
}

function bodies(files: readonly SiteFile[]): string[] {
  return files
    .filter((file) => file.path.endsWith('.md'))
    .map((file) => file.text!.replace(/^---\n[\s\S]*?\n---\n/, ''))
}

async function runPhase(phase: Phase, files: readonly SiteFile[]): Promise<void> {
  if (phase === 'import') {
    importSite(files)
    return
  }
  if (phase === 'validated') {
    const {loadValidator} = await import('../schemas/compiled/load.ts')
    await (await loadValidator()).validateDocuments(importSite(files).documents)
    return
  }
  const texts = bodies(files)
  if (phase === 'floor') {
    const processor = unified().use(remarkParse).use(remarkGfm)
    for (const text of texts) processor.parse(text)
    return
  }
  for (const text of texts) markdownToPortableText(text)
}

/** In a child process: warm up on a small site, then time the whole corpus once. */
async function measure(phase: Phase, lessons: number): Promise<void> {
  await runPhase(phase, generateSite(200, 2))
  const files = generateSite(lessons)
  const started = performance.now()
  const cpuStart = process.cpuUsage()
  await runPhase(phase, files)
  const cpu = process.cpuUsage(cpuStart)
  const result: Measurement = {
    // CPU time, not wall time: other processes on a shared machine inflate wall time unevenly.
    ms: (cpu.user + cpu.system) / 1000,
    wallMs: performance.now() - started,
    peakMb: process.resourceUsage().maxRSS / 1024,
  }
  process.stdout.write(JSON.stringify(result))
}

const command = defineCommand({
  meta: {name: 'bench', description: 'Benchmark the importer against a bare parse and a peer.'},
  args: {
    lessons: {type: 'string', description: 'Lessons in the synthetic site.', default: '5000'},
    phase: {type: 'string', description: 'Internal: run one phase and print JSON.'},
  },
  run({args}) {
    const lessons = Number(args.lessons)
    if (args.phase) return measure(args.phase as Phase, lessons)
    const corpus = generateSite(lessons)
    const bytes = corpus.reduce((sum, file) => sum + Buffer.byteLength(file.text ?? ''), 0)
    console.log(
      `Synthetic site: ${lessons} lessons, ${corpus.length} files, ${(bytes / 1e6).toFixed(1)} MB of markdown.`,
    )
    const results = new Map<Phase, Measurement>()
    for (const phase of Object.keys(PHASES) as Phase[]) {
      const out = execFileSync(
        process.execPath,
        [
          '--import',
          'tsx',
          fileURLToPath(import.meta.url),
          '--phase',
          phase,
          '--lessons',
          String(lessons),
        ],
        {encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'inherit']},
      )
      results.set(phase, JSON.parse(out) as Measurement)
    }
    const floor = results.get('floor')!.ms
    for (const [phase, {ms, wallMs, peakMb}] of results) {
      const rate = (bytes / 1e6 / (ms / 1000)).toFixed(1)
      console.log(
        `${phase.padEnd(9)} ${(ms / 1000).toFixed(2).padStart(7)} s CPU (${(wallMs / 1000).toFixed(2)} s wall)  ${(ms / floor).toFixed(2)}× floor  ${rate.padStart(5)} MB/s  peak RSS ${peakMb.toFixed(0)} MB  ${PHASES[phase]}`,
      )
    }
    const ratio = results.get('import')!.ms / floor
    console.log(
      ratio <= TARGET
        ? `Import is ${ratio.toFixed(2)}× the bare parse: within the ${TARGET}× target.`
        : `Import is ${ratio.toFixed(2)}× the bare parse: over the ${TARGET}× target.`,
    )
    process.exitCode = ratio <= TARGET ? 0 : 1
  },
})

await runMain(command)
