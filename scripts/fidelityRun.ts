/** What `npm run fidelity` does once its arguments are parsed and the site folder exists. */
import {
  formatPage,
  formatTotals,
  jekyllReference,
  kramdownMissing,
  readSiteFiles,
  renderWithKramdown,
  siteFidelity,
  totalsOf,
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
  const {files, includes} = await readSiteFiles(root)
  const progress = createProgress(process.stderr)
  const say = (message: string) => console.error(message)
  if (args['emulate-liquid']) say('Liquid emulated (--emulate-liquid).')
  const report = await siteFidelity(files, {
    kramdown: renderWithKramdown,
    includes,
    jekyll: args['emulate-liquid'] ? undefined : await jekyllReference(root, say),
    onProgress: (phase, done, total, file) => progress.update(done, total, `${phase} ${file}`),
  })
  progress.finish()
  const totals = totalsOf(report)
  if (args.json) {
    console.log(JSON.stringify({site: args.site, totals, pages: report.pages}, null, 2))
  } else {
    for (const page of report.pages) console.log(formatPage(page, args.details))
    console.log(`\n${formatTotals(totals)}`)
  }
  process.exitCode = totals.failed > 0 ? 1 : 0
}
