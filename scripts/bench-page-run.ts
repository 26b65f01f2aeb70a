/** What `npm run bench:page` measures: convertBody's cost per MB on pages of growing size. */
import {convertBody} from '../importer/body/index.ts'
import {largePage} from '../importer/body/large-page.test-support.ts'
import {markdownTable} from './benchReadme.ts'

/** One page's figures: its size, the CPU its conversion took, the body's size and the heap after. */
export interface PageFigures {
  /** The page's size in MB (as asked for with `--sizes`). */
  mb: number
  /** CPU seconds (user + system) of its conversion. */
  seconds: number
  /** The body's size in MB, as Portable Text JSON. */
  bodyMb: number
  /** The heap in use after the conversion, in MB. */
  heapMb: number
}

/** The cells of one page's row, formatted as both tables show them. */
function cells(figures: PageFigures): string[] {
  const {mb, seconds, bodyMb, heapMb} = figures
  return [
    `${mb} MB`,
    `${seconds.toFixed(2)} s`,
    `${(seconds / mb).toFixed(2)} s`,
    `${bodyMb.toFixed(1)} MB`,
    `${(bodyMb / mb).toFixed(1)}×`,
    `${heapMb.toFixed(0)} MB`,
  ]
}

/** A markdown table of the run, one row per page, padded as Prettier pads markdown tables. */
export function pageTable(rows: readonly PageFigures[]): string {
  const header = ['Page', 'CPU', 'per MB', 'Body (Portable Text JSON)', 'Body / page', 'Heap']
  return markdownTable(header, rows.map(cells))
}

/** What `--readme` writes: a one-line intro (the command, CPU on this machine, the day) and the table. */
export function pageSummary(rows: readonly PageFigures[], day: string): string {
  return `\`npm run bench:page\`, CPU time on this machine, ${day}:\n\n${pageTable(rows)}`
}

/**
 * Converts a page of each size in MB (after a warm-up), prints one row of figures per page and
 * returns them.
 */
export function benchPage(sizes: readonly number[]): PageFigures[] {
  const limits = {maxPageBytes: 1e9, maxBodyBytes: 1e10, maxSeconds: 1e6}
  const ctx = {file: 'big.md', title: 'Big', lineOffset: 0, page: {}, site: {}, limits}
  const convert = (markdown: string) => convertBody(markdown, {...ctx, resolveLink: () => null})
  convert(largePage(200_000))
  console.log('page MB   CPU s   s per MB   body MB   body/page   heap MB')
  const rows: PageFigures[] = []
  for (const mb of sizes) {
    const page = largePage(mb * 1024 * 1024)
    const start = process.cpuUsage()
    const result = convert(page)
    const used = process.cpuUsage(start)
    const seconds = (used.user + used.system) / 1e6
    const bodyMb = JSON.stringify(result.body).length / 1024 / 1024
    const heapMb = process.memoryUsage().heapUsed / 1024 / 1024
    rows.push({mb, seconds, bodyMb, heapMb})
    const row = [
      mb.toFixed(1).padStart(7),
      seconds.toFixed(2).padStart(7),
      (seconds / mb).toFixed(2).padStart(10),
      bodyMb.toFixed(1).padStart(9),
      `${(bodyMb / mb).toFixed(1)}×`.padStart(11),
      heapMb.toFixed(0).padStart(9),
    ]
    console.log(row.join(' '))
  }
  return rows
}
