/**
 * The import command's code as one bundle (esbuild, ES modules split at each lazy `import()`),
 * kept in `node_modules/.cache/import-bundle/` and built again whenever a file it was built
 * from changed. Node loads a few large files much faster than the ~450 small modules of a
 * re-import that converts a page (their resolution, not their compilation, was a third of that
 * run), and each conversion worker loads its own copy.
 *
 * The bundle runs as the sources do: each source file keeps its own `import.meta` (its folder,
 * which the import reads its own code from), the schema's icons and `sanity` resolve as
 * `schemas/compiled/load.ts` resolves them, and the worker threads a file starts
 * (`new Worker(new URL('./x.ts', import.meta.url))`) are bundled entries of their own. Anything
 * that stops the bundle from being built or found (no esbuild, a read-only folder) leaves the
 * command on its sources, a little slower, never failing.
 */
import {createHash, randomBytes} from 'node:crypto'
import {existsSync} from 'node:fs'
import {mkdir, readdir, readFile, rename, rm, stat, writeFile} from 'node:fs/promises'
import {basename, dirname, join, relative, resolve, sep} from 'node:path'
import {pathToFileURL} from 'node:url'

import type {Metafile, Plugin} from 'esbuild'

import {
  bundleCache,
  isLatestFile,
  LATEST_FORMAT,
  latestBundle,
  latestFile,
  restamp,
  type Bundle,
  type CodeVersions,
  type Latest,
} from './importBundleRecord.ts'

export type {CodeVersions} from './importBundleRecord.ts'

const ROOT = join(import.meta.dirname, '..')

/** The bundle's entries: the pipeline, and each thread a bundled module starts, by source. */
const ENTRIES: Record<string, string> = {
  importRun: 'scripts/importRun.ts',
  convertWorker: 'scripts/convertWorker.ts',
  writer: 'lake/store/writer.ts',
  worker: 'lake/groq/worker.ts',
}

/** Bundles past this age that are not the latest are removed when a new one is built. */
const KEPT_MS = 60 * 60 * 1000

/** The text of a source file with its `import.meta` as it is where the file lies. */
export function asWhereItLies(text: string, file: string, threads: ReadonlyMap<string, string>) {
  // A thread's module, in the bundle, is the entry beside every chunk.
  const THREAD = '\u0000thread-url\u0000'
  const withThreads = text.replace(
    /new URL\('(\.\.?\/[\w./-]+\.ts)', import\.meta\.url\)/g,
    (whole, path: string) => {
      const entry = threads.get(resolve(dirname(file), path))
      return entry ? `new URL('./${entry}.js', ${THREAD})` : whole
    },
  )
  return withThreads
    .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(file).href))
    .replaceAll('import.meta.dirname', JSON.stringify(dirname(file)))
    .replaceAll('import.meta.filename', JSON.stringify(file))
    .replaceAll(THREAD, 'import.meta.url')
}

/** esbuild's resolution and loading of the repository's own files, as the sources run. */
function asSources(): Plugin {
  const schemas = join(ROOT, 'schemas') + sep
  const threads = new Map(
    Object.entries(ENTRIES).map(([name, path]) => [join(ROOT, path), name] as const),
  )
  return {
    name: 'as-sources',
    setup(build) {
      // As schemas/compiled/load.ts resolves them for the schema's own files.
      build.onResolve({filter: /^@sanity\/icons\/[A-Z]/}, ({path, importer}) =>
        importer.startsWith(schemas) ? {path, namespace: 'icon'} : undefined,
      )
      build.onLoad({filter: /.*/, namespace: 'icon'}, ({path}) => ({
        contents: `export const ${path.split('/').pop()}Icon = undefined; export default undefined`,
        loader: 'js',
      }))
      build.onResolve({filter: /^sanity$/}, ({importer, kind, resolveDir}) =>
        importer.startsWith(schemas)
          ? build.resolve('@sanity/types', {kind, resolveDir})
          : undefined,
      )
      build.onLoad({filter: /\.ts$/}, async ({path}) => {
        if (path.includes(`${sep}node_modules${sep}`)) return undefined
        const text = await readFile(path, 'utf8')
        return {contents: asWhereItLies(text, path, threads), loader: 'ts'}
      })
    },
  }
}

/**
 * Builds the bundle into a new folder of `cache` and records it as the latest; returns the
 * folder. Two imports that build at once each build their own; the last to finish is recorded.
 * A bundle built while one of its files changed (since `started`) serves this run only: it may
 * hold the file as it was, so it is not recorded, and the next run builds again.
 */
export async function buildBundle(cache = bundleCache(), started = Date.now()): Promise<string> {
  return (await built(cache, started)).folder
}

