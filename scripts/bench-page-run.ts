/** What `npm run bench:page` measures: convertBody's cost per MB on pages of growing size. */
import {convertBody} from '../importer/body/index.ts'
import {largePage} from '../importer/body/large-page.test-support.ts'

/** Converts a page of each size in MB (after a warm-up) and prints one row of figures per page. */
export function benchPage(sizes: readonly number[]): void {
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
}
