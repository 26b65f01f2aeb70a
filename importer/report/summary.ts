import type {ImportStats} from '../site/importSite.ts'

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

/**
 * How many skipped files have no front matter, when any. Jekyll publishes such a file as it is,
 * not as a page: a site whose pages all lack it imports no page, which is then explained.
 */
function noFrontMatter({noFrontMatter: count, pages}: ImportStats): {count: string; why?: string} {
  if (!count) return {count: ''}
  return {
    count: `, ${count} of them without front matter`,
    ...(pages === 0
      ? {
          why: 'No page to import: Jekyll publishes a markdown file without front matter as it is, not as a page. Give each page front matter (a `title:` between two `---` lines) to import it.',
        }
      : {}),
  }
}

/**
 * The end-of-run summary: pages read, documents by type, warnings, errors (and the problems the
 * sync step listed: an image it could not read, a conflict), elapsed time.
 */
export function formatSummary(stats: ImportStats, elapsedMs: number, syncProblems = 0): string {
  const total = Object.values(stats.documents).reduce((sum, n) => sum + n, 0)
  const byType = Object.entries(stats.documents)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([type, n]) => `${n} ${type}`)
    .join(', ')
  const seconds = elapsedMs < 10_000 ? (elapsedMs / 1000).toFixed(2) : (elapsedMs / 1000).toFixed(1)
  const {theme} = stats
  const rules = theme.legacy ? 'pre-0.10 rules: 3 levels' : 'current rules'
  const bare = noFrontMatter(stats)
  return [
    theme.version
      ? `Theme:      just-the-docs ${theme.version} (from ${theme.from}; ${rules})`
      : `Theme:      version not found in _config.yml, Gemfile.lock or Gemfile (${rules}; --theme-version chooses)`,
    ...(stats.headingTitles
      ? [
          `Titles:     ${plural(stats.headingTitles.pages, 'page')} titled from their first heading, as GitHub Pages does (${stats.headingTitles.from})`,
        ]
      : []),
    `Pages read: ${stats.pages} of ${plural(stats.files, stats.htmlFiles ? 'markdown or HTML file' : 'markdown file')} (${stats.skipped} skipped${bare.count}, ${stats.failed} unreadable)${stats.reused === undefined ? '' : `; ${stats.reused} unchanged since the last import, not converted again`}`,
    `Documents:  ${total}${byType ? ` (${byType})` : ''}`,
    `Problems:   ${plural(stats.errors, 'error')}, ${plural(stats.warnings, 'warning')}${syncProblems ? `; ${syncProblems} more from the sync (listed above)` : ''}`,
    `Elapsed:    ${seconds} s`,
    ...(bare.why ? [bare.why] : []),
  ].join('\n')
}
