/** One page compared: the source prepared for kramdown, then both HTMLs read and compared. */
import {compareFeatures, type PageComparison} from './compare.ts'
import {extractFeatures} from './features.ts'
import {parseFragment} from './html.ts'
import {
  kramdownAddresses,
  prepareKramdown,
  prepareProject,
  unknownElements,
  projectAddresses,
} from './intentional.ts'
import type {JekyllPage} from './jekyll.ts'
import type {KramdownRequest} from './kramdown.ts'
import {evaluateJekyllLiquid} from './liquid.ts'

/** A page as the site has it. */
export interface PageSource {
  /** The file, relative to the site root. */
  file: string
  title: string
  /** The markdown after the front matter. */
  markdown: string
  /** The front matter (`page.*`) and `_config.yml` (`site.*`). */
  page: Record<string, unknown>
  site: Record<string, unknown>
  /** The id of the page an href leads to, as the site's link resolver finds it, or null. */
  resolveLink: (href: string) => string | null
  /** The text of `_includes/<name>`, when the site has it. */
  include?: (name: string) => string | undefined
  /** The page after Jekyll's own Liquid (`jekyll.ts`), when Jekyll ran; else Liquid is emulated. */
  jekyll?: JekyllPage
}

/**
 * The kramdown request for a page (Liquid evaluated first: by Jekyll when it ran on the page,
 * else emulated) and what Liquid approximated.
 */
export function kramdownRequest(source: PageSource): {
  request: KramdownRequest
  notEmulated: string[]
} {
  const liquid =
    source.jekyll && 'markdown' in source.jekyll
      ? {text: source.jekyll.markdown, notEmulated: []}
      : emulated(source)
  const options = source.site.kramdown
  return {
    request: {
      markdown: liquid.text,
      ...(typeof options === 'object' && options !== null && !Array.isArray(options)
        ? {options: options as Record<string, unknown>}
        : {}),
    },
    notEmulated: liquid.notEmulated,
  }
}

function emulated(source: PageSource): {text: string; notEmulated: string[]} {
  const liquid = evaluateJekyllLiquid(source.markdown, source)
  if (!source.jekyll || !('error' in source.jekyll) || liquid.notEmulated.length === 0)
    return liquid
  return {...liquid, notEmulated: [`Jekyll failed (${source.jekyll.error})`, ...liquid.notEmulated]}
}

/**
 * The classes a site styles as callouts: the names under `callouts` in `_config.yml`, and those
 * just-the-docs documents (with `tip`), which sites also style in their own CSS (OpenSearch's
 * `{: .note }` and `{: .important }` have no `callouts` entry).
 */
export function calloutClasses(callouts: unknown): (name: string) => boolean {
  const names = new Set(DOCUMENTED_CALLOUTS)
  if (typeof callouts === 'object' && callouts !== null)
    for (const name of Object.keys(callouts)) names.add(name)
  return (name) => names.has(name)
}
const DOCUMENTED_CALLOUTS = ['highlight', 'important', 'new', 'note', 'tip', 'warning']

/** Compares kramdown's HTML of a page with the project's rendered body. */
export function comparePage(
  source: PageSource,
  kramdownHtml: string,
  projectHtml: string,
): PageComparison {
  const reference = parseFragment(kramdownHtml)
  const referenceFootnotes = prepareKramdown(reference, source.title)
  const addresses = kramdownAddresses(String(source.site.baseurl ?? ''), source.resolveLink)
  const expected = extractFeatures(reference, {
    ...addresses,
    callout: calloutClasses(source.site.callouts),
  })
  expected.footnotes = referenceFootnotes
  const rendered = parseFragment(projectHtml)
  const renderedFootnotes = prepareProject(rendered, unknownElements(reference))
  const actual = extractFeatures(rendered, projectAddresses(addresses))
  actual.footnotes = renderedFootnotes
  return compareFeatures(expected, actual)
}
