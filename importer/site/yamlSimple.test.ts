import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {generateSite} from '../../scripts/bench-site.ts'
import {parseFrontMatter} from './frontMatter.ts'
import {DEFAULT_MAX_YAML_NODES, parseYaml} from './yaml.ts'
import {simpleMapping} from './yamlSimple.ts'

const ROOT = join(import.meta.dirname, '..', '..')
const SKIPPED = new Set(['node_modules', '.git', '.lake', 'studio-dist', 'site-dist', '.artifacts'])

/** The YAML text `parseFrontMatter` reads from a page (its `---` line first), if any. */
function frontMatterOf(page: string): string | undefined {
  let yaml: string | undefined
  const memo = {
    get: (text: string) => void (yaml = text),
    set: () => undefined,
  }
  parseFrontMatter(page, 'page.md', {memo})
  return yaml
}

/** The front matter text of every markdown file in the repository (fixtures, content, docs). */
function repositoryFrontMatter(): string[] {
  const found: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      if (SKIPPED.has(entry.name)) continue
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.name.endsWith('.md')) {
        const yaml = frontMatterOf(readFileSync(path, 'utf8'))
        if (yaml !== undefined) found.push(yaml)
      }
    }
  }
  walk(ROOT)
  return found
}

/** What the parser reads (its entries, in order), or the problem it throws. */
function parsed(text: string, maxNodes = DEFAULT_MAX_YAML_NODES): unknown {
  try {
    const value = parseYaml(text, {maxNodes})
    return value && typeof value === 'object' ? Object.entries(value) : value
  } catch (error) {
    return {threw: (error as Error).message}
  }
}

/**
 * Whether the fast reading of `text` is the parser's: either it declines, or it gives the same
 * keys, in the same order, with the same values and types.
 */
function agrees(text: string, maxNodes = DEFAULT_MAX_YAML_NODES): 'declined' | 'read' {
  const simple = simpleMapping(text, maxNodes)
  if (simple === undefined) return 'declined'
  expect(Object.entries(simple), JSON.stringify(text)).toStrictEqual(parsed(text, maxNodes))
  return 'read'
}

/** A seeded generator (mulberry32), so every run tries the same texts. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const KEYS = [
  'title',
  'nav_order',
  'parent',
  'grand_parent',
  'has_children',
  'Key-With-Dash',
  '_under',
  '__proto__',
  'constructor',
  'yes',
  'null',
  'Null',
  '~',
  '1',
  'on',
  '<<',
  'a b',
  '-k',
  '?k',
  'k:',
]
const VALUES = [
  'Lesson 1',
  'plain text with spaces',
  '1',
  '27',
  '-3',
  '0755',
  '0x1F',
  '1_000',
  '1,000',
  '1:30',
  '1.5',
  '.inf',
  '-.Inf',
  '.nan',
  '1e3',
  '1.0e+3',
  'yes',
  'No',
  'off',
  'TRUE',
  'y',
  'null',
  '~',
  'NULL',
  '2024-01-31',
  '2024-02-30',
  '2024-01-31 10:20:30 +02:00',
  '2024-01-31T10:20:30Z',
  '"quoted: text"',
  '"with \\"escape\\""',
  '"tab\\tescape"',
  "'single'",
  "'it''s'",
  '""',
  "''",
  '"unclosed',
  'a: b',
  'a #comment',
  'C#',
  'foo:',
  'x:y',
  'Foo [draft]',
  '[a, b]',
  '{a: b}',
  '- item',
  '-1',
  '*alias',
  '&anchor value',
  '!tag value',
  '!!str 1',
  '|',
  '>',
  '%x',
  '@x',
  '`x`',
  'ünïcödé',
  'emoji 🚀 here',
  '=x',
  '<<',
  'value   ',
  '"quoted" trailing',
  '',
]
const LINES = [
  '',
  '# a comment',
  '  indented: 1',
  '- listed',
  '---',
  '--- ',
  '---x',
  '...',
  'key:value',
  'k :v',
]

const ITEM_INDENTS = ['', ' ', '  ', '    ']
const ITEM_LINES = ['  -', '  - - x', '  # c', '', '  -x', '    more', '-', '  - a: b']

/** A front matter text of a few lines, mostly `key: value`, sometimes with a stray line. */
function fuzzedText(next: () => number): string {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]
  const lines: string[] = []
  const count = 1 + Math.floor(next() * 6)
  for (let i = 0; i < count; i++) {
    const roll = next()
    if (roll < 0.08) lines.push(pick(LINES))
    else if (roll < 0.2) {
      // A list under a key (`redirect_from:` over `  - /old/`), its items mostly indented alike.
      lines.push(`${pick(KEYS.slice(0, 5))}:${next() < 0.8 ? '' : ' '}`)
      const indent = pick(ITEM_INDENTS)
      const items = 1 + Math.floor(next() * 3)
      for (let item = 0; item < items; item++) {
        const value = pick(VALUES)
        lines.push(
          next() < 0.1
            ? pick(ITEM_LINES)
            : `${next() < 0.9 ? indent : pick(ITEM_INDENTS)}- ${value}`,
        )
      }
    } else {
      const key = roll < 0.7 ? pick(KEYS.slice(0, 5)) : pick(KEYS)
      const value = pick(VALUES)
      const gap = next() < 0.9 ? ' ' : pick(['', '   ', '\t'])
      lines.push(value === '' && next() < 0.5 ? `${key}:` : `${key}:${gap}${value}`)
    }
  }
  const text = `${next() < 0.5 ? '---\n' : ''}${lines.join('\n')}${next() < 0.5 ? '\n' : ''}`
  return next() < 0.03 ? text.replace(/\n/g, '\r\n') : text
}

