import type {Outcome, SyncPlan, SyncReport} from './types.ts'

const ROWS: [Outcome, string][] = [
  ['created', 'Created'],
  ['updated', 'Updated'],
  ['unchanged', 'Unchanged'],
  ['skipped', 'Skipped'],
  ['conflict', 'Conflicts'],
  ['failed', 'Failed'],
  ['deleted', 'Deleted (pruned)'],
  ['kept', 'Removed from source, kept'],
]

/** The summary table printed at the end of a run. */
export function formatSummary(report: SyncReport): string {
  const verb = report.dryRun ? 'Plan for' : 'Synced into'
  const width = Math.max(...ROWS.map(([, label]) => label.length))
  const lines = [`${verb} ${report.target} in ${(report.elapsedMs / 1000).toFixed(1)} s`, '']
  for (const [outcome, label] of ROWS) {
    const count = report.counts[outcome]
    if (count || ['created', 'updated', 'unchanged', 'conflict', 'failed'].includes(outcome))
      lines.push(`  ${label.padEnd(width)}  ${String(count).padStart(6)}`)
  }
  const {queries, mutations, uploads, retries} = report.requests
  lines.push(
    '',
    `  Requests: ${queries} queries, ${mutations} mutation requests, ${uploads} uploads, ${retries} retries`,
  )
  const problems = report.problems
  if (problems.length) {
    lines.push('')
    for (const p of problems.slice(0, 50)) {
      lines.push(`${p.kind}: ${p.message}`)
      if (p.hint) lines.push(`  ${p.hint}`)
    }
    if (problems.length > 50) lines.push(`… and ${problems.length - 50} more (use --json for all)`)
  }
  return lines.join('\n')
}

/** The plan as `--dry-run` prints it: one line per document that would change. */
export function formatPlan(plan: SyncPlan): string {
  const lines: string[] = []
  for (const item of plan.items) {
    if (item.action === 'create')
      lines.push(`create    ${item.id}  (${item.path ?? 'no source file'})`)
    if (item.action === 'patch')
      lines.push(
        `patch     ${item.id}  (${item.path ?? 'no source file'})${item.forced ? '  [--force]' : ''}`,
      )
    if (item.action === 'skip') lines.push(`skip      ${item.id}  ${item.reason}`)
    if (item.action === 'conflict')
      lines.push(`conflict  ${item.id}  ${item.reason}\n          ${item.hint}`)
  }
  for (const item of plan.removed)
    lines.push(`${item.action === 'delete' ? 'prune   ' : 'removed '}  ${item.id}  ${item.reason}`)
  const unchanged = plan.items.filter((i) => i.action === 'unchanged').length
  lines.push(`${unchanged} unchanged`)
  return lines.join('\n')
}

/** A one-line progress bar redrawn in place on a terminal; silent elsewhere. */
export function progressBar(stream: NodeJS.WriteStream = process.stderr) {
  let last = 0
  const enabled = Boolean(stream.isTTY)
  return {
    update(label: string, done: number, total: number) {
      const now = Date.now()
      if (!enabled || (now - last < 80 && done < total)) return
      last = now
      const width = 30
      const filled = total ? Math.round((done / total) * width) : width
      stream.write(
        `\r${label.padEnd(8)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`,
      )
    },
    done() {
      if (enabled) stream.write('\r\x1b[K')
    },
  }
}
