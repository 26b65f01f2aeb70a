/**
 * `npm run import -- [dir]`: reads a just-the-docs site, converts it to Sanity documents,
 * validates them with the Studio's rules, reports every problem, and writes NDJSON.
 * The pipeline is: parse args → read site → importSite → validate → report → write.
 */
import {randomBytes} from 'node:crypto'
import {readdir, readFile, rename, rm, stat, writeFile} from 'node:fs/promises'
import {basename, dirname, join, relative, resolve, sep} from 'node:path'
import {performance} from 'node:perf_hooks'

import {defineCommand, runMain, showUsage} from 'citty'

import {
  createProgress,
  formatDiagnostics,
  formatSummary,
  importSite,
  toNdjson,
  type Diagnostic,
  type ImportedDocument,
  type ImportResult,
  type SiteFile,
} from '../importer/index.ts'
import {DOCUMENT_TYPES} from '../schemas/constants.ts'
import {repeatedFlag, runSyncStep} from '../sync/cli.ts'
import {excludeRejected} from '../sync/exclude.ts'

const NAVIGATION_TYPES = new Set<string>([
  DOCUMENT_TYPES.site,
  DOCUMENT_TYPES.course,
  DOCUMENT_TYPES.module,
])

/** The site's navigation: written even when invalid, so one bad page never hides its parents. */
const isNavigation = (doc: ImportedDocument) => NAVIGATION_TYPES.has(doc._type)

/** Why each document with an error is rejected, by id. */
function rejectedBy(found: readonly Diagnostic[]): Map<string, string> {
  const rejected = new Map<string, string>()
  for (const d of found)
    if (d.severity === 'error' && d.documentId) rejected.set(d.documentId, d.message)
  return rejected
}

const SITE_FILES = /\.(?:md|markdown|mkd|mkdn)$|^_config\.yml$|^Gemfile(?:\.lock)?$/i
const NEVER_READ = new Set(['.git', 'node_modules'])

/** Every markdown file of the site (plus `_config.yml` and `Gemfile.lock`), as raw bytes. */
async function readSite(root: string): Promise<SiteFile[]> {
  const entries = await readdir(root, {recursive: true, withFileTypes: true})
  const files = entries.filter(
    (entry) =>
      entry.isFile() &&
      SITE_FILES.test(entry.name) &&
      !relative(root, entry.parentPath)
        .split(sep)
        .some((part) => NEVER_READ.has(part)),
  )
  return Promise.all(
    files.map(async (entry) => {
      const full = join(entry.parentPath, entry.name)
      return {path: relative(root, full).split(sep).join('/'), bytes: await readFile(full)}
    }),
  )
}

/**
 * The Studio's validation of `documents` (the others of the import count as existing, so
 * references between them resolve), as diagnostics naming the source file.
 */
async function validate(
  documents: readonly ImportedDocument[],
  result: ImportResult,
  alsoExisting: readonly {_id: string; _type: string}[] = [],
): Promise<Diagnostic[]> {
  if (documents.length === 0) return []
  // Loaded on demand: the schema pulls in Sanity, which is slow to load for `--help`.
  const {validateInParallel} = await import('../schemas/validate.ts')
  const progress = createProgress(process.stderr)
  const problems = await validateInParallel(documents, {
    existing: [...result.documents, ...alsoExisting],
    onProgress: (done, total) => progress.update(done, total, "validating with the Studio's rules"),
  })
  progress.finish()
  return problems
    .filter((problem) => problem.level !== 'info')
    .map((problem) => ({
      severity: problem.level === 'error' ? 'error' : 'warning',
      code: 'schema',
      file: result.origins[problem.documentId] ?? `(${problem.documentType} ${problem.documentId})`,
      documentId: problem.documentId,
      message: `Cannot accept ${problem.documentType} "${problem.documentId}" at ${problem.path || 'the document'}: ${problem.message}`,
      hint: 'Fix the source page so the imported value passes; Studio applies the same rule.',
    }))
}

/** Writes next to the target, then renames, so a failed run never leaves half a file. */
async function writeAtomically(path: string, text: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    await writeFile(temp, text)
    await rename(temp, path)
  } catch (error) {
    await rm(temp, {force: true})
    throw error
  }
}

