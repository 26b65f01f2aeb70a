import {applyPatch} from 'mendoza'
import {describe, expect, it} from 'vitest'
import {mendozaDiff} from './mendoza.ts'

const cases: Array<[string, unknown, unknown]> = [
  ['creates a document from nothing', null, {_id: 'a', title: 'x'}],
  ['deletes a document', {_id: 'a'}, null],
  ['changes, adds and removes fields', {a: 1, b: 2, z: [1]}, {a: 1, b: 3, c: 'new'}],
  [
    'diffs nested objects',
    {n: {x: 1, y: {deep: true}}, k: 1},
    {n: {x: 2, y: {deep: false, more: 1}}, k: 1},
  ],
  ['replaces arrays and type changes', {list: [1, 2], v: {a: 1}}, {list: [2], v: 'text'}],
]

describe('mendozaDiff', () => {
  for (const [name, left, right] of cases) {
    it(`produces a patch the mendoza decoder applies: ${name}`, () => {
      expect(applyPatch(left, mendozaDiff(left, right))).toEqual(right)
      expect(applyPatch(right, mendozaDiff(right, left))).toEqual(left)
    })
  }
})
