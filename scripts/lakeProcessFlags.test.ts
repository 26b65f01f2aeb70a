import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

const scripts = (
  JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as {
    scripts: Record<string, string>
  }
).scripts

/**
 * A lake serving clients keeps V8's young generation small (4 MB semi-spaces): a patch by query
 * over 50,000 documents keeps every version it makes alive until its commit, and with Node's
 * default young generation each scavenge copied tens of MB of them, holding the event loop for
 * 60–70 ms at a time (a cheap query's p99 during the patch 56–66 ms, against 36 ms with it).
 */
const LAKE_NODE = 'node --max-semi-space-size=4 '

/**
 * Node's compile cache, set before Node starts so that the entry's modules and every worker
 * thread's (the writer, the query workers) are neither type-stripped nor compiled again: a lake
 * started, answered its first query and used 0.93 s of CPU with it against 1.37 s without (6
 * alternating runs each, medians), the query answered about 0.3 s sooner.
 */
const COMPILE_CACHE = 'NODE_COMPILE_CACHE=${NODE_COMPILE_CACHE:-node_modules/.cache/node} '

/** The command of an npm script after the compile cache's setting. */
const command = (name: string) => scripts[name]!.replace(COMPILE_CACHE, '')

describe('the processes that serve a lake', () => {
  it('run with a small young generation: npm run lake, studio and dev', () => {
    for (const name of ['lake', 'studio', 'dev'])
      expect(command(name)).toMatch(new RegExp(`^${LAKE_NODE}`))
  })

  it('are what bench:lake measures: it runs its lake with the same flags', () => {
    expect(scripts['bench:lake']).toMatch(new RegExp(`^${LAKE_NODE}`))
  })

  it("start with Node's compile cache, as the import does: npm run lake, studio, dev and query", () => {
    for (const name of ['lake', 'studio', 'dev', 'query', 'import'])
      expect(scripts[name]!.startsWith(COMPILE_CACHE)).toBe(true)
  })
})
