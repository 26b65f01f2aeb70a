/** What `npm run site` does once its arguments are parsed: render every page, copy images. */
import {mkdir, rm, writeFile} from 'node:fs/promises'
import {dirname, join, resolve, sep} from 'node:path'

import {UsageError} from '../queries/command.ts'
import type {Perspective} from '../queries/source.ts'
import {buildSite} from '../render/site.tsx'
import {openQuerySource} from './querySource.ts'
import {decodedOr} from '../importer/uri.ts'
import type {SiteArgs} from './siteArgs.ts'

/**
 * Writes every course, module and lesson as HTML under `--out` with the images they show; exit
 * code 1 when a block had no component or an image could not be copied.
 */
export async function runSite(args: SiteArgs): Promise<void> {
  const out = resolve(args.out)
  const open = await openQuerySource(args.dataset || undefined).catch((error: unknown) => {
    if (!(error instanceof UsageError)) throw error
    console.error(error.message)
    process.exit(1)
  })
  try {
    const site = await buildSite(open.source, {perspective: args.perspective as Perspective})
    await rm(out, {recursive: true, force: true})
    for (const file of site.files) {
      const path = join(out, file.path)
      await mkdir(dirname(path), {recursive: true})
      await writeFile(path, file.html)
    }
    const copied = await copyAssets(site.assets, out, open.assetOrigin)
    for (const warning of site.missing) console.warn(`Cannot render ${warning}: no component.`)
    console.log(
      `Wrote ${site.files.length} pages and ${copied} image${copied === 1 ? '' : 's'} from ${open.describe} to ${join(args.out, 'index.html')}`,
    )
    if (site.missing.length > 0 || copied < site.assets.length) process.exitCode = 1
  } finally {
    await open.close()
  }
}

/**
 * Copies the uploaded images the pages show (`/images/…` on the lake's origin) to the same
 * path under `out`, where the pages point; returns how many were copied. An NDJSON dataset holds
 * no files, so its images are named as missing.
 */
async function copyAssets(
  assets: readonly string[],
  out: string,
  origin: string | undefined,
): Promise<number> {
  let copied = 0
  for (const url of assets) {
    const to = join(
      out,
      ...url
        .split('/')
        .filter(Boolean)
        .map((part) => decodedOr(part)),
    )
    if (!to.startsWith(out + sep)) continue
    if (!origin) {
      console.warn(
        `Cannot copy the image ${url}: a dataset file holds no image files; the page shows none.`,
      )
      continue
    }
    const response = await fetch(new URL(url, origin)).catch((error: Error) => error)
    if (response instanceof Error || !response.ok) {
      const why = response instanceof Error ? response.message : `HTTP ${response.status}`
      console.warn(`Cannot copy the image ${url} from ${origin} (${why}); the page shows none.`)
      continue
    }
    await mkdir(dirname(to), {recursive: true})
    await writeFile(to, Buffer.from(await response.arrayBuffer()))
    copied++
  }
  return copied
}
