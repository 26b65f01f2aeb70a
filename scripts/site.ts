/**
 * `npm run site [-- --out site-dist] [--dataset file.ndjson] [--perspective published]`:
 * renders every course, module and lesson to static HTML with relative links.
 */
import {mkdir, rm, writeFile} from 'node:fs/promises'
import {dirname, join, resolve} from 'node:path'

import {defineCommand, runMain} from 'citty'

import {PERSPECTIVES, type Perspective} from '../queries/source.ts'
import {buildSite} from '../render/site.tsx'
import {openQuerySource} from './querySource.ts'

const command = defineCommand({
  meta: {
    name: 'site',
    description:
      'Render every course, module and lesson to static HTML (open <out>/index.html in a browser).',
  },
  args: {
    out: {type: 'string', description: 'Output folder, emptied first', default: 'site-dist'},
    dataset: {
      type: 'string',
      description: 'Read this NDJSON file in memory (groq-js) instead of a Content Lake',
      valueHint: 'file.ndjson',
      default: '',
    },
    perspective: {
      type: 'enum',
      options: [...PERSPECTIVES],
      description: 'Which documents the site shows',
      default: 'published',
    },
  },
  async run({args}) {
    const out = resolve(args.out)
    const open = await openQuerySource(args.dataset || undefined)
    try {
      const site = await buildSite(open.source, {perspective: args.perspective as Perspective})
      await rm(out, {recursive: true, force: true})
      for (const file of site.files) {
        const path = join(out, file.path)
        await mkdir(dirname(path), {recursive: true})
        await writeFile(path, file.html)
      }
      for (const warning of site.missing) console.warn(`Cannot render ${warning}: no component.`)
      console.log(
        `Wrote ${site.files.length} pages from ${open.describe} to ${join(args.out, 'index.html')}`,
      )
      if (site.missing.length > 0) process.exitCode = 1
    } finally {
      await open.close()
    }
  },
})

void runMain(command)
