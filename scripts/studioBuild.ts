/**
 * The Studio build the local lake serves (`npm run studio`), rebuilt only when what goes into it
 * changed: its inputs are hashed and the hash is kept in the build folder.
 */
import {spawn} from 'node:child_process'
import {createHash} from 'node:crypto'
import {existsSync} from 'node:fs'
import {readdir, readFile, rename, rm, writeFile} from 'node:fs/promises'
import {join, relative, sep} from 'node:path'

import {SAME_ORIGIN} from '../studio/env.ts'

const ROOT = join(import.meta.dirname, '..')

/**
 * What the Studio bundle is made of: its config, the schema, the Studio's own code, the code its
 * views import (render/, queries/, importer/ through the schema) and the locked dependencies.
 */
export const STUDIO_INPUTS = [
  'sanity.config.ts',
  'sanity.cli.ts',
  'sanity.types.ts',
  'package-lock.json',
  'schemas',
  'studio',
  'render',
  'queries',
  'importer',
]

/** The file in a build folder that holds the hash of the inputs it was built from. */
export const HASH_FILE = 'inputs.sha256'

/** Which project and dataset a build is for (inlined into the bundle, so part of the hash). */
export type StudioTarget = {projectId: string; dataset: string}

const isSource = (name: string) =>
  /\.(ts|tsx|css|json)$/.test(name) && !/\.test(-support)?\.tsx?$/.test(name)

/** The files of {@link STUDIO_INPUTS}, relative to the repository, sorted; tests left out. */
async function inputFiles(root: string): Promise<string[]> {
  const files: string[] = []
  for (const input of STUDIO_INPUTS) {
    if (!existsSync(join(root, input))) continue
    if (/\.\w+$/.test(input)) {
      files.push(input)
      continue
    }
    const names = await readdir(join(root, input), {recursive: true, withFileTypes: true})
    for (const entry of names) {
      if (!entry.isFile() || !isSource(entry.name)) continue
      files.push(relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    }
  }
  return files.sort()
}

/** A hash of every Studio input file's path and content and of the build target. */
export async function studioInputsHash(target: StudioTarget, root = ROOT): Promise<string> {
  const hash = createHash('sha256')
  hash.update(JSON.stringify({...target, apiHost: SAME_ORIGIN}))
  for (const file of await inputFiles(root)) {
    hash.update(`\0${file}\0`)
    hash.update(await readFile(join(root, file)))
  }
  return hash.digest('hex')
}

function sanityBuild(outDir: string, target: StudioTarget): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn('npx', ['sanity', 'build', outDir, '--yes'], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: {
        ...process.env,
        DO_NOT_TRACK: '1',
        SANITY_STUDIO_API_HOST: SAME_ORIGIN,
        SANITY_STUDIO_PROJECT_ID: target.projectId,
        SANITY_STUDIO_DATASET: target.dataset,
      },
    })
    child.on('exit', (code) =>
      code === 0
        ? done()
        : fail(new Error(`Cannot build the Studio: sanity build exited with ${code} (see above)`)),
    )
  })
}

/**
 * Makes sure `outDir` holds a Studio built from the current inputs for `target`: returns at once
 * when its hash file matches, else builds into a scratch folder beside it and swaps it in (a
 * build that fails, or another process building at the same time, never leaves half a folder).
 */
export async function ensureStudioBuild(
  outDir: string,
  target: StudioTarget,
  log: (message: string) => void = () => undefined,
): Promise<{built: boolean; hash: string}> {
  const hash = await studioInputsHash(target)
  const current = await readFile(join(outDir, HASH_FILE), 'utf8').catch(() => '')
  if (current.trim() === hash && existsSync(join(outDir, 'index.html'))) return {built: false, hash}
  log(
    current
      ? 'Studio code, schema or dependencies changed: rebuilding the Studio…'
      : 'Building the Studio (once; again only when its code, schema or dependencies change)…',
  )
  const scratch = `${outDir}.building-${process.pid}-${Date.now()}`
  try {
    await sanityBuild(scratch, target)
    await writeFile(join(scratch, HASH_FILE), `${hash}\n`)
    // Another process (a parallel test file) may have built the same inputs meanwhile: keep its
    // folder, which a lake may already serve.
    const meanwhile = await readFile(join(outDir, HASH_FILE), 'utf8').catch(() => '')
    if (meanwhile.trim() === hash) return {built: true, hash}
    const old = `${outDir}.old-${process.pid}-${Date.now()}`
    await rename(outDir, old).catch(() => undefined)
    await rename(scratch, outDir)
    await rm(old, {recursive: true, force: true})
  } finally {
    await rm(scratch, {recursive: true, force: true})
  }
  return {built: true, hash}
}
