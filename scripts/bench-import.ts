/**
 * `npm run bench`: writes one synthetic site (default 5,000 lessons) to a temporary folder and
 * measures five whole processes on it, alternating, several rounds: the bare parse of every
 * page with remark-parse + remark-gfm (the floor), the import core (`importSite` on the files
 * read from disk), the core followed by the validation of every document, and the command as
 * a user runs it, validation included, cold: to a file (`npm run import -- <site> --out <file>`)
 * and into a new local dataset (`npm run import -- <site>`); then
 * re-imports against reading and hashing the files (and, for the one that follows a change to one
 * page, against that and the bare parse of the page), and the export of the imported documents
 * (`npm run export -- <dir> --dataset <file>`) against the import. On a site with images, the
 * images' own floor too: the files the new dataset stored, each read, hashed and written
 * flushed, which no import into a dataset can skip and the bare parse does not do. The floors
 * and the core run in scripts/bench-phase.ts, which loads only what each measures. Each reports
 * CPU, wall time and peak memory, with medians and ratios. `--readme` writes the tables into
 * importer/README.md.
 */
import {appendFileSync, cpSync, existsSync, mkdtempSync, rmSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {basename, join, resolve} from 'node:path'

import {defineCommand, runMain} from 'citty'

import {copySite, measure, median, prepareScratch, table, type Usage} from './bench-measure.ts'
import {judgeRatios, LIMITS} from './benchCheck.ts'
import {editablePage, generateSite, writeSite} from './bench-site.ts'
import {isoDay, writeReadmeSection} from './benchReadme.ts'
import {assetFolders, filesUnder, type ChildPhase} from './bench-phase.ts'
import {bundleFolder} from './importBundle.ts'
import {filesBytes, readSite} from './readSite.ts'

const PHASES = {
  floor: 'floor: remark-parse + remark-gfm, every page',
  core: 'import core: `importSite`, no validation',
  validated: 'import core + validation of every document',
  command: 'the command: `npm run import -- <site> --out <file>`',
  dataset: 'the command into a new local dataset: `npm run import -- <site>`',
  images: "floor of the dataset's images: read, hash (SHA-1) and write flushed each file it stored",
} as const
type Phase = keyof typeof PHASES

const REIMPORT = {
  hash: 'floor: read and hash every file of the site',
  page: 'floor and the changed page: read and hash every file, parse that page (remark-parse + remark-gfm)',
  unchanged: 'the command again, nothing changed: `npm run import -- <site>`',
  changed: 'the command again, one page changed',
} as const
type Reimport = keyof typeof REIMPORT

const EXPORT = {
  import: 'the import command: `npm run import -- <site> --out <file>`',
  export: 'the export of its documents: `npm run export -- <dir> --dataset <file>`',
} as const
type Export = keyof typeof EXPORT

/** Where each floor and the core run, in a process that loads only what its phase needs. */
const PHASE_FILE = join(import.meta.dirname, 'bench-phase.ts')
const ROOT = join(import.meta.dirname, '..')
const README = join(ROOT, 'importer', 'README.md')

/**
 * Rounds of re-imports into a local dataset that a first import filled, on a copy of the site
 * (`page`, from its folder, is edited): reading and hashing the files (the floor), that and the
 * bare parse of `page` (the floor of a re-import after it changed), the command with nothing
 * changed, and the command after one page changed. Exit code 1 counts as a run: a real site's
 * import reports problems (a missing image) every time. `inChild` gives a floor's command on a
 * site folder.
 */
function reimportRounds(
  source: string,
  count: number,
  npmRun: string[],
  inChild: (phase: 'hash' | 'page', site: string) => string[],
  scratch: string,
  page: string,
): Record<Reimport, Usage>[] {
  const site = join(scratch, 'reimport-site')
  copySite(source, site)
  const lake = mkdtempSync(join(scratch, 'lake-'))
  const command = [...npmRun, 'import', '--', site]
  measure(command, {LAKE_DIR: lake}, scratch, [0, 1])
  const rounds: Record<Reimport, Usage>[] = []
  for (let round = 0; round < count; round++) {
    const measured = {} as Record<Reimport, Usage>
    measured.hash = measure(inChild('hash', site), {}, scratch)
    measured.page = measure(inChild('page', site), {}, scratch)
    measured.unchanged = measure(command, {LAKE_DIR: lake}, scratch, [0, 1])
    appendFileSync(join(site, page), `\nEdited in round ${round + 1}.\n`)
    measured.changed = measure(command, {LAKE_DIR: lake}, scratch, [0, 1])
    rounds.push(measured)
    console.error(`re-import round ${round + 1}: ${JSON.stringify(measured)}`)
  }
  return rounds
}

/**
 * Rounds of the export of the documents an import wrote (`--dataset`, into a fresh folder each
 * time, every file written) against that import command, alternating.
 */
function exportRounds(
  site: string,
  count: number,
  npmRun: string[],
  scratch: string,
): Record<Export, Usage>[] {
  const dataset = join(scratch, 'export.ndjson')
  const rounds: Record<Export, Usage>[] = []
  for (let round = 0; round < count; round++) {
    const lake = mkdtempSync(join(scratch, 'lake-'))
    const folder = join(scratch, `exported-${round}`)
    const steps: Record<Export, () => Usage> = {
      import: () =>
        measure([...npmRun, 'import', '--', site, '--out', dataset], {LAKE_DIR: lake}, scratch),
      export: () => measure([...npmRun, 'export', '--', folder, '--dataset', dataset], {}, scratch),
    }
    const measured = {} as Record<Export, Usage>
    // The export reads what the import wrote, so the first round runs the import first.
    for (const step of round % 2 && round > 0
      ? (['export', 'import'] as const)
      : (['import', 'export'] as const)) {
      measured[step] = steps[step]()
    }
    rmSync(folder, {recursive: true, force: true})
    rounds.push(measured)
    console.error(`export round ${round + 1}: ${JSON.stringify(measured)}`)
  }
  return rounds
}

/** Prints the median ratios and whether they are within {@link LIMITS}; the exit code. */
function check(rounds: Record<'floor' | 'command', Usage>[], about: string): number {
  const verdict = judgeRatios(rounds, about)
  console.log(verdict.summary)
  for (const failure of verdict.failures) console.error(failure)
  return verdict.code
}

const command = defineCommand({
  meta: {
    name: 'bench',
    description: 'Measure the import command against a bare parse of the same pages.',
  },
  args: {
    lessons: {type: 'string', description: 'Lessons in the synthetic site.', default: '5000'},
    rounds: {type: 'string', description: 'Rounds of the five phases (medians).', default: '3'},
    readme: {
      type: 'boolean',
      description:
        "Write the table into importer/README.md's Performance section (the real site's own table with --site).",
      default: false,
    },
    site: {
      type: 'string',
      description: 'Measure on this site folder (a real site) instead of the synthetic one.',
    },
    name: {
      type: 'string',
      description:
        "What the tables call the --site (its repository, such as natalieagus/50002; default: its folder's name). With --readme, the README section is that site's own: bench:import-site:<name>.",
    },
    check: {
      type: 'boolean',
      description: `Only the floor and the command, interleaved; exit 1 when a median ratio is over its limit (CPU ${LIMITS.cpu}×, peak memory ${LIMITS.memory}×). For CI.`,
      default: false,
    },
  },
  async run({args}) {
    const lessons = Number(args.lessons)
    const scratch = mkdtempSync(join(tmpdir(), 'bench-import-'))
    try {
      prepareScratch(scratch)
      const site = args.site ? resolve(args.site) : join(scratch, 'site')
      // Named by its folder: where it sits on this machine means nothing to a reader.
      let about = `the site \`${args.name ?? basename(resolve(args.site ?? '.'))}\``
      if (args.site) {
        const {files} = await readSite(site)
        const pages = files.filter((file) => file.path.endsWith('.md'))
        about += ` (${pages.length} markdown files, ${(filesBytes(pages) / 1e3).toFixed(0)} kB)`
      }
      if (!args.site) {
        const files = generateSite(lessons)
        writeSite(files, site)
        const bytes = files.reduce((sum, file) => sum + Buffer.byteLength(file.text ?? ''), 0)
        about = `${lessons.toLocaleString('en')} lessons, ${files.length.toLocaleString('en')} files, ${(bytes / 1e6).toFixed(1)} MB of markdown`
      }
      console.log(`Measuring on ${about}.`)
      // The command runs from its bundle, built on its first run: built here, not measured.
      await bundleFolder()
      // Node runs the TypeScript itself, as `npm run import` does: no transform in any figure.
      const inChild = (phase: ChildPhase, dir = site, page?: string) => [
        process.execPath,
        PHASE_FILE,
        phase,
        dir,
        ...(page === undefined ? [] : [page]),
      ]
      const npmRun = [
        ...(process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm']),
        'run',
        '--silent',
      ]
      const rounds: Partial<Record<Phase, Usage>>[] = []
      const phases: Phase[] = args.check ? ['floor', 'command'] : (Object.keys(PHASES) as Phase[])
      // The files the first new dataset stored, kept for the images' floor (none: no such row).
      const images = join(scratch, 'images')
      const measureImages = () => {
        const into = mkdtempSync(join(scratch, 'images-written-'))
        try {
          return measure(inChild('images', images, into), {}, scratch)
        } finally {
          rmSync(into, {recursive: true, force: true})
        }
      }
      for (let round = 0; round < Number(args.rounds); round++) {
        // A fresh lake folder each time: the command runs cold, as a first import does.
        const lake = mkdtempSync(join(scratch, 'lake-'))
        const out = join(scratch, 'out.ndjson')
        const user = [...npmRun, 'import', '--', site, '--out', out]
        const measured: Partial<Record<Phase, Usage>> = {}
        // Every other round in the opposite order, so a drift of the machine's speed evens out.
        for (const phase of round % 2 ? [...phases].reverse() : phases) {
          if (phase === 'command') measured[phase] = measure(user, {LAKE_DIR: lake}, scratch)
          else if (phase === 'dataset') {
            // Into a dataset of its own, started by the import in its process (no server runs).
            // Exit code 1 counts: a real site's import reports problems (a missing image).
            const dataset = mkdtempSync(join(scratch, 'dataset-'))
            const into = [...npmRun, 'import', '--', site]
            measured[phase] = measure(into, {LAKE_DIR: dataset}, scratch, [0, 1])
            for (const folder of round ? [] : assetFolders(dataset))
              cpSync(folder, images, {recursive: true})
            rmSync(dataset, {recursive: true, force: true})
          } else if (phase === 'images') {
            // The first round measures it after the dataset phase, which stores the files.
            if (existsSync(images) && filesUnder(images).length) measured[phase] = measureImages()
          } else measured[phase] = measure(inChild(phase), {}, scratch)
        }
        rounds.push(measured)
        console.error(`round ${round + 1}: ${JSON.stringify(measured)}`)
      }
      if (args.check) {
        process.exitCode = check(rounds as Record<'floor' | 'command', Usage>[], about)
        return
      }
      const complete = rounds as Record<Phase, Usage>[]
      // The images' row and what it explains, when the dataset stored images.
      const withImages = complete.every((r) => r.images)
      const {images: _images, ...withoutImages} = PHASES
      const firstRows: Partial<typeof PHASES> = withImages ? PHASES : withoutImages
      const bothFloors = (r: Record<Phase, Usage>, key: 'cpuS' | 'wallS') =>
        r.dataset[key] / (r.floor[key] + r.images[key])
      const againstBoth = withImages
        ? `The command into a new local dataset against the two floors added (the bare parse's and the images', round by round): ${median(complete.map((r) => bothFloors(r, 'cpuS'))).toFixed(2)}× their CPU, ${median(complete.map((r) => bothFloors(r, 'wallS'))).toFixed(2)}× their wall time.`
        : undefined
      const edited = await editablePage(site)
      const again = reimportRounds(
        site,
        Number(args.rounds),
        npmRun,
        (phase, dir) => inChild(phase, dir, edited),
        scratch,
        edited,
      )
      const editedKb = (statSync(join(site, edited)).size / 1e3).toFixed(1)
      const exported = exportRounds(site, Number(args.rounds), npmRun, scratch)
      // What one page adds, to the command and to its floor: each a difference within a round.
      const more = median(again.map((r) => r.changed.cpuS - r.unchanged.cpuS))
      const pageMore = median(again.map((r) => r.page.cpuS - r.hash.cpuS))
      const onePage = `One page changed: the command took ${more.toFixed(2)} s of CPU more than with nothing changed, where parsing \`${edited}\` adds ${pageMore.toFixed(2)} s to the floor (medians of the differences within a round).`
      const summary = [
        `\`npm run bench\` on ${about}; medians of ${rounds.length} rounds, ratios taken round by round, ${isoDay()}:`,
        table(complete, firstRows as typeof PHASES, 'floor'),
        ...(againstBoth ? [againstBoth] : []),
        `Re-imports into the local dataset after a first one, against reading and hashing the same files; the changed page is \`${edited}\` (${editedKb} kB):`,
        table(again, REIMPORT, 'hash'),
        onePage,
        'The export of the documents the import wrote, against that import:',
        table(exported, EXPORT, 'import', 'vs import'),
      ].join('\n\n')
      console.log(summary)
      // The synthetic site's table, or (with `--site`) the real site's.
      if (args.readme) {
        const section = !args.site
          ? 'bench:import'
          : args.name
            ? `bench:import-site:${args.name}`
            : 'bench:import-site'
        writeReadmeSection(README, section, summary)
      }
      // Issue 14's targets, for both ways a user runs the command.
      const verdict = (ratio: number, target: number) =>
        `${ratio.toFixed(2)}× (${ratio <= target ? 'within' : 'over'} the ${target.toFixed(1)}× target)`
      for (const phase of ['command', 'dataset'] as const) {
        const cpu = median(complete.map((r) => r[phase].cpuS / r.floor.cpuS))
        const wall = median(complete.map((r) => r[phase].wallS / r.floor.wallS))
        console.log(
          `${PHASES[phase]}: the floor's CPU ${verdict(cpu, 1.5)}, its wall time ${verdict(wall, 1)}.`,
        )
      }
      const unchanged = median(again.map((r) => r.unchanged.cpuS / r.hash.cpuS))
      console.log(`${REIMPORT.unchanged}: the floor's CPU ${verdict(unchanged, 2)}.`)
    } finally {
      rmSync(scratch, {recursive: true, force: true})
    }
  },
})

await runMain(command)