/** {@link buildBundle}'s bundle, with its versions when it is recorded. */
async function built(cache: string, started: number): Promise<Bundle> {
  const {build} = await import('esbuild')
  const {converterVersion} = await import('./conversionCache.ts')
  // Read before the bundle is: a file that changes from now on has a time after `started`.
  const converter = await converterVersion()
  await mkdir(cache, {recursive: true})
  const temp = join(cache, `.build-${randomBytes(4).toString('hex')}`)
  try {
    const result = await build({
      entryPoints: Object.fromEntries(
        Object.entries(ENTRIES).map(([name, path]) => [name, join(ROOT, path)]),
      ),
      absWorkingDir: ROOT,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node22',
      outdir: temp,
      entryNames: '[name]',
      chunkNames: '[name]-[hash]',
      metafile: true,
      logLevel: 'silent',
      plugins: [asSources()],
      // The CommonJS packages in the bundle load Node's own modules with `require`.
      banner: {
        js: "import {createRequire as __bundleRequire} from 'node:module'; const require = __bundleRequire(import.meta.url);",
      },
    })
    await writeFile(join(temp, 'chunks.json'), JSON.stringify(chunkSources(result.metafile)))
    // Its files are ES modules: said so, Node need not compile each as CommonJS first to find
    // out (no package.json above the cache says it: Node's lookup stops at node_modules). That
    // was about 10 ms of a re-import that converts one page, and more in every worker thread.
    await writeFile(join(temp, 'package.json'), `${JSON.stringify({type: 'module'})}\n`)
    // The packages' versions, and how the bundle is built (this file), change it too.
    const sources = [
      ...Object.keys(result.metafile.inputs).filter(
        (input) => !input.includes('node_modules/') && !input.includes(':'),
      ),
      'package-lock.json',
      import.meta.filename,
    ].map((path) => relative(ROOT, resolve(ROOT, path)).split(sep).join('/'))
    const stamp = restamp([...new Set(sources)].sort().map((path) => [path, 0, 0]))
    if (stamp.some(([, , mtimeMs]) => mtimeMs >= started)) {
      const once = join(cache, `.changed-${randomBytes(4).toString('hex')}`)
      await rename(temp, once)
      return {folder: once}
    }
    // The folder holds the sources' own paths (see asWhereItLies): another checkout's with the
    // same stamp is not this one's.
    const folder = createHash('sha256')
      .update(JSON.stringify([ROOT, stamp]))
      .digest('hex')
      .slice(0, 16)
    await rename(temp, join(cache, folder)).catch(async (error: NodeJS.ErrnoException) => {
      // Another import built the same bundle first.
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error
      await rm(temp, {recursive: true, force: true})
    })
    const latest: Latest = {format: LATEST_FORMAT, folder, stamp, converter, root: ROOT}
    const record = join(cache, `.latest-${randomBytes(4).toString('hex')}.json`)
    await writeFile(record, JSON.stringify(latest))
    await rename(record, latestFile(cache))
    await removeOld(cache, folder)
    return {folder: join(cache, folder), versions: {code: folder, converter}}
  } finally {
    await rm(temp, {recursive: true, force: true})
  }
}

/**
 * Each file of the bundle and what it holds: packages by name, the repository's files by path
 * (`chunks.json`, which tells which code a run of the bundle loaded).
 */
function chunkSources(metafile: Metafile): Record<string, string[]> {
  const holds = (input: string) =>
    /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? relative(ROOT, resolve(ROOT, input))
  return Object.fromEntries(
    Object.entries(metafile.outputs).map(([output, {inputs}]) => [
      basename(output),
      [...new Set(Object.keys(inputs).map(holds))].sort(),
    ]),
  )
}

/**
 * Removes the bundles (and abandoned builds) other than `keep` and those other checkouts record
 * as theirs (see `latestFile`) built more than {@link KEPT_MS} ago: an import still running from
 * one has loaded its files by then, but for a thread or a lazy part it had not needed yet.
 */
async function removeOld(cache: string, keep: string): Promise<void> {
  const now = Date.now()
  const names = await readdir(cache)
  const kept = new Set([keep])
  for (const name of names.filter(isLatestFile)) {
    const text = await readFile(join(cache, name), 'utf8').catch(() => '')
    let latest: Partial<Latest>
    try {
      latest = JSON.parse(text) as Partial<Latest>
    } catch {
      continue // A damaged record keeps nothing: its checkout builds again.
    }
    // A checkout that is gone needs neither its bundle nor its record.
    if (typeof latest.root === 'string' && !existsSync(latest.root))
      await rm(join(cache, name), {force: true})
    else kept.add(String(latest.folder))
  }
  // The one record of every checkout, before each had its own: no longer read.
  await rm(join(cache, 'latest.json'), {force: true})
  for (const name of names) {
    if (kept.has(name) || name.endsWith('.json')) continue
    const stats = await stat(join(cache, name)).catch(() => undefined)
    if (stats && now - stats.mtimeMs > KEPT_MS) await rm(join(cache, name), {recursive: true})
  }
}

/** The folder of the current bundle, built first when there is none or its code changed. */
export async function bundleFolder(cache = bundleCache()): Promise<string> {
  return (await currentOrBuilt(cache)).folder
}

const currentOrBuilt = async (cache: string) =>
  (await latestBundle(cache)) ?? (await built(cache, Date.now()))

/**
 * The import pipeline's entry (`importRun.ts`'s exports), bundled when it can be, and the
 * versions of its code when that is a recorded bundle; `onSources` hears why it runs from its
 * sources instead (`IMPORT_BUNDLE=on` makes that an error).
 */
export async function loadImportRun(onSources: (why: string) => void = () => undefined): Promise<{
  run: typeof import('./importRun.ts')
  versions?: CodeVersions
}> {
  if (process.env.IMPORT_BUNDLE === 'off') {
    onSources('IMPORT_BUNDLE=off')
  } else {
    try {
      const {folder, versions} = await currentOrBuilt(bundleCache())
      const run = (await import(
        pathToFileURL(join(folder, 'importRun.js')).href
      )) as typeof import('./importRun.ts')
      return {run, ...(versions ? {versions} : {})}
    } catch (error) {
      if (process.env.IMPORT_BUNDLE === 'on') throw error
      onSources(`its bundle could not be built or loaded (${(error as Error).message})`)
    }
  }
  return {run: await import('./importRun.ts')}
}
