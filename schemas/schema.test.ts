import {execFile} from 'node:child_process'
import {readFile, rm} from 'node:fs/promises'
import {join, relative} from 'node:path'
import {promisify} from 'node:util'

import {afterAll, describe, it} from 'vitest'

import {scratchDir} from '../testing/artifacts.ts'

const run = promisify(execFile)
const root = join(import.meta.dirname, '..')
const sanity = join(root, 'node_modules', '.bin', 'sanity')
const env = {...process.env, DO_NOT_TRACK: '1', NO_COLOR: '1'}

// Every Sanity CLI command loads the Studio config afresh: about ten seconds of CPU each. The
// two checks run side by side, and on a busy two-core machine they get the time they need.
describe('the content model', {concurrent: true, timeout: 600_000}, () => {
  let scratch: string | undefined
  afterAll(async () => {
    if (scratch) await rm(scratch, {recursive: true, force: true})
  })

  it("passes Sanity's own schema validation with zero errors and zero warnings", async ({
    expect,
  }) => {
    const {stdout} = await run(sanity, ['schema', 'validate', '--format', 'json'], {cwd: root, env})
    expect(JSON.parse(stdout)).toEqual([])
  })

  it('matches the committed schema.json and sanity.types.ts (run `npm run typegen` if not)', async ({
    expect,
  }) => {
    scratch = await scratchDir('typegen-')
    // Relative paths: the CLI reads `--path` relative to the project even when it is absolute.
    const schema = relative(root, join(scratch, 'schema.json'))
    const types = relative(root, join(scratch, 'sanity.types.ts'))
    await run(sanity, ['schema', 'extract', `--path=${schema}`, '--enforce-required-fields'], {
      cwd: root,
      env,
    })
    await run(sanity, ['typegen', 'generate'], {
      cwd: root,
      env: {...env, TYPEGEN_SCHEMA: `./${schema}`, TYPEGEN_OUT: `./${types}`},
    })
    const [freshSchema, committedSchema, freshTypes, committedTypes] = await Promise.all(
      [schema, 'schema.json', types, 'sanity.types.ts'].map((file) =>
        readFile(join(root, file), 'utf8'),
      ),
    )
    expect(JSON.parse(freshSchema), 'schema.json is stale').toEqual(JSON.parse(committedSchema))
    // The generated header names the schema file it read; only that line may differ.
    const fresh = freshTypes.replace(`// Source: ${schema}`, '// Source: schema.json')
    expect(fresh, 'sanity.types.ts is stale').toBe(committedTypes)
  })
})