describe('simpleMapping', () => {
  it('reads every front matter in the repository exactly as the YAML parser does, or leaves it to the parser', () => {
    const texts = repositoryFrontMatter()
    expect(texts.length).toBeGreaterThan(20)
    const outcomes = texts.map((text) => agrees(text))
    // The seed lesson and most fixtures are simple: the fast reading is not a dead branch.
    expect(outcomes.filter((outcome) => outcome === 'read').length).toBeGreaterThan(10)
  })

  it("reads every page of the benchmark site's front matter itself, as the parser does", () => {
    const pages = generateSite(300).filter((file) => file.path.endsWith('.md'))
    for (const page of pages) {
      expect(agrees(frontMatterOf(page.text ?? '') ?? '')).toBe('read')
    }
  })

  it('agrees with the parser on 20,000 fuzzed texts of tricky keys, values and lines', () => {
    const next = random(20261201)
    let read = 0
    let lists = 0
    for (let i = 0; i < 20_000; i++) {
      const text = fuzzedText(next)
      if (agrees(text) !== 'read') continue
      read++
      if (Object.values(simpleMapping(text, DEFAULT_MAX_YAML_NODES)!).some(Array.isArray)) lists++
    }
    // Lists under a key are read too, not only declined.
    expect(lists).toBeGreaterThan(200)
    // Both ways are exercised: plenty read, plenty declined.
    expect(read).toBeGreaterThan(2_000)
    expect(read).toBeLessThan(18_000)
  })

  it('reads a list under a key, indented or not, as the parser does', () => {
    const text =
      'title: Rolling upgrade\nredirect_from:\n  - /upgrade/\n  - /rolling-upgrade/index/\ntags:\n- a\n- 2\nnav_order: 20'
    expect(agrees(text)).toBe('read')
    expect(simpleMapping(text, DEFAULT_MAX_YAML_NODES)).toEqual({
      title: 'Rolling upgrade',
      redirect_from: ['/upgrade/', '/rolling-upgrade/index/'],
      tags: ['a', 2],
      nav_order: 20,
    })
  })

  it('leaves to the parser a text of more values than the budget, which the parser refuses', () => {
    const text = 'a: 1\nb: 2\nc: 3'
    expect(simpleMapping(text, 6)).toBeUndefined()
    expect(parsed(text, 6)).toEqual({threw: expect.stringContaining('expected at most 6 values')})
    expect(agrees(text, 7)).toBe('read')
  })

  it('keeps a `__proto__` key as data and a repeated key in its first place with its last value', () => {
    const read = simpleMapping('__proto__: x\ntitle: A\nnav_order: 1\ntitle: B', 100)!
    expect(Object.getPrototypeOf(read)).toBe(Object.prototype)
    expect(Object.entries(read)).toEqual([
      ['__proto__', 'x'],
      ['title', 'B'],
      ['nav_order', 1],
    ])
    expect(agrees('__proto__: x\ntitle: A\nnav_order: 1\ntitle: B')).toBe('read')
  })
})
