/**
 * Tabs in a line's indentation, as kramdown and CommonMark both read them: each advances to the
 * next multiple of four columns.
 */

/** The column after `blanks` (spaces and tabs) written from `column`, tabs to stops of four. */
export function columnAfter(blanks: string, column: number): number {
  for (const blank of blanks) column += blank === '\t' ? 4 - (column % 4) : 1
  return column
}

/** The line with the tabs of its indentation written as spaces, to tab stops of four columns. */
export function expandLeadingTabs(line: string): string {
  let at = 0
  let tabs = false
  for (; line[at] === ' ' || line[at] === '\t'; at++) tabs ||= line[at] === '\t'
  // Most lines have none: they are returned as they are, not built again.
  return tabs ? ' '.repeat(columnAfter(line.slice(0, at), 0)) + line.slice(at) : line
}
