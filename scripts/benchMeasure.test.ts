import {
  appendFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'

import {copySite} from './bench-measure.ts'

describe('copySite', () => {
  let scratch: string | undefined
  afterEach(() => {
    if (scratch) rmSync(scratch, {recursive: true, force: true})
  })

  it('leaves the site unchanged when the copy is edited, the site and its files given as links', () => {
    scratch = mkdtempSync(join(tmpdir(), 'bench-copy-'))
    const site = join(scratch, 'site')
    mkdirSync(join(site, 'docs'), {recursive: true})
    writeFileSync(join(site, 'docs', 'page.md'), '# Page\n')
    writeFileSync(join(scratch, 'shared.md'), '# Shared\n')
    symlinkSync(join(scratch, 'shared.md'), join(site, 'docs', 'linked.md'))
    symlinkSync(site, join(scratch, 'site-link'))
    // A link back to the site: copied once, not for ever.
    symlinkSync(site, join(site, 'docs', 'loop'))

    const copy = join(scratch, 'copy')
    copySite(join(scratch, 'site-link'), copy)
    appendFileSync(join(copy, 'docs', 'page.md'), '\nEdited.\n')
    appendFileSync(join(copy, 'docs', 'linked.md'), '\nEdited.\n')

    expect(lstatSync(copy).isDirectory()).toBe(true)
    expect(readFileSync(join(site, 'docs', 'page.md'), 'utf8')).toBe('# Page\n')
    expect(readFileSync(join(scratch, 'shared.md'), 'utf8')).toBe('# Shared\n')
    expect(readFileSync(join(copy, 'docs', 'page.md'), 'utf8')).toBe('# Page\n\nEdited.\n')
    expect(existsSync(join(copy, 'docs', 'loop'))).toBe(false)
  })
})
