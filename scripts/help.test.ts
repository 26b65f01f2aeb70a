import {spawnSync} from 'node:child_process'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {RECORD_LOADS} from '../testing/recordLoads.ts'

const ROOT = join(import.meta.dirname, '..')

/** Each command's entry, a flag its usage lists, and the module its run loads. */
const COMMANDS = [
  {script: 'query.ts', flag: '--perspective', run: 'scripts/queryRun.ts'},
  {script: 'lake.ts', flag: '--seed', run: 'scripts/lakeRun.ts'},
  {script: 'bench-lake.ts', flag: '--abuse', run: 'scripts/bench-lake-run.ts'},
  {script: 'bench-page.ts', flag: '--sizes', run: 'scripts/bench-page-run.ts'},
  {script: 'site.ts', flag: '--perspective', run: 'scripts/siteRun.ts'},
  {script: 'fidelity.ts', flag: '--emulate-liquid', run: 'scripts/fidelityRun.ts'},
  {script: 'roundtrip.ts', flag: '--placeholders', run: 'scripts/roundtripRun.ts'},
  {script: 'studio.ts', flag: '--port', run: 'scripts/studioBuild.ts'},
  {script: 'dev.ts', flag: '--studioPort', run: 'scripts/lakeCommand.ts'},
]

/** Folders and packages that only a command's run needs. */
const HEAVY = ['/lake/', '/importer/', '/render/', '/fidelity/', '/exporter/', '/node_modules/tsx/']

describe('--help of each command', () => {
  it.each(COMMANDS)('$script prints its usage and exits 0 without loading its run', (command) => {
    const result = spawnSync(
      process.execPath,
      ['--import', RECORD_LOADS, join('scripts', command.script), '--help'],
      {cwd: ROOT, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}},
    )
    expect(result.stderr).toMatch(/^LOADED /m)
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('USAGE')
    expect(result.stdout).toContain(command.flag)
    const loaded: string[] = JSON.parse(result.stderr.split('LOADED ')[1])
    expect(loaded.some((url) => url.endsWith(`/scripts/${command.script}`))).toBe(true)
    const heavy = loaded.filter(
      (url) => url.endsWith(command.run) || HEAVY.some((folder) => url.includes(folder)),
    )
    expect(heavy).toEqual([])
  })
})
