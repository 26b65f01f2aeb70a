import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterAll, describe, expect, it} from 'vitest'

import {assetFolders, filesUnder, runPhase} from './bench-phase.ts'

const ROOT = join(import.meta.dirname, '..')
const scratch = mkdtempSync(join(tmpdir(), 'bench-phase-'))
afterAll(() => rmSync(scratch, {recursive: true, force: true}))

/** A lake folder whose dataset stored two images, and a file a crash left half written. */
function storedImages(): string {
  const lake = mkdtempSync(join(scratch, 'lake-'))
  const images = join(lake, 'data', 'production.files', 'images', 'p', 'production')
  mkdirSync(images, {recursive: true})
  mkdirSync(join(lake, 'data', 'production.files', '.partial'))
  writeFileSync(join(images, 'a-1x1.gif'), 'GIF89a one')
  writeFileSync(join(images, 'b-2x2.png'), Buffer.alloc(70_000, 7))
  writeFileSync(join(lake, 'data', 'production.files', '.partial', '1-0-1'), 'half')
  writeFileSync(join(lake, 'data', 'production.sqlite'), '')
  return lake
}

/**
 * The project's files a phase's process loads (`node scripts/bench-phase.ts …`), by path, as
 * a module hook sees them load.
 */
function loadedBy(args: string[]): string[] {
  const hook = join(scratch, 'hook.mjs')
  writeFileSync(
    hook,
    `import {registerHooks} from 'node:module'
registerHooks({load(url, context, next) {
  if (url.startsWith(${JSON.stringify(`file://${ROOT}/`)}) && !url.includes('/node_modules/'))
    process.stderr.write('LOADED ' + url.slice(${`file://${ROOT}/`.length}) + '\\n')
  return next(url, context)
}})
`,
  )
  const run = spawnSync(process.execPath, ['--import', hook, 'scripts/bench-phase.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  })
  expect(run.status, run.stderr).toBe(0)
  return [...run.stderr.matchAll(/^LOADED (.+)$/gm)].map((match) => match[1])
}

describe("npm run bench's phases, each in a process of its own", {timeout: 60_000}, () => {
  it("the images' floor writes every file the dataset stored once, byte for byte, and not what a crash left", async () => {
    const lake = storedImages()
    const [folder] = assetFolders(lake)
    expect(folder).toBe(join(lake, 'data', 'production.files'))
    expect(
      filesUnder(folder)
        .map((file) => file.slice(folder.length))
        .sort(),
    ).toEqual(['/images/p/production/a-1x1.gif', '/images/p/production/b-2x2.png'])
    const into = mkdtempSync(join(scratch, 'into-'))
    await runPhase('images', folder, into)
    const written = readdirSync(into).map((name) => readFileSync(join(into, name)).toString('hex'))
    expect(written.sort()).toEqual(
      filesUnder(folder)
        .map((file) => readFileSync(file).toString('hex'))
        .sort(),
    )
  })

  it('a floor loads only what it measures: reading the site, never the importer or the benchmark', () => {
    const site = mkdtempSync(join(scratch, 'site-'))
    writeFileSync(join(site, '_config.yml'), 'title: A site\n')
    writeFileSync(join(site, 'index.md'), '---\ntitle: Home\n---\n\nHello.\n')
    const hashing = loadedBy(['hash', site])
    expect(hashing).toContain('scripts/readSite.ts')
    for (const loaded of hashing)
      expect(loaded).not.toMatch(
        /^importer\/(index|body\/index)\.ts$|^scripts\/bench-(site|import)/,
      )
    const [stored] = assetFolders(storedImages())
    // The lake's own names for where a dataset's files are, and nothing else of the project.
    expect(loadedBy(['images', stored, mkdtempSync(join(scratch, 'into-'))])).toEqual([
      'scripts/bench-phase.ts',
      'lake/store/asset-files.ts',
    ])
  })
})
