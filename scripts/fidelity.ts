/**
 * `npm run fidelity -- <site>`: imports a just-the-docs site, renders every page the way the
 * project does and compares it with kramdown's rendering of the same markdown (what Jekyll and
 * GitHub Pages show readers). The work is in `fidelity/`; this file reads arguments and prints.
 */

import {defineCommand, runMain} from 'citty'

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
import {siteFolderOrExit} from './siteFolder.ts'

const command = defineCommand({
  meta: {
    name: 'fidelity',
    description:
      "Compare each imported page, as the project renders it, with kramdown's rendering of its markdown.",
  },
  args: {
    site: {
      type: 'positional',
      description: 'The site folder, holding _config.yml and the markdown pages.',
      required: false,
      default: 'content',
    },
    json: {
      type: 'boolean',
      description: 'Print every page report and the totals as JSON on stdout.',
      default: false,
    },
    'emulate-liquid': {
      type: 'boolean',
      description:
        "Evaluate the reference side's Liquid with the emulation in fidelity/liquid.ts instead of Jekyll.",
      default: false,
    },
    details: {
      type: 'boolean',
      description: "Show each differing feature's first difference under its page.",
      default: false,
    },
  },
  async run({args}) {
    const root = await siteFolderOrExit(command, args.site)
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
  },
})

await runMain(command)
