/** What `npm run fidelity` does once its arguments are parsed and the site folder exists. */
import {mkdir, writeFile} from 'node:fs/promises'
import {dirname, join} from 'node:path'

import {
  formatPage,
  formatTotals,
  jekyllReference,
  kramdownMissing,
  readSiteFiles,
  renderWithKramdown,
  siteFidelity,
  totalsOf,
  type PageReport,
} from '../fidelity/index.ts'
import {createProgress} from '../importer/index.ts'
import type {FidelityArgs} from './fidelityArgs.ts'

/**
 * Imports, renders and compares every page of the site in `root` with kramdown's rendering and
 * prints a report per page and the totals; exit code 1 when a page failed.
 */
export async function runFidelity(args: FidelityArgs, root: string): Promise<void> {
  const missing = kramdownMissing()
  if (missing) {
    console.error(missing)
    process.exit(1)
  }
  const {files, includes, others} = await readSiteFiles(root)
  const progress = createProgress(process.stderr)
  const say = (message: string) => console.error(message)
  if (args['emulate-liquid']) say('Liquid emulated (--emulate-liquid).')
  // Jekyll's `site.time` is when its build began: the import is given the same moment.
  const time = new Date().toISOString()
  const report = await siteFidelity(files, {
    time,
    otherFiles: others,
    kramdown: renderWithKramdown,
    includes,
    jekyll: args['emulate-liquid'] ? undefined : await jekyllReference(root, say),
    onProgress: (phase, done, total, file) => progress.update(done, total, `${phase} ${file}`),
    keepHtml: args.html !== undefined,
  })
  progress.finish()
  if (args.html !== undefined) await writeRenderings(report.pages, args.html)
  const totals = totalsOf(report)
  if (args.json) {
    console.log(JSON.stringify({site: args.site, totals, pages: report.pages}, null, 2))
  } else {
    for (const page of report.pages) console.log(formatPage(page, args.details))
    console.log(`\n${formatTotals(totals)}`)
  }
  process.exitCode = totals.failed > 0 ? 1 : 0
}

/** Both renderings of each page that differs, beside each other in `dir`, and where they are. */
async function writeRenderings(pages: readonly PageReport[], dir: string): Promise<void> {
  let written = 0
  for (const {file, html, comparison} of pages) {
    if (!html || !comparison || comparison.differences.length === 0) continue
    const base = join(dir, file)
    await mkdir(dirname(base), {recursive: true})
    await writeFile(`${base}.kramdown.html`, html.kramdown)
    await writeFile(`${base}.project.html`, html.project)
    written++
  }
  console.error(`Wrote both renderings of ${written} differing pages to ${dir}`)
}
