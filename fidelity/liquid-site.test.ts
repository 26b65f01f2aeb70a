import {spawnSync} from 'node:child_process'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {jekyllMissing, liquidWithJekyll, pagePluginNames} from './jekyll.ts'
import {kramdownMissing, renderWithKramdown} from './kramdown.ts'
import {siteFidelity} from './site.ts'
import {readSiteFiles} from './siteFiles.ts'

/**
 * A site whose pages list collection documents in their layouts, loop over `_data`, assign and
 * capture, call an include only the theme provides (`fix_linenos.html`), include files beside
 * a page from a file included so (`homework/`), and output variables nothing sets, in text and
 * code, some in expressions only Liquid's lax parser reads (`hoare.md`), and link a handout only
 * when `site.static_files` lists its file (`handouts.md`); a page and a static file in folders
 * `include:` names (`_pages/`, `_extra/`), beside one it does not (`_scratch/`); an HTML page
 * (`lab.html`: Liquid, no markdown) with a page under it, an HTML file with front matter and no
 * title (`search.html`, not in the navigation) and one without (`widget.html`, a static file).
 */
const SITE = join(import.meta.dirname, 'fixtures', 'site-liquid')

describe.skipIf(kramdownMissing() !== null || jekyllMissing() !== null)(
  'a site built with Liquid control flow, against Jekyll and kramdown',
  () => {
    it('reads every page as Jekyll renders it: loops over collections in their layouts, _data, assign, capture, includes, the theme’s includes, variables nothing sets, the static files, an HTML page', async () => {
      const {files, includes, others} = await readSiteFiles(SITE)
      const report = await siteFidelity(files, {
        kramdown: renderWithKramdown,
        includes,
        otherFiles: others,
        jekyll: await liquidWithJekyll(SITE),
      })
      const pages = report.pages.map((page) => ({
        file: page.file,
        error: page.error,
        notEmulated: page.notEmulated,
        differences: page.comparison?.differences.map(
          (d) => `${d.feature} #${d.at}: kramdown «${d.expected}», project «${d.actual}»`,
        ),
      }))
      expect(pages.map((page) => page.file).sort()).toEqual(
        [
          '_modules/week-1.md',
          '_modules/week-2.md',
          '_staffers/ada.md',
          '_staffers/grace.md',
          '_staffers/linus.md',
          '_pages/about.md',
          'calendar.md',
          'handouts.md',
          'hoare.md',
          'homework/index.md',
          'index.md',
          'lab.html',
          'lab-safety.md',
          'resources.md',
          'snippets.md',
          'staff.md',
        ].sort(),
      )
      for (const page of pages) {
        expect(page, page.file).toEqual({
          file: page.file,
          error: undefined,
          notEmulated: [],
          differences: [],
        })
      }
    })
  },
)

/**
 * A GitHub Pages site (the Gemfile's github-pages gem): pages without `title:` take their first
 * heading's, a file without front matter is a page, a folder's README without front matter is its
 * index page (`guides/`, while `docs/` has an `index.html` file and the site's own README stays
 * a file), and the home page lists every titled page through `site.html_pages`, as GitHub Pages'
 * plugins make them.
 */
const GITHUB_PAGES_SITE = join(import.meta.dirname, 'fixtures', 'site-github-pages')
const hasPagePlugins =
  spawnSync(
    'ruby',
    [
      '-rjekyll',
      '-rjekyll-titles-from-headings',
      '-rjekyll-optional-front-matter',
      '-rjekyll-readme-index',
      '-e',
      '',
    ],
    {stdio: 'ignore'},
  ).status === 0

describe.skipIf(kramdownMissing() !== null || !hasPagePlugins)(
  "a GitHub Pages site, against Jekyll running GitHub Pages' page plugins and kramdown",
  () => {
    it('imports the pages titled from their headings, and lists them as the published site does', async () => {
      expect(pagePluginNames(GITHUB_PAGES_SITE)).toEqual([
        'jekyll-titles-from-headings',
        'jekyll-optional-front-matter',
        'jekyll-readme-index',
      ])
      const jekyll = await liquidWithJekyll(GITHUB_PAGES_SITE)
      const home = jekyll.get('index.md')
      expect(home && 'markdown' in home ? home.markdown : home).toContain(
        '[Setting up the kit](/docs/setup.html)',
      )
      const {files, includes, others} = await readSiteFiles(GITHUB_PAGES_SITE)
      const report = await siteFidelity(files, {
        kramdown: renderWithKramdown,
        includes,
        otherFiles: others,
        jekyll,
      })
      const pages = report.pages
        .map((page) => ({
          file: page.file,
          differences: page.comparison?.differences.map(
            (d) => `${d.feature} #${d.at}: kramdown «${d.expected}», project «${d.actual}»`,
          ),
        }))
        .sort((a, b) => (a.file < b.file ? -1 : 1))
      expect(pages).toEqual(
        [
          'docs/checks.md',
          'docs/setup.md',
          'feed.md',
          'glossary.md',
          'guides/README.md',
          'index.md',
        ].map((file) => ({
          file,
          differences: [],
        })),
      )
    })
  },
)
