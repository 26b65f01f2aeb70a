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

describe('the processes that serve a lake', () => {
  it('run with a small young generation: npm run lake, studio and dev', () => {
    for (const name of ['lake', 'studio', 'dev'])
      expect(scripts[name]).toMatch(new RegExp(`^${LAKE_NODE}`))
  })

  it('are what bench:lake measures: it runs its lake with the same flags', () => {
    expect(scripts['bench:lake']).toMatch(new RegExp(`^${LAKE_NODE}`))
  })
})