const command = defineCommand({
  meta: {
    name: 'import',
    description:
      'Convert a just-the-docs markdown site into Sanity course, module and lesson documents.',
  },
  args: {
    dir: {
      type: 'positional',
      description: 'The site folder, holding _config.yml and the markdown pages.',
      required: false,
      default: 'content',
    },
    out: {
      type: 'string',
      description: 'Write every document to this NDJSON file (for `sanity dataset import`).',
      valueHint: 'file.ndjson',
    },
    'dry-run': {
      type: 'boolean',
      description:
        'Write nothing: print the sync plan (creates, patches, conflicts, prunes); with --out, only convert and validate.',
      default: false,
    },
    strict: {
      type: 'boolean',
      description: 'Treat warnings as errors (exit code 1 when there are any).',
      default: false,
    },
    force: {
      type: 'string',
      description:
        "Take the source's version of this page over an editor's change (repeatable; * for all).",
      valueHint: 'path',
    },
    prune: {
      type: 'boolean',
      description: 'Delete documents whose pages were removed (never edited or referenced ones).',
      default: false,
    },
    json: {
      type: 'boolean',
      description: 'Print the sync report as JSON on stdout (other output goes to stderr).',
      default: false,
    },
    'theme-version': {
      type: 'string',
      description:
        'The just-the-docs version the site is built with (e.g. 0.8.1), when remote_theme, Gemfile.lock and Gemfile do not say; before 0.10 the navigation has 3 levels.',
      valueHint: 'x.y.z',
    },
  },
  async run({args}) {
    // With --json, stdout carries only the JSON report.
    if (args.json) console.log = console.error
    const started = performance.now()
    const root = resolve(args.dir)
    if (!(await stat(root).catch(() => undefined))?.isDirectory()) {
      await showUsage(command)
      console.error(
        `Cannot read the site folder "${args.dir}", expected a directory of markdown pages.`,
      )
      process.exit(1)
    }
    const files = await readSite(root)
    const progress = createProgress(process.stderr)
    const themeVersion = args['theme-version']
    if (themeVersion !== undefined && !/^\d+\.\d+(\.\d+)?$/.test(themeVersion)) {
      await showUsage(command)
      console.error(
        `Cannot use --theme-version ${themeVersion}, expected a version such as 0.8.1 or 0.10.`,
      )
      process.exit(1)
    }
    const result = importSite(files, {onProgress: progress.update, themeVersion})
    progress.finish()
    const strict = (list: Diagnostic[]) =>
      list.map((d) =>
        args.strict && d.severity === 'warning' ? {...d, severity: 'error' as const} : d,
      )
    const report = (list: Diagnostic[]) => {
      if (list.length) console.error(formatDiagnostics(list, {color: process.stderr.isTTY}))
    }
    const diagnostics = strict(result.diagnostics.filter((d) => d.severity !== 'info'))
    report(diagnostics)

    // Every document is checked before it is written: all of them for an NDJSON file, and
    // for a dataset the ones the sync plan creates or patches (unchanged ones passed before).
    const validateAndReport = async (
      documents: readonly ImportedDocument[],
      existing: readonly {_id: string; _type: string}[] = [],
    ) => {
      const found = strict(await validate(documents, result, existing))
      report(found)
      diagnostics.push(...found)
      return found
    }
    const sync = (dryRun: boolean) =>
      runSyncStep({
        documents: result.documents,
        origins: result.origins,
        siteDir: root,
        dryRun,
        force: repeatedFlag(process.argv, 'force'),
        prune: args.prune,
        json: args.json,
        alwaysWrite: isNavigation,
        validate: async (documents, {existing}) =>
          rejectedBy(await validateAndReport(documents, existing)),
      })
    let syncCode = 0

    if (args.out) {
      const found = await validateAndReport(result.documents)
      const {kept, excluded, notes} = excludeRejected(result.documents, rejectedBy(found), {
        alwaysWrite: isNavigation,
        describe: (id) => result.origins[id] ?? id,
      })
      for (const note of notes) console.error(`warning: ${note.message}`)
      for (const left of excluded)
        console.error(`Left out ${left.id} (${result.origins[left.id] ?? 'no source file'}).`)
      if (args['dry-run']) {
        console.log(
          `Dry run: ${result.documents.length} documents converted and validated, ${kept.length} would be written, nothing written.`,
        )
      } else {
        await writeAtomically(resolve(args.out), toNdjson(kept))
        const left = excluded.length ? `; ${excluded.length} left out (listed above)` : ''
        console.log(`Wrote ${kept.length} documents to ${args.out}${left}.`)
      }
    } else {
      // A dry run shows the sync plan; documents that fail validation are skipped, not written.
      syncCode = await sync(args['dry-run'])
    }
    const errors = diagnostics.filter((d) => d.severity === 'error').length
    const stats = {...result.stats, errors, warnings: diagnostics.length - errors}
    console.log(formatSummary(stats, performance.now() - started))
    process.exitCode = errors > 0 || syncCode ? 1 : 0
  },
})

await runMain(command)
