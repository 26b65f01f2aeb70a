import {SITE_NOT_JEKYLL} from '../site/otherGenerator.ts'
import {SITE_IN_FOLDER} from '../site/siteFolder.ts'
import type {Diagnostic} from '../types.ts'
import {formatDiagnostics, sortDiagnostics, type FormatOptions} from './format.ts'
import {shownProblems} from './shown.ts'

/** How much of the warnings a run prints: a table by code, or every one in full. */
export type ReporterOptions = FormatOptions & {verbose?: boolean}

/**
 * Warnings about the whole site rather than a page (`site-not-jekyll`: the folder is another
 * generator's site; `site-in-folder`: the site is a folder inside it), printed in full as errors
 * are: one line in the table would not say it.
 */
const SITE_WARNINGS = new Set([SITE_NOT_JEKYLL, SITE_IN_FOLDER])

/**
 * Collects a run's diagnostics as they come and prints them at site scale: every error in
 * full as soon as it is found; warnings in full only with `verbose` (or when they are about the
 * whole site), otherwise as one table by code at the end. A problem reported twice (same place,
 * code and message) is kept once.
 */
export function createReporter(write: (text: string) => void, options: ReporterOptions = {}) {
  const all: Diagnostic[] = []
  const seen = new Set<string>()
  return {
    /** Records diagnostics (info ones are dropped) and prints what must be seen at once. */
    add(list: readonly Diagnostic[]) {
      const fresh = shownProblems(list).filter((d) => {
        const key = [d.file, d.line, d.column, d.code, d.message].join('\u0000')
        if (seen.has(key)) return false
        seen.add(key)
        return true
      })
      all.push(...fresh)
      const now = options.verbose
        ? fresh
        : fresh.filter((d) => d.severity === 'error' || SITE_WARNINGS.has(d.code))
      if (now.length) write(formatDiagnostics(now, options))
    },
    /** The warnings table (nothing with `verbose`, which printed them already, nor the site's). */
    finish() {
      if (!options.verbose) {
        const table = formatWarningTable(
          all.filter((d) => d.severity === 'warning' && !SITE_WARNINGS.has(d.code)),
        )
        if (table) write(table)
      }
    },
    /** Every diagnostic recorded, in file order. */
    get diagnostics(): Diagnostic[] {
      return sortDiagnostics(all)
    },
  }
}

/** One line per warning code: how many, and the first three places (`--verbose` lists all). */
export function formatWarningTable(warnings: readonly Diagnostic[]): string {
  if (warnings.length === 0) return ''
  const byCode = new Map<string, Diagnostic[]>()
  for (const d of sortDiagnostics(warnings)) byCode.set(d.code, [...(byCode.get(d.code) ?? []), d])
  const rows = [...byCode].sort(([a, x], [b, y]) => y.length - x.length || (a < b ? -1 : 1))
  const width = Math.max(...rows.map(([code]) => code.length))
  const place = (d: Diagnostic) => [d.file, d.line].filter((p) => p !== undefined).join(':')
  const lines = rows.map(([code, list]) => {
    const first = list.slice(0, 3).map(place).join(', ')
    return `  ${code.padEnd(width)}  ${String(list.length).padStart(5)}  ${first}${list.length > 3 ? ', …' : ''}`
  })
  return [`Warnings by code (--verbose lists every one):`, ...lines].join('\n')
}
