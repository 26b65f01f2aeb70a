import {spawnSync} from 'node:child_process'
import {readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {decodeSiteFile} from './decode.ts'
import {parseFrontMatter, type FrontMatterMemo} from './frontMatter.ts'

/**
 * The corpus: quirky pages in fixtures/front-matter/*.md, each with what Jekyll reads in *.json
 * (written by jekyll-oracle.rb; where Psych alone reads differently from Jekyll's safe_yaml, the
 * `psych` field records Psych's reading). Regenerate with the safe_yaml gem on the Ruby path:
 * `UPDATE_FIXTURES=1 RUBYLIB=<safe_yaml>/lib npx vitest run importer/site/frontMatter.test.ts`.
 */
const DIR = join(import.meta.dirname, 'fixtures', 'front-matter')
const ORACLE = join(DIR, 'jekyll-oracle.rb')
const CASES = readdirSync(DIR)
  .filter((name) => name.endsWith('.md'))
  .sort()

/** What Jekyll makes of a page: no front matter, unclosed, unreadable, or its data and body. */
interface Reading {
  status: 'none' | 'unclosed' | 'invalid' | 'ok'
  data?: unknown
  body?: string
}

interface Expected extends Reading {
  psych?: Reading
}

/** JSON has no -0, Infinity or NaN; compare as the oracle prints them. */
function canonical(value: unknown): unknown {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return {nonFinite: String(value)}
    return Object.is(value, -0) ? 0 : value
  }
  if (Array.isArray(value)) return value.map(canonical)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, canonical(item)]))
  }
  return value
}

function importerReading(name: string): Reading {
  const decoded = decodeSiteFile({path: name, bytes: readFileSync(join(DIR, name))})
  if ('diagnostic' in decoded) throw new Error(decoded.diagnostic.message)
  const parsed = parseFrontMatter(decoded.text, name, {bom: decoded.bom})
  if (parsed.status === 'none' || parsed.status === 'bom') return {status: 'none'}
  if (parsed.status === 'ok') return {status: 'ok', data: canonical(parsed.data), body: parsed.body}
  return {status: parsed.status, body: parsed.body}
}

/**
 * Jekyll's reading with its body as kramdown reads it: Jekyll hands the body on with the page's
 * `\r\n` line endings, kramdown reads each as `\n`, and so does the importer from the start.
 */
function asKramdownReads<T extends Reading>(reading: T): T {
  return reading.body === undefined
    ? reading
    : {...reading, body: reading.body.replaceAll('\r\n', '\n')}
}

function expected(name: string): Expected {
  return JSON.parse(readFileSync(join(DIR, name.replace(/\.md$/, '.json')), 'utf8')) as Expected
}

const hasRuby = spawnSync('ruby', ['-e', 'exit 0']).status === 0

/** Runs the oracle over the whole corpus in one Ruby process. */
function oracle(engine?: 'psych'): {engine: string; readings: Map<string, Reading>} {
  const run = spawnSync('ruby', [ORACLE, ...CASES.map((name) => join(DIR, name))], {
    encoding: 'utf8',
    env: {...process.env, ...(engine ? {JEKYLL_ORACLE_ENGINE: engine} : {})},
  })
  if (run.status !== 0) throw new Error(`jekyll-oracle.rb failed: ${run.stderr}`)
  const readings = new Map<string, Reading>()
  let used = ''
  for (const line of run.stdout.trim().split('\n')) {
    const {
      file,
      engine: lineEngine,
      error: _error,
      ...reading
    } = JSON.parse(line) as Reading & {
      file: string
      engine: string
      error?: string
    }
    used = lineEngine
    readings.set(file, reading.status === 'none' ? {status: 'none'} : reading)
  }
  return {engine: used, readings}
}

if (process.env.UPDATE_FIXTURES) {
  const jekyll = oracle()
  if (jekyll.engine !== 'safe_yaml') {
    throw new Error(
      'Cannot regenerate the front-matter fixtures, expected the safe_yaml gem (what Jekyll uses): `gem install safe_yaml` or set RUBYLIB to its lib folder.',
    )
  }
  const psych = oracle('psych')
  for (const name of CASES) {
    const reading = jekyll.readings.get(name)!
    const psychReading = psych.readings.get(name)!
    const {body: _body, ...psychView} = psychReading
    const differs = JSON.stringify(psychReading) !== JSON.stringify(reading)
    const record = differs ? {...reading, psych: psychView} : reading
    writeFileSync(join(DIR, name.replace(/\.md$/, '.json')), `${JSON.stringify(record, null, 2)}\n`)
  }
}

