import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {kramdownMissing, renderWithKramdown} from './kramdown.ts'
import {siteFidelity} from './site.ts'
import {readSiteFiles} from './siteFiles.ts'

/** A small site whose only page fills its body from `_includes/`. */
function siteWithIncludes(): string {
  const root = mkdtempSync(join(tmpdir(), 'fidelity-site-'))
  mkdirSync(join(root, '_includes', 'parts'), {recursive: true})
  writeFileSync(join(root, '_config.yml'), 'title: Site\n')
  writeFileSync(
    join(root, 'index.md'),
    '---\ntitle: Home\n---\n\nIntro.\n\n{% include parts/steps.md first="Plan" %}\n\n{% include note.html %}\n',
  )
  writeFileSync(join(root, '_includes', 'parts', 'steps.md'), '1. {{ include.first }}\n2. Build\n')
  writeFileSync(
    join(root, '_includes', 'note.html'),
    '<div class="note">\n<p>Ship it.</p>\n</div>\n',
  )
  return root
}

describe('readSiteFiles', () => {
  it('hands _includes/ files to the importer as site files and to kramdown by name', async () => {
    const {files, includes} = await readSiteFiles(siteWithIncludes())
    expect(files.map((file) => file.path)).toEqual([
      '_config.yml',
      '_includes/note.html',
      '_includes/parts/steps.md',
      'index.md',
    ])
    expect(includes.get('parts/steps.md')).toBe('1. {{ include.first }}\n2. Build\n')
  })
})

describe.skipIf(kramdownMissing() !== null)('siteFidelity with includes', () => {
  it('finds a page built from includes identical on both sides', async () => {
    const {files, includes} = await readSiteFiles(siteWithIncludes())
    const report = await siteFidelity(files, {kramdown: renderWithKramdown, includes})
    expect(report.pages).toHaveLength(1)
    expect(report.pages[0].comparison?.differences).toEqual([])
    expect(report.pages[0].comparison?.words).toMatchObject({lost: 0, added: 0})
  })
})

describe('siteFidelity keepHtml', () => {
  it('keeps both renderings of a page in its report when asked, and only then', async () => {
    const {files, includes} = await readSiteFiles(siteWithIncludes())
    const kramdown = async (requests: readonly unknown[]) =>
      requests.map(() => ({html: '<p>What kramdown wrote.</p>'}))
    const kept = await siteFidelity(files, {kramdown, includes, keepHtml: true})
    expect(kept.pages[0].html?.kramdown).toBe('<p>What kramdown wrote.</p>')
    expect(kept.pages[0].html?.project).toContain('Ship it.')
    expect(kept.pages[0].comparison?.differences).not.toEqual([])
    const plain = await siteFidelity(files, {kramdown, includes})
    expect(plain.pages[0].html).toBeUndefined()
  })
})
