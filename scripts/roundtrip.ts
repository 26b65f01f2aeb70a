/**
 * `npm run roundtrip -- <site>`: imports a just-the-docs site, exports the documents back,
 * imports the export again, and reports per page whether the documents came back identical
 * and whether kramdown renders the exported page as it renders the original.
 */

import {defineCommand, runMain} from 'citty'

import {
  jekyllReference,
  kramdownMissing,
  readSiteFiles,
  renderWithKramdown,
} from '../fidelity/index.ts'
import {roundTripSite, type PageRoundTrip} from './roundtripCompare.ts'
import {siteFolderOrExit} from './siteFolder.ts'

function share(
  pages: readonly PageRoundTrip[],
  test: (page: PageRoundTrip) => boolean | undefined,
) {
  const count = pages.filter((page) => test(page) === true).length
  const percent = pages.length === 0 ? 0 : (100 * count) / pages.length
  return `${count}/${pages.length} (${percent.toFixed(0)}%)`
}

const command = defineCommand({
  meta: {
    name: 'roundtrip',
    description:
      'Import a site, export it back, import the export, and report per page whether the documents and kramdown output came back identical.',
  },
  args: {
    site: {
      type: 'positional',
      description: 'The site folder, holding _config.yml and the markdown pages.',
      required: false,
      default: 'content',
    },
    placeholders: {
      type: 'boolean',
      description: 'Import with placeholder courses and modules for parents no page has.',
      default: false,
    },
    details: {
      type: 'boolean',
      description: 'List every page that did not come back identical, with the first difference.',
      default: false,
    },
    json: {
      type: 'boolean',
      description: 'Print every page and the totals as JSON on stdout.',
      default: false,
    },
  },
  async run({args}) {
    const root = await siteFolderOrExit(command, args.site)
    const missing = kramdownMissing()
    if (missing) console.error(`${missing} Comparing documents only.`)
    const {files, includes} = await readSiteFiles(root)
    // The originals' Liquid as Jekyll evaluates it; the exported pages hold its output already.
    const jekyll = missing ? undefined : await jekyllReference(root, (m) => console.error(m))
    const {pages} = await roundTripSite(files, {
      import: {placeholders: args.placeholders},
      includes,
      ...(jekyll ? {jekyll} : {}),
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
  },
})

await runMain(command)
