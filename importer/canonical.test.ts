import {describe, expect, it} from 'vitest'

import {generateSite} from '../scripts/bench-site.ts'
import {canonicalHash, canonicalJson} from './canonical.ts'
import {importSite} from './index.ts'

/** The definition: `JSON.stringify` with every object's keys sorted, through a replacer. */
const reference = (value: unknown) =>
  JSON.stringify(value, (_key, member: unknown) =>
    member && typeof member === 'object' && !Array.isArray(member)
      ? Object.fromEntries(
          Object.keys(member)
            .sort()
            .map((key) => [key, (member as Record<string, unknown>)[key]]),
        )
      : member,
  ) ?? 'null'

/** A small deterministic generator of JSON-like values, keys in random order. */
function randomValue(seed: number, depth = 0): unknown {
  let state = seed
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648
  const keys = ['_type', '_key', 'b', 'a', 'text', 'k"q', 'é', '', 'children', 'x\n']
  const make = (level: number): unknown => {
    const pick = next()
    if (level > 3 || pick < 0.3) {
      const leaf = next()
      if (leaf < 0.2) return null
      if (leaf < 0.3) return undefined
      if (leaf < 0.5) return Math.round(next() * 1000) / 10 - 50
      if (leaf < 0.6) return next() < 0.5
      return `s${Math.floor(next() * 100)}${next() < 0.2 ? ' "\\ \u00e9 \ud83d\ude00\n' : ''}`
    }
    if (pick < 0.55) return Array.from({length: Math.floor(next() * 4)}, () => make(level + 1))
    const out: Record<string, unknown> = {}
    for (let i = Math.floor(next() * 5); i > 0; i--) {
      out[keys[Math.floor(next() * keys.length)]] = make(level + 1)
    }
    return out
  }
  return make(depth)
}

describe('canonicalJson', () => {
  it('is JSON.stringify with sorted keys on 2,000 generated values', () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const value = randomValue(seed)
      expect(canonicalJson(value), `seed ${seed}`).toBe(reference(value))
    }
  })

  it('sorts few and many keys alike', () => {
    for (const count of [2, 7, 24, 25, 300]) {
      const keys = Array.from({length: count}, (_, i) => `k${(i * 7919) % count}`)
      const value = {
        nested: Object.fromEntries(keys.map((key, i) => [key, i % 2 ? [key] : {[key]: i}])),
      }
      expect(canonicalJson(value), `${count} keys`).toBe(reference(value))
    }
  })

  it('sorts integer-like keys by their text, as the hashes datasets store were made', () => {
    const many = Object.fromEntries(Array.from({length: 30}, (_, i) => [String(30 - i), i]))
    for (const value of [{9: 'a', 10: 'b', a: 'c'}, many]) {
      const text = canonicalJson(value)
      const keys = Object.keys(JSON.parse(text) as object)
      expect(text).toBe(
        `{${keys
          .sort()
          .map((key) => `"${key}":${JSON.stringify((value as Record<string, unknown>)[key])}`)
          .join(',')}}`,
      )
      expect(text.startsWith('{"1')).toBe(true)
    }
  })

  it('is the same text for the same content in any key order', () => {
    expect(canonicalJson({b: 1, a: {d: [1, {f: 2, e: 3}], c: null}})).toBe(
      canonicalJson({a: {c: null, d: [1, {e: 3, f: 2}]}, b: 1}),
    )
  })

  it('is JSON.stringify with sorted keys on every document of an imported site', () => {
    const {documents} = importSite(generateSite(40, 3))
    for (const doc of documents) expect(canonicalJson(doc)).toBe(reference(doc))
  })
})

describe('canonicalHash', () => {
  it('keeps the hash that datasets already store (the canonical part of source.importHash)', () => {
    const doc = {
      _type: 'lesson',
      title: 'Zebra "quoted" \u00e9 \ud83d\ude00',
      b: [1, {y: null, x: undefined, a: [true, false, 0.5]}],
      a: {'k\n': 'v', '': 1},
      n: -0,
    }
    expect(canonicalHash(doc)).toBe('891dd87dc55ba97a6eb32fa7e8e98bb1239c9bd8')
  })
})
