import {describe, expect, it} from 'vitest'

import {bracketSpacedAddresses} from './kramdown-links.ts'

describe('bracketSpacedAddresses', () => {
  it('brackets an address with spaces, up to its balanced closing parenthesis', () => {
    expect(bracketSpacedAddresses('[Homework 1](hw/Problems 1 (5).pdf), [b](c)')).toBe(
      '[Homework 1](<hw/Problems 1 (5).pdf>), [b](c)',
    )
  })

  it('keeps a title after the bracketed address', () => {
    expect(bracketSpacedAddresses('![a](figure one.png "One")')).toBe(
      '![a](<figure one.png> "One")',
    )
  })

  it('leaves code spans, escaped brackets, unopened brackets and unclosed addresses alone', () => {
    for (const line of [
      '`[a](b c)` in code',
      '\\[not a link](b c)',
      'no opening](b c)',
      '[open](b c',
      '[angle](<b c>)',
    ]) {
      expect(bracketSpacedAddresses(line)).toBe(line)
    }
  })
})
