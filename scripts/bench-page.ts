/**
 * `npm run bench:page`: how one page's conversion scales with its size. Converts realistic
 * pages (sections of headings, marked-up prose, lists, a callout, a table, code) of growing
 * size with the limits raised, and prints CPU time, time per MB, the body's size and the heap.
 * Conversion should cost about the same per MB at every size. Figures only, no assertions.
 */
import {defineCommand, runMain} from 'citty'

import {convertBody} from '../importer/body/index.ts'
import {largePage} from '../importer/body/large-page.test-support.ts'

const command = defineCommand({
  meta: {name: 'bench:page', description: 'Time convertBody on one page of growing size.'},
  args: {
    sizes: {
      type: 'string',
      description: 'Page sizes in MB, comma-separated.',
      default: '0.5,1,2,5',
    },
  },
  run({args}) {
    const sizes = args.sizes.split(',').map(Number)
    const limits = {maxPageBytes: 1e9, maxBodyBytes: 1e10, maxSeconds: 1e6}
    const ctx = {file: 'big.md', title: 'Big', lineOffset: 0, page: {}, site: {}, limits}
    const convert = (markdown: string) => convertBody(markdown, {...ctx, resolveLink: () => null})
    convert(largePage(200_000))
    console.log('page MB   CPU s   s per MB   body MB   body/page   heap MB')
    for (const mb of sizes) {
      const page = largePage(mb * 1024 * 1024)
      const start = process.cpuUsage()
      const result = convert(page)
      const used = process.cpuUsage(start)
      const seconds = (used.user + used.system) / 1e6
      const body = JSON.stringify(result.body).length / 1024 / 1024
      const heap = process.memoryUsage().heapUsed / 1024 / 1024
      const row = [
        mb.toFixed(1).padStart(7),
        seconds.toFixed(2).padStart(7),
        (seconds / mb).toFixed(2).padStart(10),
        body.toFixed(1).padStart(9),
        `${(body / mb).toFixed(1)}×`.padStart(11),
        heap.toFixed(0).padStart(9),
      ]
      console.log(row.join(' '))
    }
  },
})

await runMain(command)
