import {spawnSync} from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

const ROOT = join(import.meta.dirname, '..')

// Runs that sync write into this scratch lake, never into the repository's `.lake`.
const LAKE_DIR = mkdtempSync(join(tmpdir(), 'import-lake-'))

function run(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {...process.env, LAKE_DIR, SANITY_PROJECT_ID: '', SANITY_API_TOKEN: ''},
  })
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

// Each case starts the CLI (tsx + Sanity schema): slow on a busy machine.
describe('npm run import', {timeout: 180_000}, () => {
  it('writes the seed site as NDJSON, one valid document per line, and exits 0', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'import-')), 'seed.ndjson')
    const {code, stdout} = run('content', '--out', out)
    expect(code).toBe(0)
    const lines = readFileSync(out, 'utf8').trim().split('\n')
    const docs = lines.map((line) => JSON.parse(line) as {_id: string; _type: string})
    expect(docs.map((doc) => doc._type)).toEqual(
      expect.arrayContaining(['course', 'module', 'lesson']),
    )
    expect(docs.every((doc) => /^[a-zA-Z0-9_-]+$/.test(doc._id))).toBe(true)
    expect(stdout).toMatch(/Pages read: 3 of 3 markdown files/)
  })

  it('reports malformed pages at file:line:column, exits 1, and still writes the rest atomically', () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-'))
    cpSync(join(ROOT, 'importer/fixtures/site-malformed/input'), join(dir, 'site'), {
      recursive: true,
    })
    const out = join(dir, 'out.ndjson')
    writeFileSync(out, 'previous contents\n')
    const {code, stderr} = run(join(dir, 'site'), '--out', out)
    expect(code).toBe(1)
    expect(stderr).toMatch(/course\/tab\.md:3:1: error: Cannot parse the front matter/)
    expect(stderr).toMatch(/course\/binary\.md:1:1: error: Cannot read this page/)
    expect(stderr).toMatch(/course\/latin1\.md:2:9: error: .*invalid byte sequence/)
    // Jekyll publishes a file whose `---` follows a byte-order mark as it is, not as a page.
    expect(stderr).toMatch(/front-matter-bom\s+1\s+course\/bom\.md:1/)
    expect(readFileSync(out, 'utf8')).toMatch(/"title":"Wrong types"/)
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('reads _includes/ (any extension, nested folders) for {% include %}, never as pages', () => {
    const site = join(mkdtempSync(join(tmpdir(), 'import-')), 'site')
    const write = (path: string, text: string) => {
      mkdirSync(join(site, path, '..'), {recursive: true})
      writeFileSync(join(site, path), text)
    }
    write('_config.yml', 'title: Site\n')
    write(
      'index.md',
      '---\ntitle: Home\n---\n\n{% include parts/tip.html text="Pair up." %}\n\nRead [the guide][guide].\n\n{% include links.md %}\n',
    )
    write('_includes/parts/tip.html', '<p>{{ include.text }}</p>\n')
    write('_includes/links.md', '[guide]: https://example.org/guide\n')
    write('_includes/titled.md', '---\ntitle: Not a page\n---\n')
    const out = join(site, '..', 'out.ndjson')
    const {code, stderr} = run(site, '--out', out)
    expect(code, stderr).toBe(0)
    const written = readFileSync(out, 'utf8')
    expect(written).toContain('"text":"Pair up."')
    expect(written).toContain('"href":"https://example.org/guide"')
    // Resolved in the body; the tag itself is kept only as where those blocks came from.
    const bodies = written
      .trim()
      .split('\n')
      .map((line) => JSON.stringify((JSON.parse(line) as {body?: unknown}).body ?? null))
    expect(bodies.join('\n')).not.toContain('{% include')
    expect(written).toContain('"tag":"{% include parts/tip.html text=\\"Pair up.\\" %}"')
    expect(written).not.toContain('Not a page')
  })

  it('summarises warnings by code, and --json carries every diagnostic with its place and code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-'))
    cpSync(join(ROOT, 'importer/fixtures/site-malformed/input'), join(dir, 'site'), {
      recursive: true,
    })
    const out = join(dir, 'out.ndjson')
    const text = run(join(dir, 'site'), '--out', out)
    expect(text.stderr).toMatch(/Warnings by code \(--verbose lists every one\):/)
    const json = run(join(dir, 'site'), '--out', out, '--json')
    expect(json.stdout, json.stderr).toMatch(/^{/)
    const report = JSON.parse(json.stdout) as {
      diagnostics: {file: string; line?: number; code: string; severity: string}[]
    }
    const warnings = report.diagnostics.filter((d) => d.severity === 'warning')
    expect(warnings.length).toBeGreaterThan(0)
    for (const d of warnings) expect(text.stderr).toContain(`  ${d.code} `)
    expect(report.diagnostics).toContainEqual(
      expect.objectContaining({file: 'course/tab.md', line: 3, severity: 'error'}),
    )
  })

  it('reports kept HTML and an image in a table once: the Studio rules on their blocks do not repeat them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-'))
    mkdirSync(join(dir, 'site'))
    writeFileSync(join(dir, 'site', '_config.yml'), 'title: Workshop\n')
    writeFileSync(
      join(dir, 'site', 'index.md'),
      '---\ntitle: Choices\n---\n\nA choice:\n\n<div class="example">\n<select name="level"><option>One</option></select>\n</div>\n\n| Icon | Name |\n|---|---|\n| x | y |\n| ![](icon.gif) | Icon |\n\n- Steps\n\n  <div class="x">\n\n  Never closed.\n',
    )
    const json = run(join(dir, 'site'), '--out', join(dir, 'out.ndjson'), '--json')
    expect(json.code, json.stderr).toBe(0)
    const report = JSON.parse(json.stdout) as {diagnostics: {code: string; line?: number}[]}
    // The block opens on line 7 with the <div>, the importer names the <select> on line 8; the
    // table opens on line 11, the importer names the image on line 14; nothing closes the <div>
    // in the list item, kept as HTML.
    expect(report.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['raw-html', 8],
      ['image-alt-missing', 14],
      ['unclosed-html', 18],
    ])
  })

  it('writes nothing on --dry-run and fails on warnings with --strict', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'import-')), 'none.ndjson')
    const dry = run('content', '--dry-run', '--out', out)
    expect(dry.code).toBe(0)
    expect(existsSync(out)).toBe(false)
    expect(run('content', '--dry-run', '--strict').code).toBe(1)
  })

  it('imports into the local dataset by default, then makes no mutation when nothing changed', () => {
    const first = run('content')
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(/Created\s+36\b/)
    // Nothing else writes this file's lake: a new dataset is asked nothing (no query worker).
    expect(first.stdout).toMatch(/Requests: 0 queries, \d+ mutation requests/)
    const second = run('content')
    expect(second.code).toBe(0)
    expect(second.stdout).toMatch(/Unchanged\s+36\b/)
    expect(second.stdout).toMatch(/0 mutation requests/)
  })

  it('refuses an --out in a missing folder or naming a folder before reading the site', () => {
    const missing = run('content', '--out', join(tmpdir(), 'no-such-folder-x', 'out.ndjson'))
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/Cannot write --out .*expected a file in an existing folder/)
    expect(missing.stderr).not.toMatch(/ENOENT|\bat async\b/)
    const folder = run('content', '--out', tmpdir())
    expect(folder.code).toBe(1)
    expect(folder.stderr).toMatch(/expected a file name, but it is a folder/)
  })

  it('prints usage and a specific message for a missing folder', () => {
    const {code, stdout, stderr} = run('no-such-folder')
    expect(code).toBe(1)
    expect(stdout + stderr).toMatch(/USAGE/)
    expect(stderr).toMatch(/Cannot read the site folder "no-such-folder"/)
  })

  it('refuses a --workers that is not a whole number before reading the site', () => {
    const {code, stdout, stderr} = run('content', '--workers', 'two', '--out', tmpdir())
    expect(code).toBe(1)
    expect(stdout + stderr).toMatch(/USAGE/)
    expect(stderr).toMatch(/Cannot use --workers two, expected a whole number from 0 to 64\./)
  })

  it('strips the types of its own TypeScript files once: npm run import starts with the compile cache on', () => {
    // Node's compile cache says what it read and wrote; without NODE_COMPILE_CACHE from the start,
    // scripts/import.ts and its imports were stripped again on every run (before the cache was on).
    const {NODE_COMPILE_CACHE: _chosen, ...inherited} = process.env
    const env = {...inherited, NODE_DEBUG_NATIVE: 'COMPILE_CACHE'}
    const help = () =>
      spawnSync('npm', ['run', '--silent', 'import', '--', '--help'], {
        cwd: ROOT,
        encoding: 'utf8',
        env,
      })
    expect(help().status).toBe(0)
    const again = help()
    expect(again.status, again.stderr).toBe(0)
    const stripped = again.stderr.split('\n').filter((line) => line.includes('StrippedTypeScript'))
    const entry = 'retrieving transpile cache for StrippedTypeScript file://'
    expect(
      stripped.some(
        (line) => line.includes(entry) && line.includes('/scripts/import.ts...success'),
      ),
      again.stderr,
    ).toBe(true)
    expect(stripped.filter((line) => /saving transpilation cache/.test(line))).toEqual([])
  })
})
