import {describe, expect, it} from 'vitest'

import {isoDay, withSection} from './benchReadme.ts'

describe("a benchmark's README section", () => {
  const readme = 'Intro.\n\n<!-- bench:x -->\n\nold figures\n\n<!-- /bench:x -->\n\nAfter.\n'

  it('replaces only what lies between its markers, keeping both', () => {
    expect(withSection(readme, 'bench:x', '| new | table |', 'README.md')).toBe(
      'Intro.\n\n<!-- bench:x -->\n\n| new | table |\n\n<!-- /bench:x -->\n\nAfter.\n',
    )
  })

  it('dates a table by its UTC day', () => {
    expect(isoDay(new Date('2026-12-03T23:30:00Z'))).toBe('2026-12-03')
  })

  it('names the file and the markers it expected when they are missing or out of order', () => {
    expect(() => withSection(readme, 'bench:y', 'x', 'lake/README.md')).toThrow(
      'Cannot update lake/README.md: expected the markers <!-- bench:y --> and <!-- /bench:y -->.',
    )
    const reversed = '<!-- /bench:x -->\n<!-- bench:x -->\n'
    expect(() => withSection(reversed, 'bench:x', 'x', 'README.md')).toThrow(/expected the markers/)
  })
})
