import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

const ROOT = join(import.meta.dirname, '..')

function run(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {...process.env, SANITY_PROJECT_ID: '', SANITY_API_TOKEN: ''},
  })
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

const page = (title: string, body = 'Text.\n') => `---\ntitle: ${title}\n---\n\n${body}`

// Starts the CLI (tsx + the Studio's schema): slow on a busy machine.
describe('npm run import with hostile pages', {timeout: 180_000}, () => {
  it('reports a page over a limit and a name that is not UTF-8 with their paths, exits 1 and writes the rest', () => {
    const site = mkdtempSync(join(tmpdir(), 'import-limits-'))
    mkdirSync(join(site, 'docs'))
    writeFileSync(join(site, '_config.yml'), 'title: Hostile\n')
    writeFileSync(join(site, 'index.md'), page('Home'))
    writeFileSync(join(site, 'docs', 'big.md'), page('Big', 'A line of prose.\n'.repeat(200)))
    writeFileSync(Buffer.from(`${site}/docs/caf\xe9.md`, 'latin1'), page('Cafe'))
    const out = join(site, 'out.ndjson')
    const {code, stdout, stderr} = run(site, '--out', out, '--max-page-kb', '2', '--no-cache')
    expect(stderr).toMatch(/docs\/big\.md:\d+:1: error: .*limit `maxPageBytes`/)
    expect(stderr).toContain('--max-page-kb')
    expect(stderr).toMatch(/docs\/caf\\xE9\.md: error: Cannot read the file .*UTF-8 name/)
    expect(stderr).not.toMatch(/ENOENT|at async/)
    expect(code).toBe(1)
    const ids = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as {_id: string})._id)
    expect(ids).toContain('course-index')
    expect(stdout).toMatch(/1 unreadable/)
  })

  it('rejects a limit flag that is not a positive number with usage and exit 1', () => {
    const {code, stderr} = run('content', '--max-nesting', 'deep', '--dry-run', '--out', 'x')
    expect(code).toBe(1)
    expect(stderr).toContain('Cannot use --max-nesting deep, expected a positive number.')
  })
})
