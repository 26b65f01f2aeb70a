import type {ImportStats} from '../site/importSite.ts'

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

/**
 * How many skipped files have no front matter, when any: Jekyll publishes such a file as it is,
 * not as a page, and a site whose pages all lack it imports no page, which must not go
 * unexplained.
 */
function noFrontMatter({noFrontMatter: count, skipped}: ImportStats): string {
  if (!count) return ''
  const which = count === skipped ? (count === 1 ? 'it' : 'all') : String(count)
  const verb = count === 1 ? 'has' : 'have'
  return `; ${which} ${verb} no front matter: Jekyll publishes such a file as it is, not as a page`
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
  return [
    theme.version
      ? `Theme:      just-the-docs ${theme.version} (from ${theme.from}; ${rules})`
      : `Theme:      version not found in _config.yml, Gemfile.lock or Gemfile (${rules}; --theme-version chooses)`,
    `Pages read: ${stats.pages} of ${plural(stats.files, 'markdown file')} (${stats.skipped} skipped, ${stats.failed} unreadable${noFrontMatter(stats)})${stats.reused === undefined ? '' : `; ${stats.reused} unchanged since the last import, not converted again`}`,
    `Documents:  ${total}${byType ? ` (${byType})` : ''}`,
    `Problems:   ${plural(stats.errors, 'error')}, ${plural(stats.warnings, 'warning')}${syncProblems ? `; ${syncProblems} more from the sync (listed above)` : ''}`,
    `Elapsed:    ${seconds} s`,
  ].join('\n')
}
