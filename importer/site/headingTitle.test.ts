import {spawnSync} from 'node:child_process'
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {typographyAsTyped} from '../../fidelity/typography.ts'
import {decodeEntities} from '../body/html/tags.ts'
import {headingTitleText, titleFromHeading} from './headingTitle.ts'

/**
 * The corpus: page bodies in fixtures/titles-from-headings/cases.json, each with the title
 * GitHub Pages' `jekyll-titles-from-headings` gives it (oracle.rb runs the plugin). Regenerate
 * with the plugin installed (`apt-get install ruby-jekyll-titles-from-headings`):
 * `UPDATE_FIXTURES=1 npx vitest run importer/site/headingTitle.test.ts`.
 */
const DIR = join(import.meta.dirname, 'fixtures', 'titles-from-headings')
const ORACLE = join(DIR, 'oracle.rb')
const CASES_FILE = join(DIR, 'cases.json')
const CASES = JSON.parse(readFileSync(CASES_FILE, 'utf8')) as Array<{
  body: string
  title: string | null
}>

const hasPlugin =
  spawnSync('ruby', ['-rjekyll', '-rjekyll-titles-from-headings', '-e', ''], {stdio: 'ignore'})
    .status === 0

function oracle(bodies: readonly string[]): Array<string | null> {
  const run = spawnSync('ruby', [ORACLE], {input: JSON.stringify(bodies), encoding: 'utf8'})
  if (run.status !== 0) throw new Error(`oracle.rb failed: ${run.stderr}`)
  return JSON.parse(run.stdout) as Array<string | null>
}

if (process.env.UPDATE_FIXTURES && hasPlugin) {
  const titles = oracle(CASES.map((c) => c.body))
  const updated = CASES.map((c, i) => ({body: c.body, title: titles[i]}))
  writeFileSync(CASES_FILE, `${JSON.stringify(updated, null, 2)}\n`)
}

/**
 * The plugin's title as a reader sees it in the navigation, with the typography kramdown added
 * mapped back to what the author typed (as the project keeps it): character references decoded,
 * and the space kramdown makes a no-break one beside `<<` and `>>` a space again.
 */
function asShown(title: string | null): string | undefined {
  if (title === null) return undefined
  return typographyAsTyped(
    decodeEntities(title).replace(/«\u00a0|\u00a0»/g, (s) => s.replace('\u00a0', ' ')),
  )
}

describe('titles from headings, as GitHub Pages gives them', () => {
  it('has a corpus of headings, each with the title the plugin gives', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40)
    expect(CASES.filter((c) => c.title === null).length).toBeGreaterThan(3)
  })

  it.each(CASES.map((c) => [JSON.stringify(c.body), c] as const))(
    'titles %s as the plugin does (recorded oracle output)',
    (_name, c) => {
      expect(titleFromHeading(c.body)).toBe(asShown(c.title))
    },
  )
})

describe.skipIf(!hasPlugin)(
  'titles from headings against the plugin, live (skipped without ruby-jekyll-titles-from-headings)',
  () => {
    const live = hasPlugin ? oracle(CASES.map((c) => c.body)) : []
    it.each(CASES.map((c, i) => [JSON.stringify(c.body), i] as const))(
      'titles %s as the plugin does',
      (_name, i) => {
        expect(titleFromHeading(CASES[i].body)).toBe(asShown(live[i]))
      },
    )
  },
)

if (!hasPlugin) {
  console.warn(
    'headingTitle.test.ts: the differential test against the plugin was skipped; install it with `apt-get install ruby-jekyll-titles-from-headings`.',
  )
}

describe('headingTitleText', () => {
  it('keeps what is literal in code and escapes', () => {
    expect(headingTitleText('`*a*` \\*b\\* *c*')).toBe('*a* *b* c')
  })

  it('takes a heading longer than any real one as written, its white space collapsed', () => {
    const line = `${'`'.repeat(200_000)}a  *b*`
    expect(headingTitleText(line)).toBe(`${'`'.repeat(200_000)}a *b*`)
    // Within the limit, a run of backticks that nothing closes is text.
    expect(headingTitleText('```x`` y')).toBe('```x`` y')
  })

  it('keeps a link label and drops an image', () => {
    expect(headingTitleText('[Go](x.md) ![logo](logo.png)')).toBe('Go')
  })
})
