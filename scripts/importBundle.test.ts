import {spawnSync} from 'node:child_process'
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'

import {afterAll, describe, expect, it} from 'vitest'

import {runImport} from '../testing/importCommand.ts'
import {loadedModules, RECORD_LOADS} from '../testing/recordLoads.ts'
import {converterVersion} from './conversionCache.ts'
import {asWhereItLies, buildBundle} from './importBundle.ts'
import {LATEST_FORMAT, latestBundle, latestFile} from './importBundleRecord.ts'

/** The current bundle's folder in `cache` (sources under `root`), if there is one. */
const currentBundle = async (cache: string, root?: string) =>
  (await latestBundle(cache, root))?.folder
import {codeVersion} from './importManifest.ts'

const scratch = mkdtempSync(join(tmpdir(), 'import-bundle-'))
afterAll(() => rmSync(scratch, {recursive: true, force: true}))

describe('a source file in the bundle', () => {
  const file = '/repo/scripts/convertPages.ts'
  const threads = new Map([['/repo/scripts/convertWorker.ts', 'convertWorker']])

  it('keeps its own folder and address, as where it lies', () => {
    const text = [
      "const ROOT = join(import.meta.dirname, '..')",
      'const require = createRequire(import.meta.url)',
      'const me = import.meta.filename',
    ].join('\n')
    expect(asWhereItLies(text, file, threads)).toBe(
      [
        `const ROOT = join("/repo/scripts", '..')`,
        'const require = createRequire("file:///repo/scripts/convertPages.ts")',
        'const me = "/repo/scripts/convertPages.ts"',
      ].join('\n'),
    )
  })

  it('starts a bundled thread as the entry beside it, and any other module where it lies', () => {
    const text = [
      "new Worker(new URL('./convertWorker.ts', import.meta.url), {workerData})",
      "new Worker(new URL('../lake/other.ts', import.meta.url))",
    ].join('\n')
    expect(asWhereItLies(text, file, threads)).toBe(
      [
        "new Worker(new URL('./convertWorker.js', import.meta.url), {workerData})",
        `new Worker(new URL('../lake/other.ts', "file:///repo/scripts/convertPages.ts"))`,
      ].join('\n'),
    )
  })
})

describe('the latest bundle', () => {
  const root = join(scratch, 'root')
  const cache = join(scratch, 'cache')
  mkdirSync(join(root, 'scripts'), {recursive: true})
  mkdirSync(join(cache, 'b1'), {recursive: true})
  const source = join(root, 'scripts', 'a.ts')
  writeFileSync(source, 'export const a = 1\n')
  utimesSync(source, 1_700_000_000, 1_700_000_000)
  const record = (stamp: unknown[], more = {}) =>
    writeFileSync(
      latestFile(cache, root),
      JSON.stringify({format: LATEST_FORMAT, folder: 'b1', stamp, ...more}),
    )

  it('is used while every file it was built from has its size and time', async () => {
    record([['scripts/a.ts', 19, 1_700_000_000_000]])
    expect(await currentBundle(cache, root)).toBe(join(cache, 'b1'))
  })

  it("gives the versions of the code it runs: its name, and the converter's version recorded with it", async () => {
    const stamp = [['scripts/a.ts', 19, 1_700_000_000_000]]
    record(stamp, {converter: 'c1'})
    expect((await latestBundle(cache, root))?.versions).toEqual({code: 'b1', converter: 'c1'})
    record(stamp)
    expect((await latestBundle(cache, root))?.versions).toEqual({code: 'b1'})
  })

  it('is stale once a file it was built from changed or is gone, or its record is damaged or of the older format', async () => {
    record([['scripts/a.ts', 19, 1_700_000_000_000]])
    utimesSync(source, 1_700_000_001, 1_700_000_001)
    expect(await currentBundle(cache, root)).toBeUndefined()
    record([['scripts/gone.ts', 19, 1_700_000_000_000]])
    expect(await currentBundle(cache, root)).toBeUndefined()
    writeFileSync(latestFile(cache, root), `{"format": ${LATEST_FORMAT}, "folder": "b1", "sta`)
    expect(await currentBundle(cache, root)).toBeUndefined()
    // Format 1 did not stamp how its bundle was built.
    utimesSync(source, 1_700_000_000, 1_700_000_000)
    record([['scripts/a.ts', 19, 1_700_000_000_000]])
    expect(await currentBundle(cache, root)).toBe(join(cache, 'b1'))
    record([['scripts/a.ts', 19, 1_700_000_000_000]], {format: 1})
    expect(await currentBundle(cache, root)).toBeUndefined()
  })

  it("is each checkout's own: another's in the same cache is not this one's", async () => {
    record([['scripts/a.ts', 19, 1_700_000_000_000]])
    const other = join(scratch, 'other-checkout')
    mkdirSync(join(other, 'scripts'), {recursive: true})
    expect(await currentBundle(cache, other)).toBeUndefined()
    expect(latestFile(cache, other)).not.toBe(latestFile(cache, root))
    expect(await currentBundle(cache, root)).toBe(join(cache, 'b1'))
  })
})

