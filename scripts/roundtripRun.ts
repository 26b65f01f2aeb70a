/** What `npm run roundtrip` does once its arguments are parsed and the site folder exists. */
// From the fidelity modules themselves: its index also exports the React rendering (.tsx),
// which this command does not use and node cannot load.
import {jekyllReference, jekyllReferenceOf} from '../fidelity/jekyll.ts'
import {kramdownMissing, renderWithKramdown} from '../fidelity/kramdown.ts'
import {readSiteFiles} from '../fidelity/siteFiles.ts'
import {roundTripSite, type PageRoundTrip} from './roundtripCompare.ts'
import type {RoundtripArgs} from './roundtripArgs.ts'

function share(
  pages: readonly PageRoundTrip[],
  test: (page: PageRoundTrip) => boolean | undefined,
) {
  const count = pages.filter((page) => test(page) === true).length
  const percent = pages.length === 0 ? 0 : (100 * count) / pages.length
  return `${count}/${pages.length} (${percent.toFixed(0)}%)`
}

/**
 * Imports the site in `root`, exports it, imports the export, and prints per page and in total
 * what came back identical.
 */
export async function runRoundtrip(args: RoundtripArgs, root: string): Promise<void> {
  const missing = kramdownMissing()
  if (missing) console.error(`${missing} Comparing documents only.`)
  const {files, includes} = await readSiteFiles(root)
  // The originals' Liquid as Jekyll evaluates it; the exported pages hold its output already.
  const say = (message: string) => console.error(message)
  const jekyll = missing ? undefined : await jekyllReference(root, say)
  const {pages} = await roundTripSite(files, {
    import: {placeholders: args.placeholders},
    includes,
    ...(jekyll ? {jekyll, jekyllExported: (exported) => jekyllReferenceOf(exported, say)} : {}),
    ...(missing ? {} : {kramdown: renderWithKramdown}),
  })
  const totals = {
    pages: pages.length,
    sameDocument: share(pages, (page) => page.sameDocument),
    sameBytes: share(pages, (page) => page.sameBytes),
    ...(missing
      ? {}
      : {
          sameHtml: share(pages, (page) => page.sameHtml),
          sameHtmlButTitle: share(pages, (page) => page.sameHtmlButTitle),
          sameFeatures: share(pages, (page) => page.sameFeatures),
        }),
  }
  if (args.json) {
    console.log(JSON.stringify({site: args.site, totals, pages}, null, 2))
    return
  }
  if (args.details) {
    for (const page of pages) {
      if (page.sameDocument && page.sameHtml !== false && page.sameFeatures !== false) continue
      const what = [
        page.sameDocument ? '' : 'document differs',
        page.sameHtml === false ? 'kramdown HTML differs' : '',
        page.firstDifference ?? '',
      ].filter(Boolean)
      console.log(`${page.file}: ${what.join('; ')}`)
    }
  }
  console.log(
    [
      `${args.site}: ${totals.pages} pages`,
      `re-import identical ${totals.sameDocument}`,
      ...(missing
        ? []
        : [
            `kramdown HTML identical ${totals.sameHtml}`,
            `identical but for the title H1 ${totals.sameHtmlButTitle}`,
            `kramdown features identical ${totals.sameFeatures}`,
          ]),
      `file byte-identical ${totals.sameBytes}`,
    ].join('; '),
  )
}
