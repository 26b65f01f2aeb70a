/**
 * The `nav_order` of each page in a parent's array (or of the courses in the site's). The
 * values the pages had are kept while they still sort the pages in the array's order, and pages
 * without one (new pages) get the next whole number, so an unchanged site keeps every value and
 * an appended lesson touches only its own file. Otherwise the whole array is numbered 1, 2, 3.
 * `undefined` everywhere means the pages had none and their titles already sort them.
 */
export function navOrders(
  siblings: ReadonlyArray<{navOrder?: string; title: string}>,
): Array<number | string | undefined> {
  if (siblings.every((page) => page.navOrder === undefined)) {
    const titles = siblings.map((page) => page.title)
    const sorted = [...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    if (titles.every((title, index) => title === sorted[index]))
      return siblings.map(() => undefined)
  }
  const kept = keep(siblings.map((page) => page.navOrder))
  return kept ?? siblings.map((_, index) => index + 1)
}

function numeric(value: string | undefined): number | undefined {
  if (value === undefined || !/^-?\d+(?:\.\d+)?$/.test(value.trim())) return undefined
  return Number(value)
}

function keep(values: ReadonlyArray<string | undefined>): Array<number | string> | undefined {
  const out: Array<number | string> = []
  let previous = -Infinity
  for (let index = 0; index < values.length; index++) {
    const value = values[index]
    const number = numeric(value)
    if (value !== undefined && number === undefined) return undefined
    if (number !== undefined) {
      if (number <= previous) return undefined
      out.push(number)
      previous = number
      continue
    }
    const next = values
      .slice(index + 1)
      .map(numeric)
      .find((n) => n !== undefined)
    const candidate = previous === -Infinity ? 1 : Math.floor(previous) + 1
    if (next !== undefined && candidate >= next) return undefined
    out.push(candidate)
    previous = candidate
  }
  return out
}