describe('front matter as Jekyll reads it', () => {
  it('has a corpus of quirky pages, each with what Jekyll reads', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(70)
  })

  it.each(CASES)('reads %s as Jekyll does (recorded oracle output)', (name) => {
    const {psych: _psych, ...jekyll} = expected(name)
    expect(importerReading(name)).toEqual(asKramdownReads(jekyll))
  })
})

describe.skipIf(!hasRuby)(
  'front matter against Ruby, live (skipped without ruby: apt-get install ruby)',
  () => {
    const live = hasRuby ? oracle() : {engine: '', readings: new Map<string, Reading>()}

    it.each(CASES)('reads %s as the Ruby oracle does', (name) => {
      const reading = live.readings.get(name)
      const {psych} = expected(name)
      if (live.engine === 'psych' && psych) {
        // Psych alone differs from Jekyll's safe_yaml here: the recorded divergence still holds.
        const {body: _body, ...psychView} = reading!
        expect(psychView).toEqual(psych)
        expect(importerReading(name)).not.toEqual(reading)
      } else {
        expect(importerReading(name)).toEqual(asKramdownReads(reading!))
      }
    })
  },
)

if (!hasRuby) {
  console.warn(
    'frontMatter.test.ts: the differential test against Ruby was skipped; install it with `apt-get install ruby`.',
  )
}

/** Nine levels of nine aliases each: 9^9 (387 million) values once expanded. */
const BILLION_LAUGHS = [
  'title: Laughs',
  'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
  ...'bcdefghi'.split('').map((name, i) => {
    const previous = 'abcdefghi'[i]
    return `${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`
  }),
].join('\n')

describe('parseFrontMatter', () => {
  it('reports a tab used as indentation at its line and column, with what to do', () => {
    const parsed = parseFrontMatter('---\ntitle: X\nmeta:\n\tkey: value\n---\nBody\n', 'a.md')
    expect(parsed.status).toBe('invalid')
    expect(parsed.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'front-matter-invalid',
        file: 'a.md',
        line: 4,
        column: 1,
        message: expect.stringMatching(
          /^Cannot parse the front matter, expected valid YAML: .*tab/i,
        ),
        hint: expect.stringContaining('tabs are not allowed for indentation'),
      }),
    ])
    expect(parsed.body).toBe('Body\n')
    expect(parsed.lineOffset).toBe(5)
  })

  it('reports a tab after a list dash, which libyaml rejects, at the tab', () => {
    const parsed = parseFrontMatter('---\ntitle: X\ntags:\n  -\tone\n---\n', 'a.md')
    expect(parsed.diagnostics[0]).toMatchObject({line: 4, column: 4})
  })

  it('accepts a tab between a key and its colon, as Jekyll does', () => {
    const parsed = parseFrontMatter('---\ntitle\t: Tabbed\n---\n', 'a.md')
    expect(parsed).toMatchObject({status: 'ok', data: {title: 'Tabbed'}, diagnostics: []})
  })

  it('stops alias expansion at the budget with an error at the alias, instead of crashing', () => {
    const parsed = parseFrontMatter(`---\n${BILLION_LAUGHS}\n---\nBody\n`, 'laughs.md')
    expect(parsed.status).toBe('invalid')
    expect(parsed.data).toEqual({})
    expect(parsed.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'front-matter-invalid',
        file: 'laughs.md',
        line: expect.any(Number),
        message: expect.stringContaining('expected at most 100000 values after expanding aliases'),
        hint: expect.stringContaining('maxYamlNodes'),
      }),
    ])
    expect(parsed.diagnostics[0].line).toBeGreaterThanOrEqual(3)
  })

  it('keeps shared aliases that stay within the budget, and a smaller budget stops them', () => {
    const text = '---\nbase: &b {layout: page}\nx: *b\ny: *b\n---\n'
    expect(parseFrontMatter(text, 'a.md').data).toEqual({
      base: {layout: 'page'},
      x: {layout: 'page'},
      y: {layout: 'page'},
    })
    expect(parseFrontMatter(text, 'a.md', {maxNodes: 8}).status).toBe('invalid')
  })

  it('warns that front matter after a byte-order mark is not read by Jekyll', () => {
    const parsed = parseFrontMatter('---\ntitle: X\n---\n', 'a.md', {bom: true})
    expect(parsed.status).toBe('bom')
    expect(parsed.diagnostics).toEqual([
      expect.objectContaining({severity: 'warning', code: 'front-matter-bom', line: 1}),
    ])
  })

  it('warns about front matter that is never closed, and keeps the whole text as the body', () => {
    const text = '---\ntitle: X\n--- trailing text\nBody\n'
    const parsed = parseFrontMatter(text, 'a.md')
    expect(parsed).toMatchObject({status: 'unclosed', data: {}, body: text, lineOffset: 0})
    expect(parsed.diagnostics[0]).toMatchObject({
      severity: 'warning',
      code: 'front-matter-unclosed',
    })
  })
})

