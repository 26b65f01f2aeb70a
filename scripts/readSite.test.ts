import {mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {importSite} from '../importer/index.ts'
import {portableTextToPlainText} from '../importer/body/plain-text.ts'
import type {PortableTextItem} from '../importer/types.ts'
import {escapeName, filesBytes, readSite} from './readSite.ts'

const page = (title: string) => `---\ntitle: ${title}\n---\n\nText.\n`

describe('readSite', () => {
  let base: string
  let site: string
  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'read-site-'))
    site = join(base, 'site')
    mkdirSync(join(site, 'docs'), {recursive: true})
    mkdirSync(join(base, 'elsewhere'))
    writeFileSync(join(base, 'elsewhere', 'secret.md'), page('Secret'))
    writeFileSync(join(site, '_config.yml'), 'title: Site\n')
    writeFileSync(join(site, 'index.md'), page('Home'))
    writeFileSync(join(site, 'docs', 'intro.md'), page('Intro'))
    writeFileSync(join(site, 'docs', 'notes.txt'), 'not a page')
    // Latin-1 names: "café.md" and a folder "résumé" holding a page.
    writeFileSync(Buffer.from(`${site}/docs/caf\xe9.md`, 'latin1'), page('Cafe'))
    mkdirSync(Buffer.from(`${site}/r\xe9sum\xe9`, 'latin1'))
    writeFileSync(Buffer.from(`${site}/r\xe9sum\xe9/cv.md`, 'latin1'), page('CV'))
    writeFileSync(Buffer.from(`${site}/docs/\xff.png`, 'latin1'), 'an image is not read')
    symlinkSync(join(site, 'docs', 'intro.md'), join(site, 'again.md'))
    symlinkSync(join(base, 'elsewhere', 'secret.md'), join(site, 'docs', 'secret.md'))
    symlinkSync(join(base, 'elsewhere'), join(site, 'outside-folder'))
    symlinkSync(join(site, 'docs'), join(site, 'docs-again'))
    symlinkSync(join(site, 'missing.md'), join(site, 'dangling.md'))
  })
  afterAll(() => rmSync(base, {recursive: true, force: true}))

  it('escapes the bytes of a name that are not UTF-8 and keeps the rest as text', () => {
    expect(escapeName(Buffer.from('caf\xe9 ok é.md', 'latin1'))).toBe('caf\\xE9 ok \\xE9.md')
    expect(escapeName(Buffer.from('naïve-🚀.md'))).toBe('naïve-🚀.md')
  })

  it('reads the site files, reporting names that are not UTF-8 with their path and going on', async () => {
    const {files, problems} = await readSite(site)
    expect(files.map((file) => file.path).sort()).toEqual([
      '_config.yml',
      'again.md',
      'docs/intro.md',
      'index.md',
    ])
    const unreadable = problems.filter((p) => p.code === 'name-not-utf8')
    expect(unreadable.map((p) => [p.severity, p.file]).sort()).toEqual([
      ['error', 'docs/caf\\xE9.md'],
      ['error', 'r\\xE9sum\\xE9'],
    ])
    expect(unreadable[0].message).toMatch(/expected a UTF-8 name/)
  })

  it('says how many files it will read, and counts the bytes they hold', async () => {
    const listed: number[] = []
    const {files} = await readSite(site, {listed: (count) => listed.push(count)})
    expect(listed).toEqual([files.length])
    const sizes = files.map((file) => file.bytes!.length)
    expect(Math.min(...sizes)).toBeGreaterThan(0)
    expect(filesBytes(files)).toBe(sizes.reduce((sum, size) => sum + size, 0))
    // A file given as text (as tests give them) holds no bytes to count.
    expect(filesBytes([...files, {path: 'text.md', text: 'Text.'}])).toBe(filesBytes(files))
  })

  it('reads an .html file that opens with front matter, as Jekyll reads its first line, and lists any other as a static file', async () => {
    const html = mkdtempSync(join(tmpdir(), 'read-site-html-'))
    try {
      writeFileSync(join(html, 'calc.html'), '---\ntitle: Calculator\n---\n<p>Sum</p>\n')
      writeFileSync(join(html, 'crlf.htm'), '---  \r\ntitle: Old\r\n---\r\n')
      writeFileSync(join(html, 'generated.html'), '<html><body>API</body></html>\n')
      writeFileSync(join(html, 'rule.html'), '--- not front matter\n')
      writeFileSync(join(html, 'bom.html'), '\ufeff---\ntitle: BOM\n---\n')
      const {files, others} = await readSite(html)
      expect(files.map((file) => file.path).sort()).toEqual(['calc.html', 'crlf.htm'])
      expect([...others].sort()).toEqual(['bom.html', 'generated.html', 'rule.html'])
    } finally {
      rmSync(html, {recursive: true, force: true})
    }
  })

  it('reads a link to a page inside the site under its own path, and refuses links out of it, each reported with its target', async () => {
    const {files, problems} = await readSite(site)
    const again = files.find((file) => file.path === 'again.md')
    expect(Buffer.from(again!.bytes!).toString()).toBe(page('Intro'))
    const links = problems
      .filter((p) => p.code.startsWith('symlink'))
      .map((p) => [p.code, p.file, p.severity])
      .sort()
    expect(links).toEqual([
      ['symlink-broken', 'dangling.md', 'warning'],
      ['symlink-folder', 'docs-again', 'warning'],
      ['symlink-outside-site', 'docs/secret.md', 'warning'],
      ['symlink-outside-site', 'outside-folder', 'warning'],
      ['symlink-read', 'again.md', 'warning'],
    ])
    const outside = problems.find((p) => p.file === 'docs/secret.md')!
    expect(outside.message).toContain(join(base, 'elsewhere', 'secret.md'))
    expect(problems.find((p) => p.file === 'again.md')!.message).toContain('docs/intro.md')
  })
})