const BUNDLES = join(scratch, 'bundles')

describe('a bundle built while a file it is built from changed', {timeout: 120_000}, () => {
  it('serves the run that built it, and is not recorded as the latest', async () => {
    const cache = join(scratch, 'changed-cache')
    // Every file changed after the start of time: as if each were saved during the build.
    const folder = await buildBundle(cache, 0)
    expect(readdirSync(folder)).toContain('importRun.js')
    expect(readdirSync(cache).filter((name) => name.startsWith('latest'))).toEqual([])
    expect(await currentBundle(cache)).toBeUndefined()
  })
})

describe('the files of a built bundle', {timeout: 120_000}, () => {
  it('are ES modules to Node without a look at their syntax', async () => {
    const folder = await buildBundle(join(scratch, 'module-cache'))
    // Without module detection, a .js file not marked as an ES module is CommonJS, and fails.
    const load = spawnSync(
      process.execPath,
      [
        '--no-experimental-detect-module',
        '--input-type=module',
        '--eval',
        `const run = await import(${JSON.stringify(pathToFileURL(join(folder, 'importRun.js')).href)}); console.log(typeof run.runImport)`,
      ],
      {encoding: 'utf8'},
    )
    expect(load.stderr).toBe('')
    expect(load.stdout).toBe('function\n')
  })
})

describe('the versions of a built bundle', {timeout: 120_000}, () => {
  it("are its name and the converter's version, which the import's code reads as its own", async () => {
    const cache = join(scratch, 'versions-cache')
    const folder = await buildBundle(cache)
    const latest = JSON.parse(readFileSync(latestFile(cache), 'utf8')) as {
      folder: string
      converter: string
      stamp: Array<[string, number, number]>
    }
    expect(join(cache, latest.folder)).toBe(folder)
    // Built again when the packages or the way it is built change, as when a source does.
    const stamped = latest.stamp.map(([path]) => path)
    expect(stamped).toEqual(
      expect.arrayContaining(['package-lock.json', 'scripts/importBundle.ts']),
    )
    expect(latest.converter).toBe(await converterVersion())
    const before = process.env.IMPORT_BUNDLE_CACHE
    try {
      process.env.IMPORT_BUNDLE_CACHE = cache
      expect(await codeVersion()).toBe(latest.folder)
      process.env.IMPORT_BUNDLE_CACHE = join(scratch, 'no-bundle-here')
      expect(await codeVersion()).toMatch(/^[0-9a-f]{64}$/)
    } finally {
      if (before === undefined) delete process.env.IMPORT_BUNDLE_CACHE
      else process.env.IMPORT_BUNDLE_CACHE = before
    }
  })
})

describe('building a bundle', {timeout: 120_000}, () => {
  it('keeps the old bundles other checkouts sharing the cache record, and removes the rest', async () => {
    const cache = join(scratch, 'shared-cache')
    const old = Date.now() / 1000 - 24 * 3600
    for (const name of ['theirs', 'gones', 'nobodys']) {
      mkdirSync(join(cache, name), {recursive: true})
      utimesSync(join(cache, name), old, old)
    }
    const checkout = join(scratch, 'another-checkout')
    mkdirSync(checkout, {recursive: true})
    const record = (folder: string, root: string) =>
      writeFileSync(
        latestFile(cache, root),
        JSON.stringify({format: LATEST_FORMAT, folder, stamp: [], root}),
      )
    record('theirs', checkout)
    record('gones', join(scratch, 'a-checkout-since-removed'))
    // The one record every checkout shared before each had its own.
    writeFileSync(join(cache, 'latest.json'), JSON.stringify({format: 1, folder: 'nobodys'}))
    const folder = await buildBundle(cache)
    const names = readdirSync(cache)
    expect(names).toContain('theirs')
    expect(names).not.toContain('gones')
    expect(names).not.toContain(
      latestFile(cache, join(scratch, 'a-checkout-since-removed')).split(/[\\/]/).pop(),
    )
    expect(names).not.toContain('nobodys')
    expect(names).not.toContain('latest.json')
    expect(names).toContain(folder.split(/[\\/]/).pop())
    expect(await currentBundle(cache)).toBe(folder)
  })
})

/** The import command on `site` in a fresh process, bundled or from its sources. */
function importCommand(
  site: string,
  lakeDir: string,
  bundle: 'on' | 'off' | 'auto',
  args: string[],
  cache = BUNDLES,
) {
  const {status, output} = runImport(site, lakeDir, args, {
    env: {IMPORT_BUNDLE: bundle, IMPORT_BUNDLE_CACHE: cache},
    node: ['--import', RECORD_LOADS],
  })
  // What differs from run to run: how long it took, where it wrote, where its code came from.
  const comparable = output
    .replace(/^LOADED .*\n/gm, '')
    .replace(/^Running the import from its sources: IMPORT_BUNDLE=off\.\n/m, '')
    .replace(/\b\d+(\.\d+)? s\b/g, '<time>')
    .replaceAll(`-${bundle}`, '-<mode>')
  return {status, output: comparable, loaded: loadedModules(output)}
}