describe('parseFrontMatter with a memo', () => {
  /** A memo that records what it was asked and told. */
  function recordingMemo(known: Record<string, Record<string, unknown>> = {}) {
    const asked: string[] = []
    const told = new Map<string, Record<string, unknown>>()
    const memo: FrontMatterMemo = {
      get: (yaml) => (asked.push(yaml), known[yaml]),
      set: (yaml, data) => told.set(yaml, data),
    }
    return {memo, asked, told}
  }

  it('remembers front matter it parsed, by its YAML text, and gives it back unparsed', () => {
    const text = '---\ntitle: One\nnav_order: 2\n---\nBody\n'
    const first = recordingMemo()
    const parsed = parseFrontMatter(text, 'a.md', {memo: first.memo})
    expect([...first.told]).toEqual([['---\ntitle: One\nnav_order: 2\n', parsed.data]])
    // What the memo holds is what the page gets: the YAML is not read again.
    const known = {'---\ntitle: One\nnav_order: 2\n': {title: 'Remembered'}}
    const second = recordingMemo(known)
    const again = parseFrontMatter(text.replace('Body', 'Another body'), 'a.md', {
      memo: second.memo,
    })
    expect(again).toEqual({
      status: 'ok',
      data: {title: 'Remembered'},
      body: 'Another body\n',
      lineOffset: 4,
      diagnostics: [],
    })
    expect(second.told.size).toBe(0)
  })

  it('remembers nothing of front matter Jekyll cannot read', () => {
    const {memo, told} = recordingMemo()
    const parsed = parseFrontMatter('---\ntitle: [unclosed\n---\n', 'a.md', {memo})
    expect(parsed.status).toBe('invalid')
    expect(told.size).toBe(0)
  })
})

describe('front matter values', () => {
  it("keep nothing of the page's text alive (2,000 pages of 50 KB, their titles kept: a few MB, not 100)", () => {
    // A fresh process, so the heap holds only this: what the titles keep after a full GC.
    const script = `
      import {parseFrontMatter} from ${JSON.stringify(join(import.meta.dirname, 'frontMatter.ts'))}
      const kept = []
      for (let i = 0; i < 2000; i++) {
        const text = '---\\ntitle: Page number ' + i + ' with a title\\n---\\n' + ('Body ' + i + ' ').repeat(5000)
        kept.push(parseFrontMatter(text, 'p' + i + '.md').data.title)
      }
      globalThis.gc()
      console.log(JSON.stringify({heapMb: process.memoryUsage().heapUsed / 1048576, kept: kept.length}))`
    const run = spawnSync(
      process.execPath,
      ['--expose-gc', '--input-type=module', '--eval', script],
      {encoding: 'utf8'},
    )
    expect(run.status, run.stderr).toBe(0)
    const {heapMb, kept} = JSON.parse(run.stdout) as {heapMb: number; kept: number}
    expect(kept).toBe(2000)
    // The pages' texts are about 100 MB: kept through their titles, the heap is over 90 MB.
    expect(heapMb).toBeLessThan(40)
  })
})