describe('readSite and {% include_relative %}', () => {
  let base: string
  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'read-site-relative-'))
    mkdirSync(join(base, 'site', 'docs', 'code'), {recursive: true})
    mkdirSync(join(base, 'elsewhere'))
    writeFileSync(join(base, 'elsewhere', 'secret.py'), 'SECRET = 1\n')
    writeFileSync(join(base, 'site', '_config.yml'), 'title: Site\n')
    writeFileSync(
      join(base, 'site', 'docs', 'lab.md'),
      '---\ntitle: Lab\n---\n```python\n{% include_relative code/example.py %}\n```\n{% include_relative code/leak.py %}\n{% include_relative ../../elsewhere/secret.py %}\n',
    )
    writeFileSync(join(base, 'site', 'docs', 'code', 'example.py'), 'print(1)\n')
    writeFileSync(join(base, 'site', 'docs', 'code', 'unused.py'), 'print(2)\n')
    symlinkSync(join(base, 'elsewhere', 'secret.py'), join(base, 'site', 'docs', 'code', 'leak.py'))
    // A file name only Liquid knows, in an include of an include (just-the-docs-tests' profiles).
    mkdirSync(join(base, 'site', '_includes'))
    mkdirSync(join(base, 'site', 'runs', 'fast'), {recursive: true})
    mkdirSync(join(base, 'site', 'other'))
    writeFileSync(
      join(base, 'site', 'runs', 'index.md'),
      '---\ntitle: Runs\n---\n{% include row.md run="fast" %}\n',
    )
    writeFileSync(
      join(base, 'site', '_includes', 'row.md'),
      'Run: {% include time.md run=include.run %}\n',
    )
    writeFileSync(
      join(base, 'site', '_includes', 'time.md'),
      '{%- capture t -%}{% include_relative {{ include.run }}/time.txt %}{%- endcapture -%}{{ t | strip }} s',
    )
    writeFileSync(join(base, 'site', 'runs', 'fast', 'time.txt'), '  42  \n')
    writeFileSync(join(base, 'site', 'other', 'time.txt'), '7\n')
  })
  afterAll(() => rmSync(base, {recursive: true, force: true}))

  it('reads the files pages include beside them, and nothing outside the site or not named', async () => {
    const {files} = await readSite(join(base, 'site'))
    const paths = files.map((file) => file.path)
    expect(paths).toContain('docs/code/example.py')
    expect(paths).not.toContain('docs/code/unused.py')
    expect(paths).not.toContain('docs/code/leak.py')
    expect(paths.some((path) => path.includes('secret'))).toBe(false)
  })

  it('reads the files beside a page whose include makes the file name with Liquid, and shows them', async () => {
    const {files} = await readSite(join(base, 'site'))
    const paths = files.map((file) => file.path)
    expect(paths).toContain('runs/fast/time.txt')
    expect(paths).not.toContain('other/time.txt')
    const {documents, diagnostics} = importSite(files)
    const runs = documents.find((doc) => doc.title === 'Runs')
    expect(portableTextToPlainText((runs?.body ?? []) as PortableTextItem[])).toBe('Run: 42 s')
    expect(diagnostics.filter((d) => d.file === 'runs/index.md')).toMatchObject([
      {code: 'liquid-evaluated'},
    ])
  })
})
