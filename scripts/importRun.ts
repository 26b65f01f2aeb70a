/**
 * The import command, loaded only when it runs (so `--help` stays fast): checks every argument,
 * reads the site, and answers an unchanged site from the last import's manifest
 * (`importUnchanged.ts`); anything else goes on to the pipeline (`importPipeline.ts`), which is
 * loaded only then.
 */
import {stat} from 'node:fs/promises'
import {dirname, resolve} from 'node:path'
import {performance} from 'node:perf_hooks'

import {repeatedFlag} from '../sync/flags.ts'
import {loadEnv} from '../targets/env.ts'
import type {ImportArgs} from './importArgs.ts'
import type {CodeVersions} from './importBundle.ts'
import {frontMatterFile, openFrontMatter} from './importFrontMatter.ts'
import type {ImportManifest} from './importManifest.ts'
import {lastImportIfUnchanged, prepareUnchangedCheck, reportUnchanged} from './importUnchanged.ts'
import {parseLimits} from './limitFlags.ts'
import {filesBytes, readSite} from './readSite.ts'
import {tierForShortWork, tierForSite} from './tiering.ts'

/** Why an NDJSON file cannot be written at `path` (its folder is missing, it is a folder), if so. */
async function unwritable(path: string): Promise<string | undefined> {
  const folder = await stat(dirname(path)).catch(() => undefined)
  if (!folder?.isDirectory())
    return `expected a file in an existing folder, but ${dirname(path)} is not one`
  if ((await stat(path).catch(() => undefined))?.isDirectory())
    return 'expected a file name, but it is a folder'
  return undefined
}

/** `--workers`: a count of worker threads, or the default (by the site's size) when absent. */
function workerCount(value: string | undefined): {count?: number} | {error: string} {
  if (value === undefined) return {}
  if (/^\d+$/.test(value) && Number(value) <= 64) return {count: Number(value)}
  return {error: `Cannot use --workers ${value}, expected a whole number from 0 to 64.`}
}

/**
 * Runs an import with the parsed arguments; `usage` prints the command's usage for argument
 * errors. `versions`: of the code, when the bundle that runs knows them (else they are read).
 */
export async function runImport(
  args: ImportArgs,
  usage: () => Promise<void>,
  versions?: CodeVersions,
): Promise<void> {
  // With --json, stdout carries only the JSON report.
  if (args.json) console.log = console.error
  // Until the site turns out to be large (see tiering.ts); `--help` never gets here.
  tierForShortWork()
  const started = performance.now()
  const startedAt = new Date().toISOString()
  const root = resolve(args.dir)
  if (!(await stat(root).catch(() => undefined))?.isDirectory()) {
    await usage()
    console.error(
      `Cannot read the site folder "${args.dir}", expected a directory of markdown pages.`,
    )
    process.exit(1)
  }
  const limits = parseLimits(args)
  if ('error' in limits) {
    await usage()
    console.error(limits.error)
    process.exit(1)
  }
  const themeVersion = args['theme-version']
  if (themeVersion !== undefined && !/^\d+\.\d+(\.\d+)?$/.test(themeVersion)) {
    await usage()
    console.error(
      `Cannot use --theme-version ${themeVersion}, expected a version such as 0.8.1 or 0.10.`,
    )
    process.exit(1)
  }
  const workers = workerCount(args.workers)
  if ('error' in workers) {
    await usage()
    console.error(workers.error)
    process.exit(1)
  }
  const outProblem = args.out ? await unwritable(resolve(args.out)) : undefined
  if (outProblem) {
    await usage()
    console.error(`Cannot write --out ${args.out}: ${outProblem}.`)
    process.exit(1)
  }
  // Every argument is checked before the site is read.
  // Not taken apart: the pipeline takes the files over, so this function must not keep them.
  const site = await readSite(root, {listed: (files) => tierForSite({files})})
  tierForSite({bytes: filesBytes(site.files)})
  const env = loadEnv()
  const force = repeatedFlag(process.argv, 'force')
  // An unchanged site into an unchanged dataset: nothing to parse, validate or write.
  const check = await prepareUnchangedCheck(args, {
    root,
    files: site.files,
    others: site.others,
    readProblems: site.problems,
    limits: limits.limits,
    force,
    env,
    code: versions?.code,
  })
  let manifest: ImportManifest | undefined
  if (check) {
    // Hashed for the check already: the importer need not hash the pages again.
    for (const file of site.files) file.sha256 = check.files[file.path]
    const last = await lastImportIfUnchanged(check)
    if ('outcome' in last) {
      const elapsed = () => performance.now() - started
      process.exitCode = reportUnchanged(last.outcome, check, args, elapsed)
      return
    }
    if (args.verbose) console.error(`Importing again: ${last.reason}.`)
    manifest = last.manifest
  }
  const input = {
    started,
    startedAt,
    root,
    site,
    limits: limits.limits,
    workers: workers.count,
    force,
    env,
    check,
    converter: versions?.converter,
    frontMatter:
      check && (await openFrontMatter(frontMatterFile(check.lakeDir, check.dataset), check.key)),
  }
  // Only page bodies changed, or someone committed to the dataset: only what that affects.
  let prepared
  if (manifest?.site) {
    const {importChangedPages} = await import('./importChangedPages.ts')
    const outcome = await importChangedPages(args, input, manifest)
    if (outcome.imported) return
    prepared = outcome.prepared
  }
  const {runPipeline} = await import('./importPipeline.ts')
  await runPipeline(args, input, prepared)
}
