import {describe, expect, it} from 'vitest'

import {formatDiagnostic, formatDiagnostics} from './format.ts'
import {createProgress} from './progress.ts'
import {formatSummary} from './summary.ts'
import type {ImportStats} from '../site/importSite.ts'

/** The counts of an import with no problems, with `counts` in place of some. */
const statsOf = (counts: Partial<ImportStats>): ImportStats => ({
  files: 0,
  pages: 0,
  skipped: 0,
  failed: 0,
  documents: {},
  warnings: 0,
  errors: 0,
  theme: {from: 'none', legacy: false},
  ...counts,
})

describe('report', () => {
  it('formats a diagnostic as file:line:column: severity: message, with the hint below', () => {
    const text = formatDiagnostic({
      severity: 'error',
      code: 'front-matter-invalid',
      file: 'docs/a.md',
      line: 3,
      column: 6,
      message: 'Cannot parse the front matter.',
      hint: 'Fix the YAML.',
    })
    expect(text).toBe(
      'docs/a.md:3:6: error: Cannot parse the front matter. [front-matter-invalid]\n  hint: Fix the YAML.',
    )
  })

  it('sorts diagnostics by file and position', () => {
    const base = {severity: 'warning' as const, code: 'x', message: 'm'}
    const text = formatDiagnostics([
      {...base, file: 'b.md', line: 1},
      {...base, file: 'a.md', line: 9},
      {...base, file: 'a.md', line: 2},
    ])
    expect(text.split('\n').map((line) => line.split(': ')[0])).toEqual([
      'a.md:2',
      'a.md:9',
      'b.md:1',
    ])
  })

  it('summarises pages, documents by type, problems and elapsed time', () => {
    const text = formatSummary(
      {
        files: 3,
        pages: 2,
        skipped: 1,
        failed: 0,
        documents: {lesson: 2, course: 1},
        warnings: 1,
        errors: 0,
        theme: {version: '0.8.1', from: 'Gemfile.lock', legacy: true},
      },
      1234,
    )
    expect(text).toContain(
      'Theme:      just-the-docs 0.8.1 (from Gemfile.lock; pre-0.10 rules: 3 levels)',
    )
    expect(text).toContain('Pages read: 2 of 3 markdown files (1 skipped, 0 unreadable)')
    expect(text).toContain('Documents:  3 (1 course, 2 lesson)')
    expect(text).toContain('Problems:   0 errors, 1 warning')
    expect(text).toContain('Elapsed:    1.23 s')
  })

  it('counts the skipped files without front matter, and explains a site that has no page for it', () => {
    const stats = statsOf({files: 258, pages: 0, skipped: 258, documents: {site: 1}})
    const none = formatSummary({...stats, noFrontMatter: 255}, 10)
    expect(none).toContain(
      'Pages read: 0 of 258 markdown files (258 skipped, 255 of them without front matter, 0 unreadable)',
    )
    expect(none.split('\n').at(-1)).toBe(
      'No page to import: Jekyll publishes a markdown file without front matter as it is, not as a page. Give each page front matter (a `title:` between two `---` lines) to import it.',
    )
    // A README beside the pages is counted, and needs no explanation.
    const some = formatSummary({...stats, pages: 257, skipped: 1, noFrontMatter: 1}, 10)
    expect(some).toContain('(1 skipped, 1 of them without front matter, 0 unreadable)')
    expect(some).not.toContain('No page to import')
  })

  it('counts the problems the sync step listed in the summary, so it never says none', () => {
    const stats = statsOf({files: 1, pages: 1, documents: {course: 1}})
    expect(formatSummary(stats, 10, 1)).toContain(
      'Problems:   0 errors, 0 warnings; 1 more from the sync (listed above)',
    )
    expect(formatSummary(stats, 10)).toContain('Problems:   0 errors, 0 warnings\n')
  })

  it('draws a progress bar only on a terminal', () => {
    const written: string[] = []
    const write = (text: string) => written.push(text)
    createProgress({isTTY: false, write}).update(1, 2, 'a.md')
    expect(written).toEqual([])
    const bar = createProgress({isTTY: true, columns: 80, write}, 0)
    bar.update(1, 2, 'a.md')
    bar.finish()
    expect(written[0]).toContain('1/2 a.md')
    expect(written.at(-1)).toBe('\r\u001b[2K')
  })
})
