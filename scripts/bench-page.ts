/**
 * `npm run bench:page`: how one page's conversion scales with its size. Converts realistic
 * pages (sections of headings, marked-up prose, lists, a callout, a table, code) of growing
 * size with the limits raised, and prints CPU time, time per MB, the body's size and the heap.
 * Conversion should cost about the same per MB at every size. Figures only, no assertions.
 * `--readme` writes the table into importer/README.md. The importer (`bench-page-run.ts`) loads
 * only when the command runs.
 */
import {join} from 'node:path'

import {defineCommand, runMain} from 'citty'

import {isoDay, writeReadmeSection} from './benchReadme.ts'

const README = join(import.meta.dirname, '..', 'importer', 'README.md')

const command = defineCommand({
  meta: {
    name: 'bench:page',
    description:
      'Time convertBody on one page of growing size; --readme writes the table into importer/README.md.',
  },
  args: {
    sizes: {
      type: 'string',
      description: 'Page sizes in MB, comma-separated.',
      default: '0.5,1,2,5',
    },
    readme: {
      type: 'boolean',
      description:
        "Write the table into importer/README.md (its Limits section's bench:page table).",
      default: false,
    },
  },
  async run({args}) {
    const {benchPage, pageSummary} = await import('./bench-page-run.ts')
    const rows = benchPage(args.sizes.split(',').map(Number))
    if (args.readme) writeReadmeSection(README, 'bench:page', pageSummary(rows, isoDay()))
  },
})

await runMain(command)
