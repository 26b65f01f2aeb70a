import {execFile} from 'node:child_process'
import {join} from 'node:path'
import {promisify} from 'node:util'

import {describe, expect, it} from 'vitest'

const root = join(import.meta.dirname, '..')
const seed = 'queries/fixtures/seed.ndjson'

async function query(...args: string[]): Promise<{code: number; stdout: string; stderr: string}> {
  try {
    const {stdout, stderr} = await promisify(execFile)(
      process.execPath,
      ['scripts/query.ts', ...args],
      {cwd: root, env: {...process.env, NO_COLOR: '1'}},
    )
    return {code: 0, stdout, stderr}
  } catch (error) {
    const failed = error as {code: number; stdout: string; stderr: string}
    return {code: failed.code, stdout: failed.stdout, stderr: failed.stderr}
  }
}

describe('npm run query', () => {
  it('runs a named query with --param and prints JSON', async () => {
    const result = await query(
      'lessonPage',
      '--param',
      'slug=core-responsibilities-of-a-product-manager',
      '--dataset',
      seed,
    )
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({
      title: 'Core Responsibilities of a Product Manager',
      previous: {slug: 'what-is-product-management'},
    })
  })

  it('runs GROQ with repeated --param values through the chosen perspective', async () => {
    const result = await query(
      '*[_type == $type && slug.current in $slugs].name',
      '--param',
      'type=tool',
      '--param=slugs=["jira","zoom"]',
      '--perspective',
      'raw',
      '--dataset',
      seed,
    )
    expect(JSON.parse(result.stdout).sort()).toEqual(['Jira', 'Zoom'])
  })

  it('shows a syntax error with a caret under its position and exits non-zero', async () => {
    const result = await query('*[_type == "lesson"]{title,, slug}', '--dataset', seed)
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain(
      '1 | *[_type == "lesson"]{title,, slug}\n  |                           ^',
    )
  })

  it('prints the usage and what is missing when a parameter has no value', async () => {
    const result = await query('lessonPage', '--dataset', seed)
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('USAGE')
    expect(result.stderr).toContain('Cannot run lessonPage, expected a value for $slug')
  })
})