/** A site with a page of each kind the pipeline loads code for: HTML, a table, Liquid, YAML. */
function writeSite(dir: string, pages: number) {
  const write = (path: string, text: string) => {
    mkdirSync(join(dir, path, '..'), {recursive: true})
    writeFileSync(join(dir, path), text)
  }
  write('_config.yml', 'title: Workshop\n')
  write('index.md', '---\ntitle: Home\nnav_order: 1\n---\n\n{{ site.title }} <em>here</em>.\n')
  for (let i = 1; i <= pages; i++) {
    write(
      `docs/page-${i}.md`,
      `---\ntitle: Page ${i}\nnav_order: ${i + 1}\n---\n\n# Page ${i}\n\n| a | b |\n|---|---|\n| ${i} | <b>x</b> |\n\n1. one\n2. two\n\n<div class="note">Note ${i}</div>\n`,
    )
  }
}

// Each step starts the import command (the first also builds the bundle): slow on a busy machine.
describe('the bundled import command', {timeout: 300_000}, () => {
  it('writes the same documents and reports the same as the sources, on worker threads too', () => {
    const site = join(scratch, 'site')
    writeSite(site, 12)
    const outputs = (['on', 'off'] as const).map((bundle) => {
      const out = join(scratch, `out-${bundle}.ndjson`)
      const run = importCommand(site, join(scratch, `lake-${bundle}`), bundle, [
        '--out',
        out,
        '--workers',
        '2',
      ])
      expect(run.status, run.output).toBe(0)
      return {status: run.status, output: run.output, documents: readFileSync(out, 'utf8')}
    })
    expect(outputs[0].documents.split('\n').length).toBeGreaterThan(12)
    expect(outputs[0]).toEqual(outputs[1])
  })

  it('syncs into the local dataset, and re-imports one changed page, as the sources do', () => {
    const results = (['on', 'off'] as const).map((bundle) => {
      const site = join(scratch, `sync-site-${bundle}`)
      const lakeDir = join(scratch, `sync-lake-${bundle}`)
      writeSite(site, 6)
      const first = importCommand(site, lakeDir, bundle, [])
      writeFileSync(
        join(site, 'docs', 'page-3.md'),
        '---\ntitle: Page 3\nnav_order: 4\n---\n\nEdited.\n',
      )
      const again = importCommand(site, lakeDir, bundle, [])
      return [first, again]
    })
    expect(results[0][0].status, results[0][0].output).toBe(0)
    expect(results[0][1].output).toMatch(/Updated +1\n/)
    const reported = results.map((runs) => runs.map(({status, output}) => ({status, output})))
    expect(reported[0]).toEqual(reported[1])
    // Each lazy import() is a file of its own: the one-page re-import, bundled, loads no
    // hosted-project client and no HTTP, as the sources do (import-changed.test.ts).
    const bundled = results[0][1].loaded
    expect(bundled.some((url) => url.endsWith('/importRun.js'))).toBe(true)
    const folder = readdirSync(BUNDLES).find((name) => !name.endsWith('.json'))!
    const chunks = JSON.parse(readFileSync(join(BUNDLES, folder, 'chunks.json'), 'utf8')) as Record<
      string,
      string[]
    >
    const held = bundled
      .filter((url) => url.startsWith(pathToFileURL(join(BUNDLES, folder)).href))
      .flatMap((url) => chunks[url.slice(url.lastIndexOf('/') + 1)] ?? [])
    expect(held).toContain('scripts/importChangedPages.ts')
    expect(held).toContain('micromark')
    expect(Object.values(chunks).flat()).toContain('@sanity/client')
    expect(held.filter((holds) => holds.startsWith('@sanity/client'))).toEqual([])
    expect(bundled.filter((url) => /^node:(http|https|http2|tls|net)$/.test(url))).toEqual([])
  })

  it('runs from the sources, and says why, when the bundle cannot be built', () => {
    const site = join(scratch, 'fallback-site')
    writeSite(site, 2)
    // A file where the cache's folder would be: nothing can be written under it.
    const blocked = join(scratch, 'not-a-folder')
    writeFileSync(blocked, '')
    const args = ['--out', join(scratch, 'fallback.ndjson')]
    const run = importCommand(site, join(scratch, 'fallback-lake'), 'auto', args, blocked)
    expect(run.status, run.output).toBe(0)
    expect(run.output).toMatch(/Running the import from its sources: its bundle could not be built/)
    expect(run.output).toContain('Wrote 4 documents')
    expect(run.loaded.some((url) => url.endsWith('/scripts/importRun.ts'))).toBe(true)
  })
})
