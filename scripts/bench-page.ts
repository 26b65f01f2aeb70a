/**
 * `npm run bench:page`: how one page's conversion scales with its size. Converts realistic
 * pages (sections of headings, marked-up prose, lists, a callout, a table, code) of growing
 * size with the limits raised, and prints CPU time, time per MB, the body's size and the heap.
 * Conversion should cost about the same per MB at every size. Figures only, no assertions.
 * The importer (`bench-page-run.ts`) loads only when the command runs.
 */
import {defineCommand, runMain} from 'citty'

const command = defineCommand({
  meta: {name: 'bench:page', description: 'Time convertBody on one page of growing size.'},
  args: {
    sizes: {
      type: 'string',
      description: 'Page sizes in MB, comma-separated.',
      default: '0.5,1,2,5',
    },
  },
  async run({args}) {
    const {benchPage} = await import('./bench-page-run.ts')
    benchPage(args.sizes.split(',').map(Number))
  },
})

await runMain(command)
