import {existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterAll, describe, expect, it} from 'vitest'

import {parseFrontMatter} from '../importer/site/frontMatter.ts'
import {frontMatterFile, openFrontMatter, survivesJson} from './importFrontMatter.ts'

const scratch = mkdtempSync(join(tmpdir(), 'import-front-matter-'))
afterAll(() => rmSync(scratch, {recursive: true, force: true}))

const PAGES = [
  '---\ntitle: One\nnav_order: 1\ntags: [a, b]\n---\nOne.\n',
  '---\ntitle: Two\nparent: One\nwhen: 2024-01-02\n---\nTwo.\n',
]

/** Reads `pages` through the memo in `file`, as one import run does, and saves it. */
async function run(file: string, key: string, pages = PAGES) {
  const opened = await openFrontMatter(file, key)
  const data = pages.map((text) => parseFrontMatter(text, 'page.md', {memo: opened.memo}).data)
  await opened.save()
  return {data, counts: opened.counts}
}

describe('the front matter memo of the import command', () => {
  it('gives back, in the next run, what it read, without parsing it again', async () => {
    const file = frontMatterFile(join(scratch, 'again'), 'production')
    const first = await run(file, 'k')
    expect(first.counts).toEqual({parsed: 2, remembered: 0})
    const second = await run(file, 'k')
    expect(second.counts).toEqual({parsed: 0, remembered: 2})
    expect(second.data).toEqual(first.data)
  })

  it('does not write the file again when the run remembered all of it and learnt nothing', async () => {
    const file = frontMatterFile(join(scratch, 'same'), 'production')
    await run(file, 'k')
    const written = statSync(file).mtimeMs
    await new Promise((resolve) => setTimeout(resolve, 20))
    await run(file, 'k')
    expect(statSync(file).mtimeMs).toBe(written)
  })

  it('reads its file only when first asked, and leaves it as it is when never asked', async () => {
    const file = frontMatterFile(join(scratch, 'lazy'), 'production')
    await run(file, 'k')
    const written = readFileSync(file, 'utf8')
    const idle = await openFrontMatter(file, 'k')
    rmSync(file)
    await idle.save()
    expect(existsSync(file)).toBe(false)
    expect(idle.counts).toEqual({parsed: 0, remembered: 0})
    writeFileSync(file, written)
    // Opened before the file is there, asked after: what the file holds then is remembered.
    rmSync(file)
    const opened = await openFrontMatter(file, 'k')
    writeFileSync(file, written)
    const data = PAGES.map((text) => parseFrontMatter(text, 'page.md', {memo: opened.memo}).data)
    expect(opened.counts).toEqual({parsed: 0, remembered: 2})
    expect(data).toEqual((await run(file, 'k')).data)
  })

  it('remembers nothing written for another key (other code or flags)', async () => {
    const file = frontMatterFile(join(scratch, 'key'), 'production')
    await run(file, 'old')
    expect((await run(file, 'new')).counts).toEqual({parsed: 2, remembered: 0})
  })

  it('remembers nothing from a damaged file of its key: every page is parsed again', async () => {
    const file = frontMatterFile(join(scratch, 'damaged'), 'production')
    const {data} = await run(file, 'k')
    const text = readFileSync(file, 'utf8')
    const stored = JSON.parse(text) as {key: string; entries: [string, unknown][]}
    const damaged = [
      text.slice(0, text.length / 2),
      'null',
      JSON.stringify({key: 'k', entries: [1, 2]}),
      JSON.stringify({...stored, entries: stored.entries.map(([yaml]) => [yaml, 'text'])}),
      JSON.stringify({...stored, entries: stored.entries.map(([yaml]) => [yaml, null])}),
      JSON.stringify({...stored, entries: stored.entries.map(([yaml]) => [yaml, ['a']])}),
    ]
    for (const content of damaged) {
      writeFileSync(file, content)
      const again = await run(file, 'k')
      expect(again.counts, content).toEqual({parsed: 2, remembered: 0})
      expect(again.data).toEqual(data)
    }
  })

  it('keeps only the front matter the last run read', async () => {
    const file = frontMatterFile(join(scratch, 'forget'), 'production')
    await run(file, 'k')
    await run(file, 'k', PAGES.slice(1))
    expect((await run(file, 'k')).counts).toEqual({parsed: 1, remembered: 1})
  })

  it('gives each remembered value to one page, so two pages never share one object', async () => {
    const file = frontMatterFile(join(scratch, 'twice'), 'production')
    const same = [PAGES[0], PAGES[0].replace('One.', 'Another.')]
    await run(file, 'k', same)
    const {data, counts} = await run(file, 'k', same)
    expect(counts).toEqual({parsed: 1, remembered: 1})
    expect(data[0]).toEqual(data[1])
    expect(data[0]).not.toBe(data[1])
  })

  it('never remembers values JSON would change (.inf, .nan): they are parsed every time', async () => {
    const file = frontMatterFile(join(scratch, 'json'), 'production')
    const pages = ['---\ntitle: A\nlimit: .inf\n---\n', '---\ntitle: B\nz: .nan\n---\n', PAGES[0]]
    await run(file, 'k', pages)
    const stored = JSON.parse(readFileSync(file, 'utf8')) as {entries: [string, unknown][]}
    expect(stored.entries.map(([yaml]) => yaml)).toEqual([
      '---\ntitle: One\nnav_order: 1\ntags: [a, b]\n',
    ])
    const {data, counts} = await run(file, 'k', pages)
    expect(counts).toEqual({parsed: 2, remembered: 1})
    expect(data[0].limit).toBe(Infinity)
    expect(data[1].z).toBeNaN()
  })

  it('tells values JSON keeps from those it does not', () => {
    expect(survivesJson({a: [1, 'b', null, true, {c: 2.5}]})).toBe(true)
    // The Liquid site's lists by name have no prototype; JSON gives the same members back.
    expect(survivesJson({data: Object.assign(Object.create(null), {a: [1]}) as object})).toBe(true)
    for (const value of [NaN, Infinity, -0, {a: [-Infinity]}, new Date(0), undefined])
      expect(survivesJson(value), String(value)).toBe(false)
    // A site's snapshot of 200,000 pages: as many plans in one list.
    const plans = Array.from({length: 200_000}, (_, id) => ({id}))
    expect(survivesJson({plans})).toBe(true)
    expect(survivesJson({plans: [...plans, {id: NaN}]})).toBe(false)
  })
})
