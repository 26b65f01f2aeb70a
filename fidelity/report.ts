/** Totals over a site's page reports, and the text a user reads. */
import {FEATURES, type Feature} from './compare.ts'
import type {PageReport, SiteReport} from './site.ts'

/** The figures for a whole site. */
export interface FidelityTotals {
  pages: number
  compared: number
  failed: number
  identical: number
  textIdentical: number
  wordsLost: number
  wordsAdded: number
  /** Pages on which each feature differs, most affected first. */
  featurePages: Array<{feature: Feature; pages: number}>
  orderedItems: number
  orderedItemsNumbered: number
  images: number
  imagesLost: number
  blocks: number
  rawHtmlBlocks: number
  /** Types the renderer has no component for, with the number of pages showing each. */
  missingComponents: Record<string, number>
  /** Pages whose Liquid the reference side approximated. */
  liquidApproximated: number
  skippedFiles: number
}

/** Adds up a site's page reports. */
export function totalsOf(report: SiteReport): FidelityTotals {
  const compared = report.pages.filter((page) => page.comparison)
  const sum = (value: (page: PageReport) => number) =>
    report.pages.reduce((total, page) => total + value(page), 0)
  const differing = (page: PageReport) => page.comparison?.differences ?? []
  return {
    pages: report.pages.length,
    compared: compared.length,
    failed: report.pages.length - compared.length,
    identical: compared.filter((page) => differing(page).length === 0).length,
    textIdentical: compared.filter((page) => !differing(page).some((d) => d.feature === 'text'))
      .length,
    wordsLost: sum((page) => page.comparison?.words.lost ?? 0),
    wordsAdded: sum((page) => page.comparison?.words.added ?? 0),
    featurePages: FEATURES.map((feature) => ({
      feature,
      pages: compared.filter((page) => differing(page).some((d) => d.feature === feature)).length,
    }))
      .filter(({pages}) => pages > 0)
      .sort((a, b) => b.pages - a.pages),
    orderedItems: sum((page) => page.comparison?.orderedItems ?? 0),
    orderedItemsNumbered: sum((page) => page.comparison?.orderedItemsNumbered ?? 0),
    images: sum((page) => page.comparison?.images ?? 0),
    imagesLost: sum((page) => page.comparison?.imagesLost ?? 0),
    blocks: sum((page) => page.blocks),
    rawHtmlBlocks: sum((page) => page.rawHtmlBlocks),
    missingComponents: countMissing(report.pages),
    liquidApproximated: report.pages.filter((page) => page.notEmulated.length > 0).length,
    skippedFiles: report.skippedFiles,
  }
}

function countMissing(pages: readonly PageReport[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const page of pages) {
    for (const type of new Set(page.missingComponents)) counts[type] = (counts[type] ?? 0) + 1
  }
  return counts
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)}%`
}

/** One line per page (and its first differences when `details`), as a user reads it. */
export function formatPage(page: PageReport, details = false): string {
  if (page.error) return `✗ ${page.file}: ${page.error}`
  const comparison = page.comparison!
  const missing = page.missingComponents.length
    ? `; no component for ${[...new Set(page.missingComponents)].join(', ')}`
    : ''
  if (comparison.differences.length === 0) return `✓ ${page.file}: identical${missing}`
  const {lost, added} = comparison.words
  const words = lost || added ? ` (words lost ${lost}, added ${added})` : ''
  const features = comparison.differences.map((d) => d.feature).join(', ')
  const lines = [`~ ${page.file}: differs in ${features}${words}${missing}`]
  if (details) {
    for (const d of comparison.differences) {
      lines.push(`    ${d.feature} #${d.at}: kramdown «${d.expected}»`)
      lines.push(
        `    ${' '.repeat(d.feature.length + String(d.at).length + 2)}  project  «${d.actual}»`,
      )
    }
    if (page.notEmulated.length)
      lines.push(`    Liquid approximated: ${page.notEmulated.join(', ')}`)
  }
  return lines.join('\n')
}

/** The totals as a short block of text. */
export function formatTotals(totals: FidelityTotals): string {
  const features = totals.featurePages.map(({feature, pages}) => `${feature} ${pages}`).join(', ')
  return [
    `Pages: ${totals.pages} compared with kramdown${totals.failed ? `, ${totals.failed} could not be compared` : ''}${totals.skippedFiles ? ` (${totals.skippedFiles} page files not imported)` : ''}`,
    `Identical: ${totals.identical} (${percent(totals.identical, totals.compared)}); same text: ${totals.textIdentical} (${percent(totals.textIdentical, totals.compared)})`,
    `Words: ${totals.wordsLost} lost, ${totals.wordsAdded} added`,
    `Pages differing per feature: ${features || 'none'}`,
    `Ordered-list items numbered as kramdown: ${totals.orderedItemsNumbered} of ${totals.orderedItems} (${percent(totals.orderedItemsNumbered, totals.orderedItems)})`,
    `Images lost: ${totals.imagesLost} of ${totals.images}`,
    `rawHtml blocks: ${totals.rawHtmlBlocks} of ${totals.blocks} body blocks (${percent(totals.rawHtmlBlocks, totals.blocks)})`,
    ...Object.entries(totals.missingComponents).map(
      ([type, pages]) => `No component for "${type}" (render/components.tsx) on ${pages} pages`,
    ),
    ...(totals.liquidApproximated
      ? [`Liquid approximated on ${totals.liquidApproximated} pages (see --details)`]
      : []),
  ].join('\n')
}
