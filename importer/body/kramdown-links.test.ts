import {describe, expect, it} from 'vitest'

import {
  bracketSpacedAddresses,
  bracketSpacedDefinition,
  mayNestLinks,
  nestedLinksAsText,
} from './kramdown-links.ts'

describe('bracketSpacedAddresses', () => {
  it('brackets an address with spaces, up to its balanced closing parenthesis', () => {
    expect(bracketSpacedAddresses('[Homework 1](hw/Problems 1 (5).pdf), [b](c)')).toEqual({
      line: '[Homework 1](<hw/Problems 1 (5).pdf>), [b](c)',
      open: 0,
    })
  })

  it('keeps a title after the bracketed address', () => {
    expect(bracketSpacedAddresses('![a](figure one.png "One")')).toEqual({
      line: '![a](<figure one.png> "One")',
      open: 0,
    })
  })

  it('escapes the angle brackets inside a spaced address, as kramdown takes them for its text', () => {
    expect(bracketSpacedAddresses('by [email](mailto: <me@example.com>) or')).toEqual({
      line: 'by [email](<mailto: \\<me@example.com\\>>) or',
      open: 0,
    })
  })

  it('leaves code spans, escaped brackets, unopened brackets and unclosed addresses alone', () => {
    for (const line of [
      '`[a](b c)` in code',
      '\\[not a link](b c)',
      'no opening](b c)',
      '[angle](<b c>)',
    ]) {
      expect(bracketSpacedAddresses(line)).toEqual({line, open: 0})
    }
    expect(bracketSpacedAddresses('[open](b c')).toEqual({line: '[open](b c', open: 0})
  })

  it('reads backticks that open no code span as text: one alone between spaces, or never closed', () => {
    expect(bracketSpacedAddresses('a `b [x](y c) d').line).toBe('a `b [x](<y c>) d')
    expect(bracketSpacedAddresses('text ` [x](y c) ` more').line).toBe('text ` [x](<y c>) ` more')
    expect(bracketSpacedAddresses('``a`` `b [x](y c)` d').line).toBe('``a`` `b [x](y c)` d')
  })

  it('counts the brackets a line leaves open, and closes those the lines before opened', () => {
    expect(bracketSpacedAddresses('1. [The field guide for')).toEqual({
      line: '1. [The field guide for',
      open: 1,
    })
    expect(
      bracketSpacedAddresses('   2024](/files/Field guide.pdf) and more', undefined, 1),
    ).toEqual({line: '   2024](</files/Field guide.pdf>) and more', open: 0})
  })

  it('moves an address that goes on to the next line there, joined as a browser reads it', () => {
    expect(
      bracketSpacedAddresses('1. [Volunteer](/docs/For the Desk &', '   Help Desk 2024.pdf) now'),
    ).toEqual({
      line: '1. [Volunteer](',
      next: '   <&#47;docs/For the Desk &Help Desk 2024.pdf>) now',
      open: 0,
    })
    expect(bracketSpacedAddresses('[a](b (c', 'd) e) f')).toEqual({
      line: '[a](',
      next: '<&#98; (cd) e>) f',
      open: 0,
    })
  })

  it('leaves an address alone when the next line does not close it or opens its title', () => {
    for (const next of ['more text', '"Title")', 'with <angle>)']) {
      expect(bracketSpacedAddresses('[a](b c', next)).toEqual({line: '[a](b c', open: 0})
    }
  })
})

describe('bracketSpacedDefinition', () => {
  it("brackets a definition's address that holds spaces, before its title", () => {
    expect(bracketSpacedDefinition('[//]: #  ### Draft section')).toBe(
      '[//]: <#  ### Draft section>',
    )
    expect(bracketSpacedDefinition('[p]: /files/course policies.pdf "Policies"')).toBe(
      '[p]: </files/course policies.pdf> "Policies"',
    )
  })

  it('leaves footnotes, plain definitions and what kramdown reads as text alone', () => {
    for (const line of [
      '[^note]: A footnote with words.',
      '[a]: /plain "Title"',
      '[a]: /x "T" extra',
      '[a]: <already bracketed>',
      'text [a]: b c',
    ]) {
      expect(bracketSpacedDefinition(line)).toBe(line)
    }
  })
})

describe('nestedLinksAsText', () => {
  it("escapes the brackets of every link inside another link's text, at any depth", () => {
    expect(nestedLinksAsText('more involved[. Refer to [this]() guide.](/vivado)')).toBe(
      'more involved[. Refer to \\[this\\]() guide.](/vivado)',
    )
    expect(nestedLinksAsText('[a [b [c](x)](y)](z) [k](l)')).toBe(
      '[a \\[b \\[c\\](x)\\](y)](z) [k](l)',
    )
  })

  it('leaves links in brackets that are no link, images, code and lone links alone', () => {
    for (const line of [
      '[see [this](x)] and [k](l)',
      '[![badge](b.svg)](x) [k](l)',
      '`[a [b](c)](d)` [k](l)',
      '[a `[b](c)`](d) [k](l)',
      '\\[a [b](c)](d)',
      '[a](b) [c](d)',
    ]) {
      expect(nestedLinksAsText(line)).toBe(line)
    }
  })
})

describe('mayNestLinks', () => {
  it('finds a link closing inside open brackets, on one line only', () => {
    expect(mayNestLinks('x [a [b](c)](d)')).toBe(true)
    expect(mayNestLinks('[a](b) [c](d)')).toBe(false)
    expect(mayNestLinks('[a\n[b](c)](d)')).toBe(false)
    expect(mayNestLinks('[[[[ no link')).toBe(false)
  })
})
