/** Compares the features of kramdown's page with the project's, feature by feature. */
import {IN_A_LINE_OF_TEXT, type NumberedItem, type PageFeatures} from './features.ts'
import {diffWords, type WordDifference} from './words.ts'

/** The features compared, in report order. */
export const FEATURES = [
  'text',
  'headings',
  'lists',
  'numbering',
  'tables',
  'definitions',
  'code',
  'links',
  'images',
  'footnotes',
  'quotes',
  'labels',
  'emphasis',
] as const

/** One compared feature. */
export type Feature = (typeof FEATURES)[number]

/** A feature that differs, with its first difference (`at` counts items from 1). */
export interface FeatureDifference {
  feature: Feature
  at: number
  expected: string
  actual: string
}

/** How one page compares; `differences` is empty when every feature is identical. */
export interface PageComparison {
  differences: FeatureDifference[]
  words: WordDifference
  /** Ordered-list items kramdown shows, and how many the project shows with the same number. */
  orderedItems: number
  orderedItemsNumbered: number
  /** Images kramdown shows, and how many of their sources the project does not show. */
  images: number
  imagesLost: number
}

const SHOWN = 100

function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ')
  return line.length > SHOWN ? `${line.slice(0, SHOWN - 1)}…` : line
}

function firstDifference(
  feature: Feature,
  expected: readonly string[],
  actual: readonly string[],
): FeatureDifference | undefined {
  const length = Math.max(expected.length, actual.length)
  for (let index = 0; index < length; index++) {
    if (expected[index] !== actual[index]) {
      return {
        feature,
        at: index + 1,
        expected: expected[index] === undefined ? '(none)' : shorten(expected[index]),
        actual: actual[index] === undefined ? '(none)' : shorten(actual[index]),
      }
    }
  }
  return undefined
}

function numberedLines(items: readonly NumberedItem[]): string[] {
  return items.map((item) => `${item.number}. ${item.words}`)
}

/** kramdown's ordered items the project shows, found by their first words, with the same number. */
export function itemsNumberedAlike(
  expected: readonly NumberedItem[],
  actual: readonly NumberedItem[],
): number {
  let numbered = 0
  let from = 0
  for (const item of expected) {
    const found = actual.findIndex((other, index) => index >= from && other.words === item.words)
    if (found === -1) continue
    if (actual[found].number === item.number) numbered++
    from = found + 1
  }
  return numbered
}

function sourcesLost(expected: readonly string[], actual: readonly string[]): number {
  const shown = new Map<string, number>()
  const source = (image: string) => {
    const described = image.endsWith(IN_A_LINE_OF_TEXT)
      ? image.slice(0, -IN_A_LINE_OF_TEXT.length)
      : image
    return described.slice(0, described.lastIndexOf(' | '))
  }
  for (const image of actual) shown.set(source(image), (shown.get(source(image)) ?? 0) + 1)
  let lost = 0
  for (const image of expected) {
    const left = shown.get(source(image)) ?? 0
    if (left > 0) shown.set(source(image), left - 1)
    else lost++
  }
  return lost
}

const asLines = (tables: string[][][]) =>
  tables.map((rows) => rows.map((cells) => cells.join(' | ')).join(' / '))

/** The page comparison: kramdown's features are `expected`, the project's `actual`. */
export function compareFeatures(expected: PageFeatures, actual: PageFeatures): PageComparison {
  const words = diffWords(expected.words, actual.words)
  const pairs: Array<[Feature, string[], string[]]> = [
    ['headings', expected.headings, actual.headings],
    ['lists', expected.lists, actual.lists],
    ['numbering', numberedLines(expected.numbered), numberedLines(actual.numbered)],
    ['tables', asLines(expected.tables), asLines(actual.tables)],
    ['definitions', expected.definitions, actual.definitions],
    ['code', expected.code, actual.code],
    ['links', expected.links, actual.links],
    ['images', expected.images, actual.images],
    ['footnotes', expected.footnotes, actual.footnotes],
    ['quotes', expected.quotes, actual.quotes],
    ['labels', expected.labels, actual.labels],
    ['emphasis', expected.emphasis, actual.emphasis],
  ]
  const differences: FeatureDifference[] = []
  if (words.first) {
    differences.push({
      feature: 'text',
      at: words.first.at,
      expected: shorten(words.first.expected) || '(end)',
      actual: shorten(words.first.actual) || '(end)',
    })
  }
  for (const [feature, left, right] of pairs) {
    const difference = firstDifference(feature, left, right)
    if (difference) differences.push(difference)
  }
  return {
    differences,
    words,
    orderedItems: expected.numbered.length,
    orderedItemsNumbered: itemsNumberedAlike(expected.numbered, actual.numbered),
    images: expected.images.length,
    imagesLost: sourcesLost(expected.images, actual.images),
  }
}
