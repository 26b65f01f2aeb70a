/**
 * Where a benchmark's `--readme` writes its figures: the part of a README between the markers
 * `<!-- name -->` and `<!-- /name -->`, so the figures a reader sees are the benchmark's own
 * output, never typed by hand.
 */
import {readFileSync, writeFileSync} from 'node:fs'

/** The README's text with `summary` between the markers of `name`; throws when they are missing. */
export function withSection(text: string, name: string, summary: string, file: string): string {
  const open = `<!-- ${name} -->`
  const close = `<!-- /${name} -->`
  const start = text.indexOf(open)
  const end = text.indexOf(close)
  if (start < 0 || end < start) {
    throw new Error(`Cannot update ${file}: expected the markers ${open} and ${close}.`)
  }
  return `${text.slice(0, start)}${open}\n\n${summary}\n\n${text.slice(end)}`
}

/** The day of `date` (default now) as the tables name it: ISO, `yyyy-mm-dd`. */
export const isoDay = (date: Date = new Date()) => date.toISOString().slice(0, 10)

/** Writes `summary` between the markers of `name` in the README `file`. */
export function writeReadmeSection(file: string, name: string, summary: string): void {
  writeFileSync(file, withSection(readFileSync(file, 'utf8'), name, summary, file))
}

/** A markdown table, its columns padded as Prettier pads them, so a README stays formatted. */
export function markdownTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>) {
  const all = [header, ...rows]
  const widths = header.map((_, i) => Math.max(...all.map((cells) => cells[i].length)))
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
    '\n',
  )
}
